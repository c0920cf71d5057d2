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

/** The signed area of a ring of [x, y] points. */
function shoelace(ring: readonly (readonly number[])[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [a, b] = [ring[i], ring[(i + 1) % ring.length]];
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum / 2;
}

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
  it.each([
    ['no tile budget', 3600],
    ['a tile budget', 200],
  ])('are, with %s, at every zoom it covers and in every tile, exactly the features the R-tree query would draw', (_, tileBudget) => {
    const overview = TileOverview.build(store.db, source, source.extent!, 256, { tileBudget });
    expect(overview.maxZoom).toBeGreaterThanOrEqual(11);
    let nonEmpty = 0;
    for (let z = 4; z <= overview.maxZoom; z++) {
      for (const [e, n] of [[40500100, 3385100], [40502700, 3387700], [40505300, 3390300], [40503000, 3383000]]) {
        const tile = tileAt(e, n, z);
        const w = tileWindow(GK40, tile, 4096, 64);
        const cell = (4096 / 256 / w.scale) * overview.drawFrom(z)! * (z >= 5 ? 0.9 : 0.5);
        const listed = overview.largeIn(z, w.bbox, cell);
        expect(listed, `z${z}`).toEqual(fromRtree(overview, tile, cell));
        if (listed!.length > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(10);
  });

  it('stop at the limit: a zoom with more large features than listed answers null (ask the R-tree); the others still list', () => {
    const overview = TileOverview.build(store.db, source, source.extent!, 256, { largeLimit: 100, tileBudget: 3600 });
    const z10 = tileAt(40502700, 3387700, 10), w10 = tileWindow(GK40, z10, 4096, 64);
    const z12 = tileAt(40502700, 3387700, 12), w12 = tileWindow(GK40, z12, 4096, 64);
    // at z12 the 90 m parcels are all bigger than a 38 m cell: thousands, over the limit
    expect(overview.largeIn(12, w12.bbox, (16 / w12.scale) * 0.9)).toBeNull();
    // at z10 only the blown-up ones are: fewer than 100
    const cell10 = (16 / w10.scale) * 0.9;
    expect(overview.largeIn(10, w10.bbox, cell10)).toEqual(fromRtree(overview, z10, cell10));
  });

  it('stay within a tile budget: at every zoom no tile draws more than it of the features centred in it, and the limit is one size per zoom, never smaller at a lower zoom', () => {
    const overview = TileOverview.build(store.db, source, source.extent!, 256, { tileBudget: 200 });
    const boxes = store.db.prepare(`SELECT id, minx, maxx, miny, maxy FROM "rtree_${source.table}_geom"`).raw().all() as [number, number, number, number, number][];
    let bound = 0;
    for (let z = 4; z <= overview.maxZoom; z++) {
      const perTile = new Map<string, number>();
      for (const [id, x0, x1, y0, y1] of boxes) {
        if (overview.counted(id, z)) continue;
        const t = tileAt((x0 + x1) / 2, (y0 + y1) / 2, z);
        perTile.set(`${t.x}/${t.y}`, (perTile.get(`${t.x}/${t.y}`) ?? 0) + 1);
      }
      expect(Math.max(0, ...perTile.values()), `z${z}`).toBeLessThanOrEqual(200);
      expect(overview.drawFrom(z)!).toBeGreaterThanOrEqual(1);
      if (overview.drawFrom(z)! > 1) bound++;
      // in metres: drawFrom(z) cells of 2^-z → never below the zoom above's limit
      if (z < overview.maxZoom) expect(overview.drawFrom(z)! * 2).toBeGreaterThanOrEqual(overview.drawFrom(z + 1)! * (1 - 1e-9));
    }
    expect(bound).toBeGreaterThan(0); // 3 600 parcels of ~3 cells at z12: the budget is what decides there
  });

  it('spreads a counted feature over the cells its box covers: at z12 the 90 m parcels (~2.7 cells a side) fill the grid, not one cell each', () => {
    const overview = TileOverview.build(store.db, source, source.extent!, 256, { tileBudget: 200 });
    const z = 12;
    const [sw, ne] = [tileAt(40500000, 3385000, z), tileAt(40505400, 3390400, z)];
    let filledCells = 0;
    for (let x = sw.x; x <= ne.x; x++) {
      for (let y = ne.y; y <= sw.y; y++) {
        const cells = new CellAccumulator(256, 4096);
        overview.fill(cells, z, x, y);
        for (const f of cells.features('DLBM')) for (const ring of f.geometry) filledCells += Math.abs(shoelace(ring)) / 16 ** 2;
      }
    }
    // The grid: 3 600 parcels × 8 100 m² = 29.16 km²; a z12 cell is 38.22 m of Web Mercator, 38.22 · cos 30.6° =
    // 32.89 m on the ground, 1 082 m²: ~26 950 cells. Counting each parcel in its centre cell only would fill ~3 600.
    const drawn = 3600 - [...Array(3600).keys()].filter((i) => overview.counted(i + 1, z)).length;
    expect(drawn).toBeGreaterThan(0);
    expect(filledCells).toBeGreaterThan(0.85 * (29.16e6 - drawn * 8100) / 1082);
    expect(filledCells).toBeLessThan(1.1 * 29.16e6 / 1082);
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
