import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitView, lonLatToMercator, MERCATOR_HALF_WIDTH_M, TYPICAL_MAP_VIEWPORTS_PX, type TileId } from '#core';
import { extentToLonLat } from '../handlers/lon-lat';
import type { ProjectStore } from '../store/project-store';
import { addParcels, createTestProject } from '../store/test-project';
import { firstViewRequests } from './read-ahead';
import { TileService } from './tile-service';
import { TileWorker } from './tile-worker';

let store: ProjectStore;
let layerId: string;
beforeAll(() => {
  store = createTestProject();
  layerId = addParcels(store, 900); // 2.7 km square of 90 m parcels; no overview kept yet
});
afterAll(() => store.close());

function tileOf(lonLat: [number, number], z: number): TileId {
  const [x, y] = lonLatToMercator(lonLat);
  const size = (2 * MERCATOR_HALF_WIDTH_M) / 2 ** z;
  return { z, x: Math.floor((x + MERCATOR_HALF_WIDTH_M) / size), y: Math.floor((MERCATOR_HALF_WIDTH_M - y) / size) };
}
const overviewRows = () => store.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'vep_layer_cache'").pluck().get() === 0
  ? 0
  : (store.db.prepare("SELECT count(*) FROM vep_layer_cache WHERE kind = 'tile-overview'").pluck().get() as number);

describe('the first view a project opens on', () => {
  it('without a saved view: the parcel layer fitted to a small and a large map, the small one first, each tile once', () => {
    const layer = store.layers.info(layerId);
    const zooms = TYPICAL_MAP_VIEWPORTS_PX.map((v) => Math.floor(fitView(extentToLonLat(layer.extent!, layer.crs!), v, 40).zoom));
    const requests = firstViewRequests(store);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((r) => r.layerId === layerId && zooms.includes(r.tile.z))).toBe(true);
    expect(requests[0].tile.z).toBe(Math.min(...zooms));
    const keys = requests.map((r) => `${r.tile.z}/${r.tile.x}/${r.tile.y}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('with a saved view: the tiles around its centre at its zoom, the centre first; none of a layer it hides', () => {
    const layer = store.layers.info(layerId);
    const [w, s, e, n] = extentToLonLat(layer.extent!, layer.crs!);
    const center: [number, number] = [(w + e) / 2, (s + n) / 2];
    store.uiState.set('workspace', { center, zoom: 15.4, layerDisplay: {} });
    try {
      const requests = firstViewRequests(store);
      expect(requests[0].tile).toEqual(tileOf(center, 15));
      expect(requests.every((r) => r.tile.z === 15)).toBe(true);
      store.uiState.set('workspace', { center, zoom: 15.4, layerDisplay: { [layerId]: { visible: false, opacity: 1 } } });
      expect(firstViewRequests(store)).toEqual([]);
      // a malformed saved view is no view: the fit again
      store.uiState.set('workspace', { center: 'here', zoom: null });
      expect(firstViewRequests(store).length).toBeGreaterThan(0);
    } finally {
      store.uiState.set('workspace', null);
    }
  });
});

describe('tiles cut in the worker', () => {
  it('are the tiles the service cuts in the host; a bad request fails as there; an overview it builds is kept by the host', async () => {
    const worker = new TileWorker(store);
    try {
      expect(overviewRows()).toBe(0);
      const layer = store.layers.info(layerId);
      const [w, s, e, n] = extentToLonLat(layer.extent!, layer.crs!);
      const local = new TileService(store, { keepOverview: () => undefined }); // in-process reference; keeps nothing
      for (const z of [10, 13, 16]) {
        const t = tileOf([(w + e) / 2, (s + n) / 2], z);
        const bytes = await worker.getTile(layerId, t.z, t.x, t.y);
        expect(bytes).not.toBeNull();
        expect(Buffer.from(bytes!).equals(Buffer.from(local.getTile(layerId, t.z, t.x, t.y)!))).toBe(true);
      }
      // the z10 tile built the layer's overview in the worker, which the host wrote into the project
      expect(overviewRows()).toBe(1);
      await expect(worker.getTile('no_such_layer', 10, 0, 0)).rejects.toMatchObject({ code: 'LAYER_NOT_FOUND' });
      await expect(worker.getTile(layerId, 3, 9, 0)).rejects.toMatchObject({ code: 'TILE_OUT_OF_RANGE' });
    } finally {
      await worker.close();
    }
  });

  it('started, reads the first view ahead (building and keeping a missing overview) before any tile is asked for; closed, answers null', async () => {
    const s = createTestProject();
    try {
      const id = addParcels(s, 400);
      // a saved view at a zoom the overview covers, so the read-ahead's first tile needs it
      const layer = s.layers.info(id);
      const [w, so, e, n] = extentToLonLat(layer.extent!, layer.crs!);
      s.uiState.set('workspace', { center: [(w + e) / 2, (so + n) / 2], zoom: 10.2 });
      const worker = new TileWorker(s);
      worker.start();
      const kept = () => s.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'vep_layer_cache'").pluck().get() === 1;
      for (let waited = 0; !kept() && waited < 30_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      expect(kept()).toBe(true);
      const pending = worker.getTile(id, 16, 0, 0);
      await worker.close();
      await expect(pending).resolves.toBeNull();
      await expect(worker.getTile(id, 16, 0, 0)).resolves.toBeNull();
    } finally {
      s.close();
    }
  });
});
