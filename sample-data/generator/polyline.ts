/**
 * Polylines in the generator's local metre frame (x east, y north): vertices, cumulative arc length, and the few
 * operations the landscape needs (point and direction at an arc position, offset copies, smoothing).
 */

export interface Polyline {
  xs: Float64Array;
  ys: Float64Array;
  /** Arc length at each vertex, metres; s[0] = 0. */
  s: Float64Array;
}

/** A polyline through the points given as [x0, y0, x1, y1, …]. */
export function polyline(flat: readonly number[]): Polyline {
  const n = flat.length / 2;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = flat[2 * i];
    ys[i] = flat[2 * i + 1];
    if (i > 0) s[i] = s[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
  }
  return { xs, ys, s };
}

/** Total length in metres. */
export function lengthOf(line: Polyline): number {
  return line.s[line.s.length - 1];
}

/** Index i of the segment [i, i+1] holding arc position s (clamped to the line). */
export function segmentAt(line: Polyline, s: number): number {
  let lo = 0;
  let hi = line.s.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (line.s[mid] <= s) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The point at arc position s and the unit direction of travel there. */
export function pointAt(line: Polyline, s: number): { x: number; y: number; dx: number; dy: number } {
  const i = segmentAt(line, s);
  const len = line.s[i + 1] - line.s[i];
  const t = len > 0 ? Math.min(1, Math.max(0, (s - line.s[i]) / len)) : 0;
  const dx = len > 0 ? (line.xs[i + 1] - line.xs[i]) / len : 1;
  const dy = len > 0 ? (line.ys[i + 1] - line.ys[i]) / len : 0;
  return { x: line.xs[i] + t * (line.xs[i + 1] - line.xs[i]), y: line.ys[i] + t * (line.ys[i + 1] - line.ys[i]), dx, dy };
}

/** Linear interpolation of per-vertex values at arc position s. */
export function valueAt(line: Polyline, values: Float64Array, s: number): number {
  const i = segmentAt(line, s);
  const len = line.s[i + 1] - line.s[i];
  const t = len > 0 ? Math.min(1, Math.max(0, (s - line.s[i]) / len)) : 0;
  return values[i] + t * (values[i + 1] - values[i]);
}

/**
 * A copy of part of a line, resampled every `stepM` metres and moved sideways by `offsetM(s)` (positive to the
 * left of the direction of travel). Directions are averaged over ±`smoothM` so the copy does not kink at bends.
 */
export function offsetLine(line: Polyline, from: number, to: number, stepM: number, offsetM: (s: number) => number, smoothM = 60): Polyline {
  const flat: number[] = [];
  const n = Math.max(1, Math.round((to - from) / stepM));
  for (let k = 0; k <= n; k++) {
    const s = from + ((to - from) * k) / n;
    const p = pointAt(line, s);
    const a = pointAt(line, Math.max(0, s - smoothM));
    const b = pointAt(line, Math.min(lengthOf(line), s + smoothM));
    let dx = b.x - a.x;
    let dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    dx /= len;
    dy /= len;
    const off = offsetM(s);
    flat.push(p.x - dy * off, p.y + dx * off);
  }
  return polyline(flat);
}

/**
 * A copy keeping only the vertices needed to stay within `toleranceM` of the line (Douglas–Peucker); kept vertices
 * keep their original arc positions, so values looked up by arc position still line up with the full line.
 */
export function simplified(line: Polyline, toleranceM: number): Polyline {
  const n = line.xs.length;
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    const ex = line.xs[b] - line.xs[a];
    const ey = line.ys[b] - line.ys[a];
    const len = Math.hypot(ex, ey) || 1;
    let worst = -1;
    let worstD = toleranceM;
    for (let i = a + 1; i < b; i++) {
      const d = Math.abs((line.xs[i] - line.xs[a]) * ey - (line.ys[i] - line.ys[a]) * ex) / len;
      if (d > worstD) {
        worstD = d;
        worst = i;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  const idx = [...keep.keys()].filter((i) => keep[i]);
  return { xs: Float64Array.from(idx, (i) => line.xs[i]), ys: Float64Array.from(idx, (i) => line.ys[i]), s: Float64Array.from(idx, (i) => line.s[i]) };
}
