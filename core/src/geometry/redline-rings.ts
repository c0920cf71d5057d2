import type { Geometry, Position, Ring } from '../types';
import type { GeometryIssue } from './geometry-issue';

/**
 * Ring-level clean-up shared by validateRedline (which reports) and repairRedline (which fixes): drop non-finite
 * vertices, drop consecutive duplicates, close the ring, and find spikes. Everything a ring-local look can tell.
 */
export interface CleanRing {
  part: number;
  ring: number;
  /** Closed, finite, without consecutive duplicates. */
  coords: Ring;
  /** Vertices that were NaN/∞ (1-based positions in the input ring). */
  nonFinite: number[];
  duplicates: number;
  /** First duplicated vertex, for the issue's location. */
  firstDuplicate: Position | null;
  wasClosed: boolean;
}

/** Largest red line we look at vertex by vertex; far beyond any real one (a county boundary has ~1e5). */
export const MAX_REDLINE_VERTICES = 1_000_000;

export function countVertices(geometry: Geometry): number {
  if (geometry.type === 'Polygon') return geometry.coordinates.reduce((n, r) => n + r.length, 0);
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
  return 0;
}

export function cleanRing(input: readonly Position[], part: number, ring: number): CleanRing {
  const nonFinite: number[] = [];
  const coords: Ring = [];
  let duplicates = 0;
  let firstDuplicate: Position | null = null;
  for (let v = 0; v < input.length; v++) {
    const p = input[v];
    if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      nonFinite.push(v + 1);
      continue;
    }
    const prev = coords[coords.length - 1];
    if (prev && prev[0] === p[0] && prev[1] === p[1]) {
      duplicates++;
      firstDuplicate ??= [p[0], p[1]];
      continue;
    }
    coords.push([p[0], p[1]]);
  }
  const first = input[0];
  const last = input[input.length - 1];
  const wasClosed = input.length > 1 && !!first && !!last && first[0] === last[0] && first[1] === last[1];
  if (coords.length > 0) {
    const a = coords[0];
    const b = coords[coords.length - 1];
    if (coords.length > 1 && (a[0] !== b[0] || a[1] !== b[1])) coords.push([a[0], a[1]]);
  }
  return { part, ring, coords, nonFinite, duplicates, firstDuplicate, wasClosed };
}

/** Distinct vertices of a cleaned (closed) ring. */
export function distinctCount(ring: Ring): number {
  return Math.max(0, ring.length - 1);
}

export interface Spike {
  /** Index in the cleaned ring. */
  index: number;
  angleDeg: number;
}

/**
 * Vertices where the boundary turns back on itself: the angle between the edges to the previous and the next
 * vertex is below `maxAngleDeg` (0° is a pure back-track).
 */
export function findSpikes(ring: Ring, maxAngleDeg: number): Spike[] {
  const n = distinctCount(ring);
  const out: Spike[] = [];
  if (n < 3) return out;
  for (let i = 0; i < n; i++) {
    const v = ring[i];
    const u = ring[(i + n - 1) % n];
    const w = ring[(i + 1) % n];
    const ux = u[0] - v[0];
    const uy = u[1] - v[1];
    const wx = w[0] - v[0];
    const wy = w[1] - v[1];
    const angleDeg = (Math.atan2(Math.abs(ux * wy - uy * wx), ux * wx + uy * wy) * 180) / Math.PI;
    if (angleDeg < maxAngleDeg) out.push({ index: i, angleDeg });
  }
  return out;
}

/**
 * Whether a ring encloses nothing because all its vertices lie on one line (to 1e-12 of its extent). A bow-tie,
 * whose signed area can cancel to 0, is not "zero area": its lobes are real and the repair keeps them.
 */
export function isZeroAreaRing(ring: Ring): boolean {
  const n = distinctCount(ring);
  if (n < 3) return true;
  const [x0, y0] = ring[0];
  let far = 0;
  let farDist = 0;
  for (let i = 1; i < n; i++) {
    const d = Math.hypot(ring[i][0] - x0, ring[i][1] - y0);
    if (d > farDist) {
      farDist = d;
      far = i;
    }
  }
  if (farDist === 0) return true;
  const [fx, fy] = ring[far];
  for (let i = 1; i < n; i++) {
    // Distance of vertex i from the line through vertex 0 and the farthest vertex.
    const cross = (fx - x0) * (ring[i][1] - y0) - (fy - y0) * (ring[i][0] - x0);
    if (Math.abs(cross) / farDist > 1e-12 * farDist) return false;
  }
  return true;
}

/** The ring-level issues of one cleaned ring (non-finite, duplicates, unclosed, too few points, zero area). */
export function ringIssues(c: CleanRing, inputLength: number): GeometryIssue[] {
  const issues: GeometryIssue[] = [];
  const where = { part: c.part + 1, ring: c.ring + 1 };
  const at = (p: Position | undefined): [number, number] | null => (p ? [p[0], p[1]] : null);
  for (const vertex of c.nonFinite) issues.push({ code: 'REDLINE_NON_FINITE', severity: 'error', location: null, details: { ...where, vertex } });
  if (distinctCount(c.coords) < 3) {
    issues.push({ code: 'REDLINE_TOO_FEW_POINTS', severity: 'error', location: at(c.coords[0]), details: { ...where, count: distinctCount(c.coords) } });
    return issues;
  }
  if (!c.wasClosed && inputLength > 0) issues.push({ code: 'REDLINE_RING_UNCLOSED', severity: 'warning', location: at(c.coords[0]), details: where });
  if (c.duplicates > 0) issues.push({ code: 'REDLINE_DUPLICATE_VERTEX', severity: 'info', location: at(c.firstDuplicate ?? undefined), details: { ...where, count: c.duplicates } });
  if (isZeroAreaRing(c.coords)) issues.push({ code: 'REDLINE_ZERO_AREA_RING', severity: 'error', location: at(c.coords[0]), details: where });
  return issues;
}
