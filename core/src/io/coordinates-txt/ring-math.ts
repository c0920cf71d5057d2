import type { Position } from '../../types';

/**
 * Planar ring arithmetic for open rings (no repeated closing vertex). Ordinates are taken relative to the ring's
 * first vertex so that Gauss-Kruger magnitudes (eastings of 4e7 m) keep their sub-millimetre precision.
 */

/** Signed area (shoelace): positive when counter-clockwise in (east, north). */
export function signedArea(ring: Position[]): number {
  const [ox, oy] = ring[0];
  let sum = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % n];
    sum += (a[0] - ox) * (b[1] - oy) - (b[0] - ox) * (a[1] - oy);
  }
  return sum / 2;
}

/** Where a point lies relative to a ring. */
export function pointInRing(p: Position, ring: Position[]): 'inside' | 'outside' | 'boundary' {
  const [ox, oy] = ring[0];
  const px = p[0] - ox;
  const py = p[1] - oy;
  let inside = false;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
    const xi = ring[i][0] - ox, yi = ring[i][1] - oy;
    const xj = ring[j][0] - ox, yj = ring[j][1] - oy;
    if (onSegment(px, py, xi, yi, xj, yj)) return 'boundary';
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? 'inside' : 'outside';
}

/** Whether ring `inner` lies inside ring `outer`: its first vertex not on `outer`'s boundary decides. */
export function ringInsideRing(inner: Position[], outer: Position[]): boolean {
  for (const p of inner) {
    const where = pointInRing(p, outer);
    if (where !== 'boundary') return where === 'inside';
  }
  return false;
}

/**
 * The first point where a ring touches or crosses itself (non-adjacent edges meeting, or an edge folding back on
 * its neighbour), or null for a simple ring. Edges are swept by their western end, so typical parcels cost
 * O(n log n); a pathological ring costs O(n²) comparisons, bounded by the reader's vertex limit.
 */
export function findSelfIntersection(ring: Position[]): Position | null {
  const n = ring.length;
  const [ox, oy] = ring[0];
  const xs = ring.map((p) => p[0] - ox);
  const ys = ring.map((p) => p[1] - oy);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => Math.min(xs[a], xs[(a + 1) % n]) - Math.min(xs[b], xs[(b + 1) % n]));
  const active: number[] = [];
  for (const e of order) {
    const e2 = (e + 1) % n;
    const minX = Math.min(xs[e], xs[e2]);
    for (let k = active.length - 1; k >= 0; k--) {
      const f = active[k];
      if (Math.max(xs[f], xs[(f + 1) % n]) < minX) {
        active.splice(k, 1);
        continue;
      }
      const hit = edgesMeet(e, f, n, xs, ys);
      if (hit) return [hit[0] + ox, hit[1] + oy];
    }
    active.push(e);
  }
  return null;
}

function edgesMeet(e: number, f: number, n: number, xs: number[], ys: number[]): [number, number] | null {
  const a = e, b = (e + 1) % n, c = f, d = (f + 1) % n;
  if (b === c || d === a) {
    // Neighbours share one vertex; they are invalid only if they fold back onto each other.
    const [p, q, r] = b === c ? [a, b, d] : [c, d, b];
    const dot = (xs[q] - xs[p]) * (xs[r] - xs[q]) + (ys[q] - ys[p]) * (ys[r] - ys[q]);
    return side(xs[p], ys[p], xs[q], ys[q], xs[r], ys[r]) === 0 && dot < 0 ? [xs[q], ys[q]] : null;
  }
  const d1 = side(xs[c], ys[c], xs[d], ys[d], xs[a], ys[a]);
  const d2 = side(xs[c], ys[c], xs[d], ys[d], xs[b], ys[b]);
  const d3 = side(xs[a], ys[a], xs[b], ys[b], xs[c], ys[c]);
  const d4 = side(xs[a], ys[a], xs[b], ys[b], xs[d], ys[d]);
  if (d1 * d2 < 0 && d3 * d4 < 0) {
    const o1 = orient(xs[c], ys[c], xs[d], ys[d], xs[a], ys[a]);
    const o2 = orient(xs[c], ys[c], xs[d], ys[d], xs[b], ys[b]);
    const t = o1 / (o1 - o2);
    return [xs[a] + t * (xs[b] - xs[a]), ys[a] + t * (ys[b] - ys[a])];
  }
  if (d1 === 0 && onSegment(xs[a], ys[a], xs[c], ys[c], xs[d], ys[d])) return [xs[a], ys[a]];
  if (d2 === 0 && onSegment(xs[b], ys[b], xs[c], ys[c], xs[d], ys[d])) return [xs[b], ys[b]];
  if (d3 === 0 && onSegment(xs[c], ys[c], xs[a], ys[a], xs[b], ys[b])) return [xs[c], ys[c]];
  if (d4 === 0 && onSegment(xs[d], ys[d], xs[a], ys[a], xs[b], ys[b])) return [xs[d], ys[d]];
  return null;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/**
 * Which side of a→b the point c is on (−1, 0, 1). "On the line" means within 1e-9 of the segment's length
 * (0.1 µm on a 100 m edge): coordinates written with 3–4 decimals are not exact in binary, so an exact zero test
 * would miss a vertex that lies on another edge.
 */
function side(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const o = orient(ax, ay, bx, by, cx, cy);
  const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
  return Math.abs(o) <= 1e-9 * len2 ? 0 : Math.sign(o);
}

function onSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): boolean {
  if (side(ax, ay, bx, by, px, py) !== 0) return false;
  return px >= Math.min(ax, bx) && px <= Math.max(ax, bx) && py >= Math.min(ay, by) && py <= Math.max(ay, by);
}
