import { describe, expect, it } from 'vitest';
import { findSnap, type LonLat } from './snap';

// A plain scale projection: 1 degree = 1000 px, y down.
const project = ([lon, lat]: LonLat) => ({ x: lon * 1000, y: -lat * 1000 });
const square = [[[0, 0], [0.1, 0], [0.1, 0.1], [0, 0.1], [0, 0]]];

describe('findSnap', () => {
  it('snaps to a vertex within the tolerance, exactly', () => {
    const s = findSnap({ x: 103, y: -2 }, square, project, 10)!;
    expect(s.kind).toBe('vertex');
    expect(s.point).toEqual([0.1, 0]);
    expect(s.distancePx).toBeCloseTo(Math.hypot(3, 2), 9);
  });

  it('prefers a vertex over a nearer edge', () => {
    // Cursor at (96, -1): edge y=0 is 1 px away, vertex (100, 0) is √17 ≈ 4.12 px away — the vertex wins.
    expect(findSnap({ x: 96, y: -1 }, square, project, 5)!.kind).toBe('vertex');
  });

  it('snaps to the foot of the perpendicular on an edge', () => {
    const s = findSnap({ x: 50, y: -4 }, square, project, 5)!;
    expect(s.kind).toBe('edge');
    expect(s.point[0]).toBeCloseTo(0.05, 12);
    expect(s.point[1]).toBeCloseTo(0, 12);
  });

  it('returns null when nothing is near', () => {
    expect(findSnap({ x: 50, y: -50 }, square, project, 5)).toBeNull();
  });
});
