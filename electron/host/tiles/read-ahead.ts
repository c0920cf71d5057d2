/**
 * The first view of a project, cut while the UI starts. After a project opens, the host sits idle for the second or
 * so the UI takes to start and ask for tiles; cutting meanwhile the tiles the map will most likely ask for first
 * puts them in the tile cache by then. The map's first camera is the saved view, else the parcel layer's extent
 * fitted to the map (renderer MapView.tsx, 40 px padding) — the map's size is not known here, so the fit is taken
 * for a small and a large map (core's TYPICAL_MAP_VIEWPORTS_PX), the small one first.
 */
import { fitView, lonLatToMercator, parcelLayerOf, tileBoundsMercator, tilesAround, TYPICAL_MAP_VIEWPORTS_PX, type Extent, type TileId } from '#core';
import { extentToLonLat } from '../handlers/lon-lat';
import type { ProjectStore } from '../store/project-store';
import type { TileService } from './tile-service';

export interface TileRequest {
  layerId: string;
  tile: TileId;
}

/** The key the renderer saves its view under (renderer state/persist.ts). */
const VIEW_KEY = 'workspace';
const FIT_PADDING_PX = 40;

/** The tiles the map of this project will most likely ask for first, in the order to cut them. */
export function firstViewRequests(store: ProjectStore): TileRequest[] {
  const state = store.uiState.get(VIEW_KEY);
  const saved = savedCamera(state);
  const hidden = hiddenLayers(state);
  const layers = store.layers
    .list()
    .filter((l) => l.extent && l.crs && !hidden.has(l.id))
    .map((l) => {
      const lonLat = extentToLonLat(l.extent!, l.crs!);
      return { ...l, lonLat, mercator: mercatorBox(lonLat) };
    });
  const parcels = parcelLayerOf(layers);
  const views = saved
    ? [{ center: saved.center, zoom: saved.zoom, viewport: TYPICAL_MAP_VIEWPORTS_PX[TYPICAL_MAP_VIEWPORTS_PX.length - 1] }]
    : parcels
      ? TYPICAL_MAP_VIEWPORTS_PX.map((viewport) => ({ ...fitView(parcels.lonLat, viewport, FIT_PADDING_PX), viewport }))
      : [];
  const requests: TileRequest[] = [];
  const seen = new Set<string>();
  for (const view of views) {
    for (const tile of tilesAround(view.center, view.zoom, view.viewport)) {
      const bounds = tileBoundsMercator(tile);
      for (const layer of layers) {
        const key = `${layer.id}/${tile.z}/${tile.x}/${tile.y}`;
        if (seen.has(key) || !meets(layer.mercator, bounds)) continue;
        seen.add(key);
        requests.push({ layerId: layer.id, tile });
      }
    }
  }
  return requests;
}

/**
 * Cuts the requests into the tile cache one per turn of the event loop, so that a request from the UI is served
 * between two. A failure ends it quietly: it was only a head start, and the UI's own request will report the
 * problem. (It runs in the tile worker, which ends with the project: nothing to stop here.)
 */
export function readAhead(tiles: TileService, requests: readonly TileRequest[]): void {
  let next = 0;
  const step = (): void => {
    if (next >= requests.length) return;
    const { layerId, tile } = requests[next++];
    try {
      tiles.getTile(layerId, tile.z, tile.x, tile.y);
    } catch (e) {
      console.error('vep host: the first view was not cut ahead (its tiles will be cut when asked for):', e);
      return;
    }
    setImmediate(step);
  };
  setImmediate(step);
}

/** The saved camera, or null when there is none (or it is malformed): then the map fits the parcel layer. */
function savedCamera(state: unknown): { center: [number, number]; zoom: number } | null {
  const { center, zoom } = (state ?? {}) as { center?: unknown; zoom?: unknown };
  if (!Array.isArray(center) || center.length !== 2 || !center.every((v) => typeof v === 'number' && Number.isFinite(v))) return null;
  if (typeof zoom !== 'number' || !Number.isFinite(zoom)) return null;
  return { center: center as [number, number], zoom };
}

/** The layers the saved view hides. */
function hiddenLayers(state: unknown): Set<string> {
  const { layerDisplay } = (state ?? {}) as { layerDisplay?: unknown };
  const hidden = new Set<string>();
  if (layerDisplay && typeof layerDisplay === 'object') {
    for (const [id, display] of Object.entries(layerDisplay)) if ((display as { visible?: unknown } | null)?.visible === false) hidden.add(id);
  }
  return hidden;
}

function mercatorBox(lonLat: Extent): Extent {
  const [x0, y0] = lonLatToMercator([lonLat[0], lonLat[1]]);
  const [x1, y1] = lonLatToMercator([lonLat[2], lonLat[3]]);
  return [x0, y0, x1, y1];
}

function meets(a: Extent, b: Extent): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}
