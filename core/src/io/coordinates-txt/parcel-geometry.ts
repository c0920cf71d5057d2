import type { MultiPolygon, Polygon, Position } from '../../types';
import { findSelfIntersection, ringInsideRing, signedArea } from './ring-math';

/** One ring of a parcel as read: its 圈号 and its points in file order, [easting, northing], with their lines. */
export interface RingInput {
  ringNumber: number;
  points: Position[];
  lines: number[];
}

/** What is wrong with a ring; `line` is the 1-based line of its first point. */
export type RingProblem =
  | { kind: 'too-few-points'; ringNumber: number; line: number; distinct: number }
  | { kind: 'not-closed'; ringNumber: number; line: number }
  | { kind: 'self-intersects'; ringNumber: number; line: number; at: Position };

/**
 * The polygon of a parcel from its rings (docs/methods/sandiao-data.md §7 rule 6): the repeated closing point is
 * dropped, and rings are classified by containment, not by 圈号 — a ring inside another ring of the parcel is a
 * hole, a ring inside a hole is an island (another part), any other ring is another part. Rings come out as
 * RFC 7946 wants them (outer counter-clockwise, holes clockwise), closed.
 *
 * A ring of fewer than 3 distinct points cannot be a polygon: it is reported and left out. A ring that does not
 * repeat its first point is closed and reported; a ring that crosses itself is kept and reported.
 */
export function buildParcelGeometry(rings: RingInput[]): { geometry: Polygon | MultiPolygon | null; problems: RingProblem[] } {
  const problems: RingProblem[] = [];
  const open: { ring: Position[]; area: number; input: RingInput }[] = [];
  for (const input of rings) {
    const line = input.lines[0];
    const pts = input.points;
    const closed = pts.length > 1 && samePoint(pts[0], pts[pts.length - 1]);
    const ring = withoutRepeats(closed ? pts.slice(0, -1) : pts);
    if (ring.length < 3) {
      problems.push({ kind: 'too-few-points', ringNumber: input.ringNumber, line, distinct: ring.length });
      continue;
    }
    if (!closed) problems.push({ kind: 'not-closed', ringNumber: input.ringNumber, line });
    const at = findSelfIntersection(ring);
    if (at) problems.push({ kind: 'self-intersects', ringNumber: input.ringNumber, line, at });
    open.push({ ring, area: Math.abs(signedArea(ring)), input });
  }
  if (open.length === 0) return { geometry: null, problems };

  // Largest first, so every ring's possible containers have been seen when it is placed.
  const order = open.map((_, i) => i).sort((a, b) => open[b].area - open[a].area);
  const parent = new Array<number>(open.length).fill(-1);
  const depth = new Array<number>(open.length).fill(0);
  order.forEach((i, k) => {
    for (let m = k - 1; m >= 0; m--) {
      // Walking back from the smallest larger ring finds the innermost container first.
      const j = order[m];
      if (open[j].area > open[i].area && ringInsideRing(open[i].ring, open[j].ring)) {
        parent[i] = j;
        depth[i] = depth[j] + 1;
        break;
      }
    }
  });
  const polygons: Position[][][] = [];
  const polygonOf = new Map<number, Position[][]>();
  open.forEach((r, i) => {
    if (depth[i] % 2 === 0) {
      const polygon = [orient(r.ring, true)];
      polygonOf.set(i, polygon);
      polygons.push(polygon);
    }
  });
  open.forEach((r, i) => {
    if (depth[i] % 2 === 1) polygonOf.get(parent[i])!.push(orient(r.ring, false));
  });
  const geometry: Polygon | MultiPolygon = polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
  return { geometry, problems };
}

function samePoint(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Drops a point that repeats the one before it (a doubled line in the file adds nothing to the boundary). */
function withoutRepeats(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) if (out.length === 0 || !samePoint(out[out.length - 1], p)) out.push(p);
  while (out.length > 1 && samePoint(out[0], out[out.length - 1])) out.pop();
  return out;
}

/** The ring closed and turned counter-clockwise (outer) or clockwise (hole); a ring of no area keeps its order. */
function orient(ring: Position[], counterClockwise: boolean): Position[] {
  const area = signedArea(ring);
  const turned = area === 0 || area > 0 === counterClockwise ? ring : [ring[0], ...ring.slice(1).reverse()];
  return [...turned, turned[0]];
}
