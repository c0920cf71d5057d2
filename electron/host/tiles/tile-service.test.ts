import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MERCATOR_HALF_WIDTH_M, geometryExtent, tileBoundsMercator, type Extent, type Feature, type Position, type TileId } from '#core';
import { GK40, makeParcels } from '../../../test/store/parcels';
import { ProjectStore } from '../store/project-store';
import { addParcels, createTestProject } from '../store/test-project';
import { OVERVIEW_FORMAT, TILE_BUDGET, TileOverview } from './tile-overview';
import { TileService } from './tile-service';
import { WEB_MERCATOR_PROJ4 } from './tile-window';

const COUNT = 2500; // a 50 × 50 grid of 90 m parcels: 4.5 km square at 120.0°E 30.58°N
let store: ProjectStore;
let layerId: string;
let tiles: TileService;
const input: Feature[] = [...makeParcels({ count: COUNT })];
const toMercator = proj4(GK40.proj4, WEB_MERCATOR_PROJ4);

beforeAll(() => {
  store = createTestProject();
  layerId = addParcels(store, COUNT);
  // No tile budget (no tile holds more than all the parcels): these tests follow each parcel from R-tree to tile.
  tiles = new TileService(store, { tileBudget: COUNT });
});
afterAll(() => store.close());

function tileOf(p: Position, z: number): TileId {
  const size = (2 * MERCATOR_HALF_WIDTH_M) / 2 ** z;
  return { z, x: Math.floor((p[0] + MERCATOR_HALF_WIDTH_M) / size), y: Math.floor((MERCATOR_HALF_WIDTH_M - p[1]) / size) };
}
function decode(bytes: Uint8Array | null) {
  expect(bytes).not.toBeNull();
  return new VectorTile(new PbfReader(bytes!)).layers[layerId];
}
const mercatorExtent = (f: Feature): Extent => {
  const ring = (f.geometry!.type === 'Polygon' ? f.geometry!.coordinates[0] : (f.geometry as { coordinates: Position[][][] }).coordinates[0][0]).map((p) => toMercator.forward(p));
  return geometryExtent({ type: 'LineString', coordinates: ring })!;
};
const meets = (a: Extent, b: Extent): boolean => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

describe('tiles at street level (z16)', () => {
  const centre = toMercator.forward([40500000 + 45 * 11, 3385000 + 45 * 7]); // inside the grid, away from its edge
  const tile = tileOf(centre, 16);

  it('hold exactly the parcels that meet the tile (up to its buffer), with id and 三调 properties', () => {
    const layer = decode(tiles.getTile(layerId, tile.z, tile.x, tile.y));
    const got = Array.from({ length: layer.length }, (_, i) => layer.feature(i));
    const bounds = tileBoundsMercator(tile);
    const pad = ((bounds[2] - bounds[0]) * 64) / 4096;
    const inside = input.filter((f) => meets(mercatorExtent(f), bounds)).map((f) => Number(f.id) + 1);
    const withBuffer = input.filter((f) => meets(mercatorExtent(f), [bounds[0] - pad, bounds[1] - pad, bounds[2] + pad, bounds[3] + pad])).map((f) => Number(f.id) + 1);
    const ids = got.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(inside));
    expect(withBuffer).toEqual(expect.arrayContaining(ids as number[]));
    for (const f of got) {
      const p = input[f.id! - 1].properties;
      expect(f.properties).toEqual({ DLBM: p.DLBM, DLMC: p.DLMC, TBBH: p.TBBH, BSM: p.BSM });
      expect(f.type).toBe(3);
    }
  });

  it.runIf(spawnSync('cs2cs', []).status !== null && spawnSync('ogrinfo', ['--version']).status === 0)(
    'puts the vertices where PROJ puts them: GDAL-decoded tile vs cs2cs EPSG:4528 → EPSG:3857, within a tile unit',
    () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'vep-tiles-'));
      const file = path.join(dir, String(tile.z), String(tile.x), `${tile.y}.pbf`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, tiles.getTile(layerId, tile.z, tile.x, tile.y)!);
      const gdal = JSON.parse(execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', '-oo', 'CLIP=NO', file], { encoding: 'utf8' })) as {
        features: { properties: { mvt_id: number }; geometry: { type: string; coordinates: Position[][] | Position[][][] } }[];
      };
      const unitM = (2 * MERCATOR_HALF_WIDTH_M) / 2 ** 16 / 4096;
      const [minX, minY, maxX, maxY] = tileBoundsMercator(tile);
      let checked = 0;
      for (const f of gdal.features.slice(0, 12)) {
        const src = input[f.properties.mvt_id - 1].geometry!;
        const ring = src.type === 'Polygon' ? src.coordinates[0] : (src.coordinates as Position[][][])[0][0];
        // cs2cs takes EPSG:4528 as northing, easting
        const projected = execFileSync('cs2cs', ['EPSG:4528', 'EPSG:3857', '-f', '%.4f'], { input: ring.map((p) => `${p[1]} ${p[0]}`).join('\n') + '\n', encoding: 'utf8' })
          .trim().split('\n').map((l) => l.split(/\s+/).slice(0, 2).map(Number));
        const out = (f.geometry.type === 'Polygon' ? (f.geometry.coordinates as Position[][])[0] : (f.geometry.coordinates as Position[][][])[0][0]);
        for (const v of out) {
          const onEdge = v[0] <= minX - 60 * unitM || v[0] >= maxX + 60 * unitM || v[1] <= minY - 60 * unitM || v[1] >= maxY + 60 * unitM;
          if (onEdge) continue; // a vertex made by clipping at the buffer edge has no source vertex
          const nearest = Math.min(...projected.map((q) => Math.hypot(q[0] - v[0], q[1] - v[1])));
          expect(nearest).toBeLessThan(unitM);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(50);
    },
  );
});

describe('tiles of the whole county at low zoom', () => {
  const sw = toMercator.forward([40500000, 3385000]);

  it('z8: no parcel is read one by one; pixel squares coloured by DLBM cover the grid', () => {
    const tile = tileOf(sw, 8);
    const layer = decode(tiles.getTile(layerId, tile.z, tile.x, tile.y));
    const got = Array.from({ length: layer.length }, (_, i) => layer.feature(i));
    expect(got.every((f) => f.id === undefined && typeof f.properties.coalesced === 'number')).toBe(true);
    const counted = got.reduce((n, f) => n + (f.properties.coalesced as number), 0);
    // 4.5 km is about 7 cells of 611 m: edge cells that are less than half covered stay empty
    expect(counted).toBeGreaterThan(COUNT * 0.6);
    expect(counted).toBeLessThanOrEqual(COUNT);
    const classes = new Set(input.map((f) => f.properties.DLBM));
    expect(got.every((f) => classes.has(f.properties.DLBM as string))).toBe(true);
  });

  it('z12: 90 m parcels (about 2.4 pixel cells) are all drawn, none coalesced, none missing', () => {
    const tile = tileOf(sw, 12);
    const layer = decode(tiles.getTile(layerId, tile.z, tile.x, tile.y));
    const got = Array.from({ length: layer.length }, (_, i) => layer.feature(i));
    expect(got.filter((f) => f.id === undefined)).toEqual([]);
    const bounds = tileBoundsMercator(tile);
    const inside = input.filter((f) => meets(mercatorExtent(f), bounds)).map((f) => Number(f.id) + 1);
    expect(inside.length).toBeGreaterThan(0);
    expect(got.map((f) => f.id)).toEqual(expect.arrayContaining(inside));
  });
});

describe('low-zoom tiles from the overview agree with tiles counted from the R-tree', () => {
  it.each([8, 9, 10, 11])('z%i', (z) => {
    const live = new TileService(store, { overviews: false, tileBudget: COUNT });
    const tile = tileOf(toMercator.forward([40500000 + 2000, 3385000 + 2000]), z);
    const summary = (bytes: Uint8Array | null) => {
      const layer = decode(bytes);
      const features = Array.from({ length: layer.length }, (_, i) => layer.feature(i));
      return {
        drawn: new Set(features.filter((f) => f.id !== undefined).map((f) => f.id)),
        counted: features.reduce((n, f) => n + ((f.properties.coalesced as number | undefined) ?? 0), 0),
      };
    };
    const a = summary(tiles.getTile(layerId, z, tile.x, tile.y));
    const b = summary(live.getTile(layerId, z, tile.x, tile.y));
    // The two measure a parcel's size in different CRSs (Web Mercator vs the layer's, scaled at the tile centre) and
    // bin by centres projected differently. Drawn parcels must agree exactly (the synthetic parcels are far from the
    // size thresholds); cell totals may differ only where cells are partly covered and sit near the 50 % fill
    // threshold, i.e. along the border of the layer: at most the parcels of the outermost ring of cells.
    expect([...a.drawn].sort()).toEqual([...b.drawn].sort());
    const cellGroundM = (2 * MERCATOR_HALF_WIDTH_M) / 2 ** z / 256 * Math.cos((30.6 * Math.PI) / 180);
    const perCell = (cellGroundM / 90) ** 2;
    const ringCells = 4 * (Math.ceil(4500 / cellGroundM) + 1);
    expect(Math.abs(a.counted - b.counted)).toBeLessThanOrEqual(ringCells * perCell);
    if (z <= 10) expect(a.counted).toBeGreaterThan(0); // at z ≤ 10 the 90 m parcels are sub-pixel
  });
});

describe('the overview kept in the project', () => {
  const z10 = (): TileId => tileOf(toMercator.forward([40500000 + 2000, 3385000 + 2000]), 10);
  const storedRows = (s: ProjectStore) => s.db.prepare(`SELECT table_name, kind, version, recipe, length(data) AS bytes FROM vep_layer_cache WHERE kind = 'tile-overview'`).all() as { table_name: string; kind: string; version: string; recipe: string; bytes: number }[];

  it('is made once and read back: a second service (a reopened project) serves the same low-zoom tiles without building', () => {
    const s = createTestProject();
    try {
      const id = addParcels(s, 900);
      expect(new TileService(s).prepareOverview(id)).toBe(true);
      const rows = storedRows(s);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ table_name: id, kind: 'tile-overview', recipe: `format=${OVERVIEW_FORMAT};grid=256;budget=${TILE_BUDGET};class=DLBM` });
      expect(rows[0].version).toBe(s.db.prepare('SELECT last_change FROM gpkg_contents WHERE table_name = ?').pluck().get(id));
      const built = new TileService(s).getTile(id, 10, z10().x, z10().y);
      const build = vi.spyOn(TileOverview, 'build');
      try {
        const reopened = ProjectStore.open(s.db.name, { readonly: true });
        try {
          expect(new TileService(reopened).getTile(id, 10, z10().x, z10().y)).toEqual(built);
          // read ahead (as the host does on opening a project), the first tile finds it in memory
          const warmed = new TileService(reopened);
          warmed.warm();
          const decode = vi.spyOn(TileOverview, 'decode');
          try {
            expect(warmed.getTile(id, 10, z10().x, z10().y)).toEqual(built);
            expect(decode).not.toHaveBeenCalled();
          } finally {
            decode.mockRestore();
          }
        } finally {
          reopened.close();
        }
        expect(build).not.toHaveBeenCalled();
      } finally {
        build.mockRestore();
      }
    } finally {
      s.close();
    }
  });

  it('is rebuilt and replaced when the layer changed since it was made, and goes with the layer', () => {
    const s = createTestProject();
    try {
      const id = addParcels(s, 900);
      new TileService(s).prepareOverview(id);
      const before = storedRows(s)[0];
      // a new version of the layer (as an edit in another program stamps it), with the western half of it gone
      s.db.exec(`DELETE FROM "${id}" WHERE fid % 30 < 15`);
      s.db.prepare("UPDATE gpkg_contents SET last_change = '2030-01-01T00:00:00.000Z' WHERE table_name = ?").run(id);
      const build = vi.spyOn(TileOverview, 'build');
      let served: Uint8Array | null;
      try {
        served = new TileService(s).getTile(id, 10, z10().x, z10().y);
        expect(build).toHaveBeenCalledTimes(1);
      } finally {
        build.mockRestore();
      }
      const after = storedRows(s)[0];
      expect(after.version).toBe('2030-01-01T00:00:00.000Z');
      expect(after.bytes).not.toBe(before.bytes);
      const coalesced = (bytes: Uint8Array | null) => {
        const layer = decode(bytes);
        return Array.from({ length: layer.length }, (_, i) => layer.feature(i)).reduce((n, f) => n + ((f.properties.coalesced as number | undefined) ?? 0), 0);
      };
      // the rebuilt overview counts only the 450 parcels left (the stale one would count most of the 900), and what
      // is stored is exactly a fresh build of the layer as it is now
      expect(coalesced(served!)).toBeLessThanOrEqual(450);
      expect(coalesced(served!)).toBeGreaterThan(450 * 0.5);
      const source = { table: id, crs: GK40, properties: [], classColumn: ['DLBM', 'DLBM'] as [string, string], version: after.version, extent: s.layers.extent(id)!, imported: true };
      const stored = s.db.prepare(`SELECT data FROM vep_layer_cache WHERE kind = 'tile-overview'`).pluck().get() as Uint8Array;
      expect(Buffer.from(stored).equals(Buffer.from(TileOverview.build(s.db, source, source.extent, 256).encode()))).toBe(true);
      s.layers.delete(id);
      expect(storedRows(s)).toEqual([]);
    } finally {
      s.close();
    }
  });

  it('a read-only project, or stored bytes that cannot be read, still gets its tiles (built in memory)', () => {
    const s = createTestProject();
    const file = s.db.name;
    const id = addParcels(s, 900);
    const expected = new TileService(s, { overviews: false }).getTile(id, 10, z10().x, z10().y);
    new TileService(s).prepareOverview(id);
    s.db.prepare(`UPDATE vep_layer_cache SET data = substr(data, 1, 100) WHERE kind = 'tile-overview'`).run(); // cut short
    s.close();
    const reopened = ProjectStore.open(file, { readonly: true });
    try {
      const tile = new TileService(reopened).getTile(id, 10, z10().x, z10().y);
      const ids = (bytes: Uint8Array | null) => {
        const layer = decode(bytes);
        return Array.from({ length: layer.length }, (_, i) => layer.feature(i).id).filter((v) => v !== undefined).sort();
      };
      expect(ids(tile)).toEqual(ids(expected));
      expect(reopened.db.prepare(`SELECT length(data) FROM vep_layer_cache WHERE kind = 'tile-overview'`).pluck().get()).toBe(100); // left as it was
    } finally {
      reopened.close();
    }
  });
});

describe('attributes on tile features', () => {
  it('below z14 a parcel carries only its class (and its id); from z14 every attribute', () => {
    const at = (z: number) => {
      const { x, y } = tileOf(toMercator.forward([40500000 + 45 * 11, 3385000 + 45 * 7]), z);
      const layer = decode(tiles.getTile(layerId, z, x, y));
      return Array.from({ length: layer.length }, (_, i) => layer.feature(i)).filter((f) => f.id !== undefined);
    };
    const z13 = at(13), z14 = at(14);
    expect(z13.length).toBeGreaterThan(10);
    expect(z14.length).toBeGreaterThan(10);
    for (const f of z13) expect(f.properties).toEqual({ DLBM: input[f.id! - 1].properties.DLBM });
    for (const f of z14) {
      const p = input[f.id! - 1].properties;
      expect(f.properties).toEqual({ DLBM: p.DLBM, DLMC: p.DLMC, TBBH: p.TBBH, BSM: p.BSM });
    }
  });
});

describe('cache and errors', () => {
  it('serves a repeated tile from the cache and a changed table afresh', () => {
    const r = store.redLines.create({ name: 'r', geometry: { type: 'Polygon', coordinates: [[[40500100, 3385100], [40500300, 3385100], [40500300, 3385300], [40500100, 3385100]]] }, crs: GK40 });
    const tile = tileOf(toMercator.forward([40500200, 3385200]), 14);
    const first = tiles.getTile('vep_red_lines', tile.z, tile.x, tile.y);
    expect(tiles.getTile('vep_red_lines', tile.z, tile.x, tile.y)).toBe(first);
    store.redLines.update(r.id, { name: 'renamed' });
    const second = tiles.getTile('vep_red_lines', tile.z, tile.x, tile.y)!;
    expect(second).not.toBe(first);
    expect(new VectorTile(new PbfReader(second)).layers.vep_red_lines.feature(0).properties.name).toBe('renamed');
  });

  it('null for an empty tile; LAYER_NOT_FOUND and TILE_OUT_OF_RANGE for bad requests', () => {
    expect(tiles.getTile(layerId, 10, 0, 0)).toBeNull();
    expect(() => tiles.getTile('nope', 10, 0, 0)).toThrow(expect.objectContaining({ code: 'LAYER_NOT_FOUND' }));
    expect(() => tiles.getTile(layerId, 3, 8, 0)).toThrow(expect.objectContaining({ code: 'TILE_OUT_OF_RANGE' }));
  });
});
