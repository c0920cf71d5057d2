/**
 * Douglas–Peucker simplification in tile coordinates: a vertex is kept when it lies farther than `tolerance` tile
 * units from the line through its neighbours that survive. Endpoints always stay, so a closed ring stays closed.
 * Iterative (an explicit stack), so a 100 000-vertex river does not overflow the call stack.
 */
import type { Position } from '../types';

/** The simplified line or ring. `tolerance` in the same units as the coordinates (tile units). */
export function simplify(points: Position[], tolerance: number): Position[] {
  if (points.length <= 2 || tolerance <= 0) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const sqTolerance = tolerance * tolerance;
  const stack: number[] = [0, points.length - 1];
  while (stack.length > 0) {
    const last = stack.pop()!;
    const first = stack.pop()!;
    let maxSq = -1;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = sqSegmentDistance(points[i], points[first], points[last]);
      if (d > maxSq) {
        maxSq = d;
        index = i;
      }
    }
    if (maxSq > sqTolerance) {
      keep[index] = 1;
      stack.push(first, index, index, last);
    }
  }
  const out: Position[] = [];
  for (let i = 0; i < points.length; i++) if (keep[i]) out.push(points[i]);
  return out;
}

/** Squared distance from p to segment ab (to a itself when a = b, as for a closed ring's end points). */
function sqSegmentDistance(p: Position, a: Position, b: Position): number {
  let x = a[0], y = a[1];
  const dx = b[0] - x, dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((p[0] - x) * dx + (p[1] - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = b[0];
      y = b[1];
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  const ex = p[0] - x, ey = p[1] - y;
  return ex * ex + ey * ey;
}
