/**
 * Clipping to an axis-aligned box in tile coordinates. Polygons use Sutherland–Hodgman, which keeps each ring one
 * ring (parts outside collapse onto the box edge — invisible, and the tile buffer keeps those edges off screen);
 * lines are cut into the pieces inside the box (Liang–Barsky per segment).
 *
 *     ┌───────────┐        a ring leaving the box runs along its edge:    a line leaving it is split:
 *     │   ╱╲      │          ╱╲                                             ─╮   ╭─
 *     │  ╱  ╲_____│__      _╱  ╲____                                          ╰───╯  → two pieces
 *     └───────────┘        ‾‾‾‾‾‾‾‾‾‾
 */
import type { Position } from '../types';

export type Box = [number, number, number, number];

/** A closed ring (first = last) clipped to the box, closed again; [] when nothing of it is inside. */
export function clipRing(ring: Position[], box: Box): Position[] {
  let pts = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.slice(0, -1) : ring;
  for (let edge = 0; edge < 4 && pts.length > 0; edge++) pts = clipAgainstEdge(pts, box, edge);
  if (pts.length < 3) return [];
  pts.push(pts[0]);
  return pts;
}

/** Edges: 0 = x ≥ minX, 1 = y ≥ minY, 2 = x ≤ maxX, 3 = y ≤ maxY. */
function clipAgainstEdge(pts: Position[], box: Box, edge: number): Position[] {
  const axis = edge % 2;
  const limit = box[edge];
  const inside = edge < 2 ? (p: Position) => p[axis] >= limit : (p: Position) => p[axis] <= limit;
  const out: Position[] = [];
  let prev = pts[pts.length - 1];
  let prevIn = inside(prev);
  for (const cur of pts) {
    const curIn = inside(cur);
    if (curIn !== prevIn) out.push(intersect(prev, cur, axis, limit));
    if (curIn) out.push(cur);
    prev = cur;
    prevIn = curIn;
  }
  return out;
}

function intersect(a: Position, b: Position, axis: number, limit: number): Position {
  const t = (limit - a[axis]) / (b[axis] - a[axis]);
  return axis === 0 ? [limit, a[1] + (b[1] - a[1]) * t] : [a[0] + (b[0] - a[0]) * t, limit];
}

/** The pieces of a line inside the box. */
export function clipLine(line: Position[], box: Box): Position[][] {
  const pieces: Position[][] = [];
  let current: Position[] = [];
  for (let i = 0; i + 1 < line.length; i++) {
    const seg = clipSegment(line[i], line[i + 1], box);
    if (!seg) {
      if (current.length > 1) pieces.push(current);
      current = [];
      continue;
    }
    const [a, b, clippedEnd] = seg;
    const last = current[current.length - 1];
    if (!last || last[0] !== a[0] || last[1] !== a[1]) {
      if (current.length > 1) pieces.push(current);
      current = [a];
    }
    current.push(b);
    if (clippedEnd) {
      pieces.push(current);
      current = [];
    }
  }
  if (current.length > 1) pieces.push(current);
  return pieces;
}

/** Liang–Barsky: the part of segment ab inside the box, and whether b itself was cut off; null when outside. */
function clipSegment(a: Position, b: Position, box: Box): [Position, Position, boolean] | null {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  let t0 = 0, t1 = 1;
  const checks: [number, number][] = [[-dx, a[0] - box[0]], [dx, box[2] - a[0]], [-dy, a[1] - box[1]], [dy, box[3] - a[1]]];
  for (const [p, q] of checks) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const r = q / p;
      if (p < 0) {
        if (r > t1) return null;
        if (r > t0) t0 = r;
      } else {
        if (r < t0) return null;
        if (r < t1) t1 = r;
      }
    }
  }
  const start: Position = t0 === 0 ? a : [a[0] + t0 * dx, a[1] + t0 * dy];
  const end: Position = t1 === 1 ? b : [a[0] + t1 * dx, a[1] + t1 * dy];
  return [start, end, t1 < 1];
}
