import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { MVT_LINESTRING, MVT_POINT, MVT_POLYGON, encodeMvt, geometryCommands } from './mvt-encode';

describe('geometry commands: the worked examples of the MVT 2.1 spec (§4.3.5)', () => {
  it('point (25, 17) → [9, 50, 34]', () => {
    expect(geometryCommands({ type: MVT_POINT, geometry: [[[25, 17]]], properties: {} })).toEqual([9, 50, 34]);
  });
  it('multipoint (5, 7), (3, 2) → [17, 10, 14, 3, 9]', () => {
    expect(geometryCommands({ type: MVT_POINT, geometry: [[[5, 7]], [[3, 2]]], properties: {} })).toEqual([17, 10, 14, 3, 9]);
  });
  it('linestring (2,2) (2,10) (10,10) → [9, 4, 4, 18, 0, 16, 16, 0]', () => {
    expect(geometryCommands({ type: MVT_LINESTRING, geometry: [[[2, 2], [2, 10], [10, 10]]], properties: {} })).toEqual([9, 4, 4, 18, 0, 16, 16, 0]);
  });
  it('multilinestring: the cursor carries over to the second line', () => {
    const g = [[[2, 2], [2, 10], [10, 10]], [[1, 1], [3, 5]]];
    expect(geometryCommands({ type: MVT_LINESTRING, geometry: g, properties: {} })).toEqual([9, 4, 4, 18, 0, 16, 16, 0, 9, 17, 17, 10, 4, 8]);
  });
  it('polygon (3,6) (8,12) (20,34) → [9, 6, 12, 18, 10, 12, 24, 44, 15]', () => {
    expect(geometryCommands({ type: MVT_POLYGON, geometry: [[[3, 6], [8, 12], [20, 34], [3, 6]]], properties: {} })).toEqual([9, 6, 12, 18, 10, 12, 24, 44, 15]);
  });
  it('multipolygon with a hole, as in the spec', () => {
    const g = [
      [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
      [[11, 11], [20, 11], [20, 20], [11, 20], [11, 11]],
      [[13, 13], [13, 17], [17, 17], [17, 13], [13, 13]],
    ];
    expect(geometryCommands({ type: MVT_POLYGON, geometry: g, properties: {} })).toEqual([
      9, 0, 0, 26, 20, 0, 0, 20, 19, 0, 15, 9, 22, 2, 26, 18, 0, 0, 18, 17, 0, 15, 9, 4, 13, 26, 0, 8, 8, 0, 0, 7, 15,
    ]);
  });
});

describe('encodeMvt decodes with @mapbox/vector-tile', () => {
  const bytes = encodeMvt([
    {
      name: 'dltb',
      features: [
        { id: 7, type: MVT_POLYGON, geometry: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]], properties: { DLBM: '0101', DLMC: '水田', n: -3, big: 4294967296, f: 1.5, b: true, missing: null } },
        { id: 8, type: MVT_POINT, geometry: [[[5, 7]]], properties: { DLBM: '0101', b: false } },
      ],
    },
    { name: 'empty', features: [] },
    { name: 'roads', extent: 512, features: [{ type: MVT_LINESTRING, geometry: [[[2, 2], [2, 10]]], properties: {} }] },
  ]);
  const tile = new VectorTile(new PbfReader(bytes));

  it('has the non-empty layers with version 2 and their extents', () => {
    expect(Object.keys(tile.layers).sort()).toEqual(['dltb', 'roads']);
    expect([tile.layers.dltb.version, tile.layers.dltb.extent, tile.layers.roads.extent]).toEqual([2, 4096, 512]);
  });

  it('keeps ids, types, every value type, and leaves out nulls', () => {
    const f = tile.layers.dltb.feature(0);
    expect([f.id, f.type]).toEqual([7, 3]);
    expect(f.properties).toEqual({ DLBM: '0101', DLMC: '水田', n: -3, big: 4294967296, f: 1.5, b: true });
    const p = tile.layers.dltb.feature(1);
    expect([p.id, p.type, p.properties]).toEqual([8, 1, { DLBM: '0101', b: false }]);
    expect(tile.layers.roads.feature(0).id).toBeUndefined();
  });

  it('gives back the geometry', () => {
    const ring = tile.layers.dltb.feature(0).loadGeometry()[0].map((pt) => [pt.x, pt.y]);
    expect(ring).toEqual([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]);
    expect(tile.layers.dltb.feature(1).loadGeometry()[0].map((pt) => [pt.x, pt.y])).toEqual([[5, 7]]);
  });
});
