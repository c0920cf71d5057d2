import type { Ring } from '../types';

/**
 * Small planar predicates on segments, shared by the clip classifier and the red-line validator. Double precision,
 * and deliberately conservative where it matters: "might touch" answers true, so a doubtful parcel goes to the
 * exact overlay and a doubtful red line gets looked at.
 */

/** Relative size below which an orientation is treated as collinear (coordinates are relative to a nearby origin). */
const COLLINEAR_EPS = 1e-12;

/** Twice the signed area of (a, b, c): > 0 counter-clockwise. */
export function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** Orientation with a tolerance scaled to the lengths involved: 0 when (a, b, c) are collinear to ~1e-12. */
function orientSign(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const o = orient(ax, ay, bx, by, cx, cy);
  const scale = (Math.abs(bx - ax) + Math.abs(by - ay)) * (Math.abs(cx - ax) + Math.abs(cy - ay));
  return Math.abs(o) <= COLLINEAR_EPS * scale ? 0 : Math.sign(o);
}

/** Whether closed segments ab and cd share a point (crossing, touching or overlapping), with a tolerance for doubt. */
export function segmentsMeet(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  if (Math.max(ax, bx) < Math.min(cx, dx) || Math.max(cx, dx) < Math.min(ax, bx)) return false;
  if (Math.max(ay, by) < Math.min(cy, dy) || Math.max(cy, dy) < Math.min(ay, by)) return false;
  const o1 = orientSign(ax, ay, bx, by, cx, cy);
  const o2 = orientSign(ax, ay, bx, by, dx, dy);
  const o3 = orientSign(cx, cy, dx, dy, ax, ay);
  const o4 = orientSign(cx, cy, dx, dy, bx, by);
  // A zero means an endpoint (nearly) on the other segment's line, and the boxes overlap: count it as meeting.
  if (o1 === 0 || o2 === 0 || o3 === 0 || o4 === 0) return true;
  return o1 !== o2 && o3 !== o4;
}

/**
 * Whether segment (x1,y1)–(x2,y2) meets the closed box: Liang–Barsky clipping of the segment's parameter range.
 * Touching counts as meeting.
 */
export function segmentTouchesBox(x1: number, y1: number, x2: number, y2: number, minX: number, minY: number, maxX: number, maxY: number): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = x2 - x1;
  const dy = y2 - y1;
  // The four box sides as p·t ≤ q.
  for (let side = 0; side < 4; side++) {
    const p = side === 0 ? -dx : side === 1 ? dx : side === 2 ? -dy : dy;
    const q = side === 0 ? x1 - minX : side === 1 ? maxX - x1 : side === 2 ? y1 - minY : maxY - y1;
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) {
        if (t > t1) return false;
        if (t > t0) t0 = t;
      } else {
        if (t < t0) return false;
        if (t < t1) t1 = t;
      }
    }
  }
  return true;
}

/** Even-odd point-in-polygon over every ring of every part (holes and parts need no special case). */
export function pointInParts(parts: readonly Ring[][], px: number, py: number): boolean {
  let inside = false;
  for (const part of parts) {
    for (const ring of part) {
      const n = ring.length;
      for (let i = 0, j = n - 1; i < n; j = i++) {
        const y1 = ring[j][1];
        const y2 = ring[i][1];
        if (y1 > py !== y2 > py) {
          const x1 = ring[j][0];
          const x2 = ring[i][0];
          if (px < x1 + ((py - y1) * (x2 - x1)) / (y2 - y1)) inside = !inside;
        }
      }
    }
  }
  return inside;
}

export type SegmentContact = 'none' | 'cross' | 'touch' | 'overlap';

/**
 * How closed segments ab and cd meet, and one point where they do: 'cross' (interiors cross at one point),
 * 'touch' (one point, an endpoint of at least one), 'overlap' (collinear with a common stretch; the point is the
 * start of the stretch). Exact for coordinates relative to a nearby origin up to the collinearity tolerance.
 */
export function segmentContact(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): { kind: SegmentContact; x: number; y: number } {
  const none = { kind: 'none' as const, x: Number.NaN, y: Number.NaN };
  if (!segmentsMeet(ax, ay, bx, by, cx, cy, dx, dy)) return none;
  const o1 = orientSign(ax, ay, bx, by, cx, cy);
  const o2 = orientSign(ax, ay, bx, by, dx, dy);
  const o3 = orientSign(cx, cy, dx, dy, ax, ay);
  const o4 = orientSign(cx, cy, dx, dy, bx, by);
  if (o1 === 0 && o2 === 0) {
    // Collinear: project on the longer axis and intersect the parameter ranges.
    const useX = Math.abs(bx - ax) + Math.abs(dx - cx) >= Math.abs(by - ay) + Math.abs(dy - cy);
    const [a0, a1] = useX ? [Math.min(ax, bx), Math.max(ax, bx)] : [Math.min(ay, by), Math.max(ay, by)];
    const [c0, c1] = useX ? [Math.min(cx, dx), Math.max(cx, dx)] : [Math.min(cy, dy), Math.max(cy, dy)];
    const lo = Math.max(a0, c0);
    const hi = Math.min(a1, c1);
    if (lo > hi) return none;
    const t = useX ? (bx === ax ? 0 : (lo - ax) / (bx - ax)) : by === ay ? 0 : (lo - ay) / (by - ay);
    return { kind: lo === hi ? 'touch' : 'overlap', x: ax + t * (bx - ax), y: ay + t * (by - ay) };
  }
  if (o1 === 0) return { kind: 'touch', x: cx, y: cy };
  if (o2 === 0) return { kind: 'touch', x: dx, y: dy };
  if (o3 === 0) return { kind: 'touch', x: ax, y: ay };
  if (o4 === 0) return { kind: 'touch', x: bx, y: by };
  // Proper crossing: a + t·(b − a) with t from the two orientations of a and b against cd.
  const oa = orient(cx, cy, dx, dy, ax, ay);
  const ob = orient(cx, cy, dx, dy, bx, by);
  const t = oa / (oa - ob);
  return { kind: 'cross', x: ax + t * (bx - ax), y: ay + t * (by - ay) };
}
