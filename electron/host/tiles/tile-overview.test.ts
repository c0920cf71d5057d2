import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CellAccumulator, MERCATOR_HALF_WIDTH_M, type TileId } from '#core';
import { GK40 } from '../../../test/store/parcels';
import type { ProjectStore } from '../store/project-store';
import { addParcels, createTestProject } from '../store/test-project';
import { TileOverview } from './tile-overview';
import type { TileSource } from './tile-source';
import { WEB_MERCATOR_PROJ4, tileWindow } from './tile-window';

// 3 600 jittered 90 m parcels (5.4 km square), every 97th with its R-tree box blown up to as much as 3.6 km, so that
// some features stay too big for a cell down to the county zooms while most become sub-pixel.
let store: ProjectStore;
let source: TileSource;
const toMercator = proj4(GK40.proj4, WEB_MERCATOR_PROJ4);

beforeAll(() => {
  store = createTestProject();
  const id = addParcels(store, 3600);
  store.db.exec(`UPDATE "rtree_${id}_geom" SET maxx = minx + (maxx - minx) * (1 + (id % 40)), maxy = miny + (maxy - miny) * (1 + (id % 40)) WHERE id % 97 = 0`);
  const extent = store.db.prepare('SELECT min(minx), min(miny), max(maxx), max(maxy) FROM "rtree_' + id + '_geom"').raw().get() as [number, number, number, number];
  source = { table: id, crs: GK40, properties: [], classColumn: ['DLBM', 'DLBM'], version: 'v', extent, imported: true };
});
afterAll(() => store.close());

function tileAt(easting: number, northing: number, z: number): TileId {
  const [x, y] = toMercator.forward([easting, northing]);
  const size = (2 * MERCATOR_HALF_WIDTH_M) / 2 ** z;
  return { z, x: Math.floor((x + MERCATOR_HALF_WIDTH_M) / size), y: Math.floor((MERCATOR_HALF_WIDTH_M - y) / size) };
}

/** What the tile service's R-tree query returns for a tile, less what the overview counts in its cells. */
function fromRtree(overview: TileOverview, tile: TileId, cell: number): number[] {
  const w = tileWindow(GK40, tile, 4096, 64);
  const ids = store.db
    .prepare(`SELECT id FROM "rtree_${source.table}_geom" WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ? AND ((maxx - minx) >= ? OR (maxy - miny) >= ?)`)
    .pluck()
    .all(w.bbox[0], w.bbox[2], w.bbox[1], w.bbox[3], cell, cell) as number[];
  return ids.filter((id) => !overview.counted(id, tile.z)).sort((a, b) => a - b);
}

describe('the large features an overview lists', () => {
  it('are, at every zoom it covers and in every tile, exactly the features the R-tree query would draw', () => {
    const overview = TileOverview.build(store.db, source, source.extent!, 256);
    expect(overview.maxZoom).toBeGreaterThanOrEqual(11);
    let nonEmpty = 0;
    for (let z = 4; z <= overview.maxZoom; z++) {
      for (const [e, n] of [[40500100, 3385100], [40502700, 3387700], [40505300, 3390300], [40503000, 3383000]]) {
        const tile = tileAt(e, n, z);
        const w = tileWindow(GK40, tile, 4096, 64);
        const cell = (4096 / 256 / w.scale) * (z >= 5 ? 0.9 : 0.5);
        const listed = overview.largeIn(z, w.bbox, cell);
        expect(listed, `z${z}`).toEqual(fromRtree(overview, tile, cell));
        if (listed!.length > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(10);
  });

  it('stop at the limit: a zoom with more large features than listed answers null (ask the R-tree); the others still list', () => {
    const overview = TileOverview.build(store.db, source, source.extent!, 256, 100);
    const z10 = tileAt(40502700, 3387700, 10), w10 = tileWindow(GK40, z10, 4096, 64);
    const z12 = tileAt(40502700, 3387700, 12), w12 = tileWindow(GK40, z12, 4096, 64);
    // at z12 the 90 m parcels are all bigger than a 38 m cell: thousands, over the limit
    expect(overview.largeIn(12, w12.bbox, (16 / w12.scale) * 0.9)).toBeNull();
    // at z10 only the blown-up ones are: fewer than 100
    const cell10 = (16 / w10.scale) * 0.9;
    expect(overview.largeIn(10, w10.bbox, cell10)).toEqual(fromRtree(overview, z10, cell10));
  });

  it('survive being stored: the decoded overview lists, counts and fills as the built one', () => {
    const built = TileOverview.build(store.db, source, source.extent!, 256);
    const decoded = TileOverview.decode(built.encode())!;
    expect(decoded).not.toBeNull();
    for (let z = 6; z <= built.maxZoom; z++) {
      const tile = tileAt(40502700, 3387700, z);
      const w = tileWindow(GK40, tile, 4096, 64);
      expect(decoded.largeIn(z, w.bbox, 16 / w.scale)).toEqual(built.largeIn(z, w.bbox, 16 / w.scale));
      const [a, b] = [new CellAccumulator(256, 4096), new CellAccumulator(256, 4096)];
      built.fill(a, z, tile.x, tile.y);
      decoded.fill(b, z, tile.x, tile.y);
      expect(b.features('DLBM')).toEqual(a.features('DLBM'));
    }
    for (let id = 1; id <= 3600; id += 7) for (const z of [8, 10, 12]) expect(decoded.counted(id, z)).toBe(built.counted(id, z));
    // bytes of another format, or cut anywhere, are refused rather than misread
    const bytes = built.encode();
    const otherFormat = bytes.slice();
    new DataView(otherFormat.buffer).setUint32(4, 1, true);
    expect(TileOverview.decode(otherFormat)).toBeNull();
    for (const cut of [10, 100, bytes.length >> 1, bytes.length - 1]) expect(TileOverview.decode(bytes.subarray(0, cut))).toBeNull();
  });
});
