/** The one MapLibre map of the workspace, for the panels that zoom or query it. */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { createStore } from '../state/create-store';

export const mapStore = createStore<{ map: MapLibreMap | null; cursor: { lon: number; lat: number } | null; zoom: number; lat: number }>({
  map: null,
  cursor: null,
  zoom: 0,
  lat: 0,
});

/** Fits the map to a lon/lat box with some padding. */
export function zoomToBox(box: readonly [number, number, number, number] | null, maxZoom = 18): void {
  const map = mapStore.get().map;
  if (!map || !box || !box.every(Number.isFinite)) return;
  map.fitBounds([[box[0], box[1]], [box[2], box[3]]], { padding: 60, maxZoom, duration: 400 });
}
