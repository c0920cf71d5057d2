import { describe, expect, it } from 'vitest';
import { outlineOf, ringArea } from './rings';
import type { Cells } from './tessellation';

/**
 * A 4 × 4 grid of 10 m squares as a tessellation: vertex (i, j) at (10i, 10j) has id i·5 + j, cell (i, j) is the
 * square with (i, j) as its south-west corner, index i·4 + j, ring counter-clockwise.
 */
function squareGrid(): Cells {
  const n = 4;
  const vx = new Float64Array((n + 1) ** 2);
  const vy = new Float64Array((n + 1) ** 2);
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= n; j++) {
      vx[i * (n + 1) + j] = 10 * i;
      vy[i * (n + 1) + j] = 10 * j;
    }
  }
  const v = (i: number, j: number) => i * (n + 1) + j;
  const ringVertex: number[] = [];
  const ringStart = [0];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      ringVertex.push(v(i, j), v(i + 1, j), v(i + 1, j + 1), v(i, j + 1));
      ringStart.push(ringVertex.length);
    }
  }
  return {
    count: n * n,
    seed: Int32Array.from({ length: n * n }, (_, c) => c),
    ringStart: Int32Array.from(ringStart),
    ringVertex: Int32Array.from(ringVertex),
    ringNeighbour: new Int32Array(ringVertex.length).fill(-1),
    cellOfSeed: Int32Array.from({ length: n * n }, (_, c) => c),
    vx,
    vy,
  };
}

const cell = (i: number, j: number) => i * 4 + j;

describe('outlineOf', () => {
  const grid = squareGrid();

  it('merges neighbouring cells into one counter-clockwise ring', () => {
    const polygons = outlineOf(grid, [cell(0, 0), cell(1, 0), cell(1, 1)]);
    expect(polygons).toHaveLength(1);
    expect(polygons[0]).toHaveLength(1);
    // An L of three 10 m squares: 300 m², six corners (shared edges cancelled, collinear vertices kept).
    expect(ringArea(grid, polygons[0][0])).toBe(300);
    expect(polygons[0][0]).toHaveLength(8);
  });

  it('gives a ring around a missing cell as a clockwise hole', () => {
    const ring = [];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) if (i !== 1 || j !== 1) ring.push(cell(i, j));
    const polygons = outlineOf(grid, ring);
    expect(polygons).toHaveLength(1);
    expect(polygons[0]).toHaveLength(2);
    // 3 × 3 squares less the middle one: 900 − 100 m².
    expect(ringArea(grid, polygons[0][0])).toBe(900);
    expect(ringArea(grid, polygons[0][1])).toBe(-100);
  });

  it('gives cells that do not touch as separate parts, largest first', () => {
    const polygons = outlineOf(grid, [cell(3, 3), cell(0, 0), cell(0, 1)]);
    expect(polygons.map((p) => ringArea(grid, p[0]))).toEqual([200, 100]);
  });

  it('splits cells touching only at a corner into two simple rings', () => {
    const polygons = outlineOf(grid, [cell(0, 0), cell(1, 1)]);
    expect(polygons).toHaveLength(2);
    for (const p of polygons) {
      expect(p[0]).toHaveLength(4);
      expect(ringArea(grid, p[0])).toBe(100);
    }
  });

  it('cuts an outline whose hole touches it at a vertex into a simple outer ring and a simple hole', () => {
    // 3 × 3 squares without the middle one and without the south-west corner: the hole's corner (10, 10) is also a
    // corner of the outline's notch.
    const members = [];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) if (!(i === 1 && j === 1) && !(i === 0 && j === 0)) members.push(cell(i, j));
    const polygons = outlineOf(grid, members);
    expect(polygons).toHaveLength(1);
    const [outer, hole] = polygons[0];
    expect(ringArea(grid, outer)).toBe(800);
    expect(ringArea(grid, hole)).toBe(-100);
    for (const ring of polygons[0]) expect(new Set(ring).size).toBe(ring.length);
    expect(outer).toContain(6); // vertex (10, 10) = id 1·5 + 1 is on both rings
    expect(hole).toContain(6);
  });

  it('covers every cell exactly once: the whole grid is one 40 m square', () => {
    const polygons = outlineOf(grid, Array.from({ length: 16 }, (_, c) => c));
    expect(polygons).toHaveLength(1);
    expect(ringArea(grid, polygons[0][0])).toBe(1600);
  });
});
