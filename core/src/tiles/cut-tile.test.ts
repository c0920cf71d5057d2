import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VectorTile, classifyRings } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import type { Feature, Geometry, Position } from '../types';
import { cutTileLayer, ringArea, type TileSourceFeature } from './cut-tile';
import { encodeMvt } from './mvt-encode';
import { lonLatToMercator, tileBoundsMercator, tileSizeM, type TileId } from './tile-grid';

const TILE: TileId = { z: 14, x: 13653, y: 6728 }; // 120.0°–120.022°E, 30.58°–30.60°N
const [minX, minY, maxX, maxY] = tileBoundsMercator(TILE);
const unitM = tileSizeM(14) / 4096; // one tile unit ≈ 0.597 m
const at = (fx: number, fy: number): Position => [minX + fx * (maxX - minX), minY + fy * (maxY - minY)];
const square = (x0: number, y0: number, s: number): Position[] => [at(x0, y0), at(x0 + s, y0), at(x0 + s, y0 + s), at(x0, y0 + s), at(x0, y0)];

// Counter-clockwise exteriors in mercator (y up), as GeoJSON has them: the cutter must flip them for MVT.
const fixtures: TileSourceFeature[] = [
  { id: 1, geometry: { type: 'Polygon', coordinates: [square(0.1, 0.1, 0.3), square(0.2, 0.2, 0.1).reverse()] }, properties: { DLBM: '0101', DLMC: '水田' } },
  { id: 2, geometry: { type: 'MultiPolygon', coordinates: [[square(0.6, 0.6, 0.1)], [square(0.8, 0.8, 0.1)]] }, properties: { DLBM: '0301', DLMC: '乔木林地' } },
  { id: 3, geometry: { type: 'LineString', coordinates: [at(0.05, 0.5), at(0.5, 0.55), at(0.95, 0.5)] }, properties: { DLBM: '1003' } },
  { id: 4, geometry: { type: 'Point', coordinates: at(0.5, 0.9) }, properties: { name: 'pt' } },
];

function decode(bytes: Uint8Array) {
  return new VectorTile(new PbfReader(bytes)).layers.dltb;
}

describe('cutTileLayer → encodeMvt → @mapbox/vector-tile', () => {
  const layer = cutTileLayer('dltb', fixtures, TILE, { tolerance: 0 });
  const decoded = decode(encodeMvt([layer]));

  it('keeps every feature with its id, type and properties', () => {
    expect(decoded.length).toBe(4);
    const got = Array.from({ length: decoded.length }, (_, i) => decoded.feature(i)).map((f) => [f.id, f.type, f.properties]);
    expect(got).toEqual([[1, 3, fixtures[0].properties], [2, 3, fixtures[1].properties], [3, 2, fixtures[2].properties], [4, 1, fixtures[3].properties]]);
  });

  it('places coordinates where they belong: decoded back to lon/lat within half a tile unit', () => {
    for (let i = 0; i < decoded.length; i++) {
      const back = decoded.feature(i).toGeoJSON(TILE.x, TILE.y, TILE.z).geometry as Geometry;
      const input = fixtures[i].geometry;
      const a = flatten(input);
      const b = flatten(back).map(lonLatToMercator);
      expect(b).toHaveLength(a.length);
      a.forEach((p, k) => {
        expect(Math.abs(p[0] - b[k][0])).toBeLessThanOrEqual(unitM / 2 + 1e-6);
        expect(Math.abs(p[1] - b[k][1])).toBeLessThanOrEqual(unitM / 2 + 1e-6);
      });
    }
  });

  it('orients rings as MVT 2.1 §4.3.4.4 wants: exteriors positive (clockwise, y down), holes negative', () => {
    const rings = decoded.feature(0).loadGeometry();
    expect(rings).toHaveLength(2);
    expect(ringArea(rings[0].map((p) => [p.x, p.y]))).toBeGreaterThan(0);
    expect(ringArea(rings[1].map((p) => [p.x, p.y]))).toBeLessThan(0);
    expect(classifyRings(rings).map((polygon) => polygon.length)).toEqual([2]);
    expect(classifyRings(decoded.feature(1).loadGeometry()).map((polygon) => polygon.length)).toEqual([1, 1]);
  });
});

describe('input already in tile units', () => {
  it('gives the same layer as Web Mercator input', () => {
    const [a, c, e, f] = [4096 / (maxX - minX), (-minX * 4096) / (maxX - minX), -4096 / (maxY - minY), (maxY * 4096) / (maxY - minY)];
    const toTile = (p: Position): Position => [a * p[0] + c, e * p[1] + f];
    const mapGeometry = (g: Geometry): Geometry => {
      switch (g.type) {
        case 'Point': return { type: 'Point', coordinates: toTile(g.coordinates) };
        case 'LineString': return { type: 'LineString', coordinates: g.coordinates.map(toTile) };
        case 'Polygon': return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(toTile)) };
        case 'MultiPolygon': return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(toTile))) };
        default: throw new Error(g.type);
      }
    };
    const inTile = fixtures.map((fx) => ({ ...fx, geometry: mapGeometry(fx.geometry) }));
    expect(cutTileLayer('dltb', inTile, TILE, { coordinates: 'tile' })).toEqual(cutTileLayer('dltb', fixtures, TILE));
  });
});

describe('clipping and simplification', () => {
  it('clips a polygon larger than the tile to the tile plus its 64-unit buffer', () => {
    const big: TileSourceFeature = { id: 9, geometry: { type: 'Polygon', coordinates: [square(-1, -1, 3)] }, properties: {} };
    const [f] = cutTileLayer('x', [big], TILE).features;
    expect(new Set(f.geometry[0].map((p) => p.join(',')))).toEqual(new Set(['-64,-64', '4160,-64', '4160,4160', '-64,4160']));
  });

  it('drops features outside the tile and its buffer', () => {
    expect(cutTileLayer('x', [{ geometry: { type: 'Polygon', coordinates: [square(1.2, 0.2, 0.1)] }, properties: {} }], TILE).features).toEqual([]);
  });

  it('simplifies a wiggly line to within the tolerance', () => {
    const wiggle: Position[] = Array.from({ length: 200 }, (_, i) => at(0.1 + i * 0.004, 0.5 + (i % 2 ? 0.05 : -0.05) / 4096));
    const [f] = cutTileLayer('x', [{ geometry: { type: 'LineString', coordinates: wiggle }, properties: {} }], TILE, { tolerance: 1 }).features;
    expect(f.geometry[0]).toHaveLength(2); // ±0.05 units of wiggle: straight at a tolerance of 1 unit
  });
});

describe('sub-pixel polygons at low zoom are coalesced into pixel squares', () => {
  // 60 × 60 parcels of 90 m around 120°E 30.6°N, all inside tile z8/213/105 (whose cells are ≈ 611 m).
  const parcels: Feature[] = [];
  const [x0, y0] = lonLatToMercator([120.2, 30.5]);
  const sizeM = 90 / Math.cos((30.5 * Math.PI) / 180); // 90 m on the ground is ~104 m of Web Mercator here
  for (let j = 0; j < 60; j++) {
    for (let i = 0; i < 60; i++) {
      const [x, y] = [x0 + i * sizeM, y0 + j * sizeM];
      const ring = [[x, y], [x + sizeM, y], [x + sizeM, y + sizeM], [x, y + sizeM], [x, y]];
      parcels.push({ type: 'Feature', id: j * 60 + i + 1, geometry: { type: 'Polygon', coordinates: [ring] }, properties: { DLBM: i < 30 ? '0101' : '0301' } });
    }
  }
  const tile: TileId = { z: 8, x: 213, y: 105 };
  const layer = cutTileLayer('dltb', parcels as TileSourceFeature[], tile, { classKey: 'DLBM' });

  it('draws squares instead of parcels, accounting for every parcel', () => {
    expect(layer.features.every((f) => 'coalesced' in f.properties && f.id === undefined)).toBe(true);
    const counted = layer.features.reduce((n, f) => n + (f.properties.coalesced as number), 0);
    expect(counted).toBeLessThanOrEqual(3600);
    expect(counted).toBeGreaterThan(3000); // edge cells that are less than half covered stay empty
    expect(layer.features.length).toBeLessThan(40); // 60 parcels × 104 m ≈ 6.2 km ≈ 10 cells: about one run per class per row
  });

  it('fills the area the parcels cover, within the cells along the edge', () => {
    const cell = 16; // tile units per cell
    const filledUnits2 = layer.features.reduce((s, f) => s + f.geometry.reduce((a, ring) => a + ringArea(ring), 0), 0); // a feature per class, a ring per run
    const unit = tileSizeM(8) / 4096;
    const coveredUnits2 = (60 * sizeM / unit) ** 2;
    const edgeUnits2 = 4 * (60 * sizeM / unit) * cell;
    expect(Math.abs(filledUnits2 - coveredUnits2)).toBeLessThan(edgeUnits2);
  });

  it('colours each cell by the class covering most of it: west half 0101, east half 0301', () => {
    const xs = (dlbm: string) => layer.features.filter((f) => f.properties.DLBM === dlbm).flatMap((f) => f.geometry.flat().map((p) => p[0]));
    const west = xs('0101'), east = xs('0301');
    expect(west.length).toBeGreaterThan(0);
    expect(east.length).toBeGreaterThan(0);
    expect(Math.max(...west)).toBeLessThanOrEqual(Math.min(...east));
  });
});

const hasOgr = spawnSync('ogrinfo', ['--version']).status === 0;

describe.runIf(hasOgr)('GDAL reads the tiles (MVT driver)', () => {
  it('gives the same features, properties and Web Mercator coordinates', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vep-mvt-'));
    const file = path.join(dir, String(TILE.z), String(TILE.x), `${TILE.y}.pbf`); // GDAL georeferences z/x/y.pbf paths
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, encodeMvt([cutTileLayer('dltb', fixtures, TILE, { tolerance: 0 })]));
    const out = JSON.parse(execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', '-oo', 'CLIP=NO', file], { encoding: 'utf8' })) as { features: { properties: Record<string, unknown>; geometry: Geometry }[] };
    // One layer holds all four features, in order.
    expect(out.features.map((f) => f.properties.mvt_id)).toEqual([1, 2, 3, 4]);
    out.features.forEach((f, i) => {
      const { mvt_id: _id, ...props } = f.properties;
      expect(props).toEqual(fixtures[i].properties);
      const a = flatten(fixtures[i].geometry);
      const b = flatten(f.geometry);
      expect(b).toHaveLength(a.length);
      a.forEach((p, k) => {
        expect(Math.abs(p[0] - b[k][0])).toBeLessThanOrEqual(unitM / 2 + 1e-6);
        expect(Math.abs(p[1] - b[k][1])).toBeLessThanOrEqual(unitM / 2 + 1e-6);
      });
    });
  });
});

/**
 * Every position of a geometry, rings normalised to start at their lowest-left vertex and run counter-clockwise in
 * y-up coordinates, so inputs and decoded outputs (whose rings MVT orients and may start elsewhere) compare.
 */
function flatten(g: Geometry): Position[] {
  const ring = (r: Position[]): Position[] => {
    let pts = r.slice(0, -1);
    let area = 0;
    for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) area += pts[j][0] * pts[i][1] - pts[i][0] * pts[j][1];
    if (area < 0) pts = pts.reverse();
    let start = 0;
    pts.forEach((p, i) => {
      if (p[1] < pts[start][1] - 1e-9 || (Math.abs(p[1] - pts[start][1]) <= 1e-9 && p[0] < pts[start][0])) start = i;
    });
    return [...pts.slice(start), ...pts.slice(0, start)];
  };
  switch (g.type) {
    case 'Point': return [g.coordinates];
    case 'MultiPoint': case 'LineString': return g.coordinates;
    case 'MultiLineString': return g.coordinates.flat();
    case 'Polygon': return g.coordinates.flatMap(ring);
    case 'MultiPolygon': return g.coordinates.flatMap((p) => p.flatMap(ring));
  }
}
