import { describe, expect, it } from 'vitest';
import { assembleRings, signedRingArea } from './ring-assembly';
import { buildShapeGeometry, toGeoJsonGeometry } from './shape-geometry';
import type { RawShape } from './shp-record';

const E = 39_438_600; // Gauss-Kruger magnitudes, to exercise precision
const N = 3_751_400;

/** A square ring [x, y, side] as closed vertices, clockwise (shapefile outer) or counter-clockwise. */
function square(x: number, y: number, side: number, clockwise: boolean): number[][] {
  const ccw = [[x, y], [x + side, y], [x + side, y + side], [x, y + side], [x, y]];
  return (clockwise ? [...ccw].reverse() : ccw).map(([a, b]) => [E + a, N + b]);
}

function raw(...rings: number[][][]): RawShape {
  const parts = new Int32Array(rings.length);
  const xy: number[] = [];
  rings.forEach((ring, k) => {
    parts[k] = xy.length / 2;
    for (const [x, y] of ring) xy.push(x, y);
  });
  return { parts, xy: Float64Array.from(xy), z: null, m: null };
}

function spans(shape: RawShape) {
  const ends = Array.from(shape.parts, (_, k) => (k + 1 < shape.parts.length ? shape.parts[k + 1] : shape.xy.length / 2));
  return { xy: shape.xy, starts: shape.parts, ends };
}

describe('ring assembly', () => {
  it('signed area is exact at Gauss-Kruger magnitudes (counter-clockwise positive)', () => {
    // 0.1 m squares at E ≈ 3.9e7: 0.01 m², which plain shoelace sums of 1.5e14-sized products would blur.
    const shape = raw(square(0.1, 0.1, 0.1, false), square(0.3, 0.1, 0.1, true));
    expect(signedRingArea(spans(shape), 0)).toBeCloseTo(0.01, 9);
    expect(signedRingArea(spans(shape), 1)).toBeCloseTo(-0.01, 9);
  });

  it('nests three levels: shell, lake, island, lake in the island', () => {
    const shape = raw(square(0, 0, 100, true), square(10, 10, 80, false), square(20, 20, 60, true), square(30, 30, 40, false));
    expect(assembleRings(spans(shape)).polygons).toEqual([[0, 1], [2, 3]]);
  });

  it('assigns each hole to the shell that contains it, whatever the record order', () => {
    const shape = raw(square(50, 50, 10, false), square(0, 0, 40, true), square(10, 10, 5, false), square(45, 45, 40, true));
    expect(assembleRings(spans(shape)).polygons).toEqual([[1, 2], [3, 0]]);
  });

  it('leaves out rings of fewer than 4 vertices in a multi-ring record, and reports them', () => {
    const sliver = [[E, N], [E + 1, N], [E, N]];
    const shape = raw(square(0, 0, 10, true), sliver, square(2, 2, 2, false));
    expect(assembleRings(spans(shape))).toEqual({ polygons: [[0, 2]], degenerate: [1] });
  });

  it('closes an unclosed ring and orients it as RFC 7946 wants', () => {
    const open = square(0, 0, 10, true).slice(0, 4); // clockwise, without its closing vertex
    const { geometry } = buildShapeGeometry(raw(open), 'polygon');
    const polygon = toGeoJsonGeometry(geometry!);
    expect(polygon.type).toBe('Polygon');
    const ring = (polygon.coordinates as number[][][])[0];
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    expect(signedRingArea({ xy: Float64Array.from(ring.flat()), starts: [0], ends: [5] }, 0)).toBe(100);
  });
});
