/** The map's current view as the host's map export takes it: the visible lon/lat box and the canvas's CSS size. */
import type { MapExportView } from '../../../electron/host/api';
import { mapStore } from '../map/map-instance';

/** Null before the map exists. */
export function currentMapView(): MapExportView | null {
  const map = mapStore.get().map;
  if (!map) return null;
  const b = map.getBounds();
  const c = map.getCanvas();
  const clamp = (v: number, lim: number) => Math.max(-lim, Math.min(lim, v));
  return {
    extentLonLat: [clamp(b.getWest(), 180), clamp(b.getSouth(), 85), clamp(b.getEast(), 180), clamp(b.getNorth(), 85)],
    widthPx: Math.max(16, Math.min(16_384, Math.round(c.clientWidth))),
    heightPx: Math.max(16, Math.min(16_384, Math.round(c.clientHeight))),
  };
}
