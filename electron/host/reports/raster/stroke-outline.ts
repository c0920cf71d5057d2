/**
 * Lines as areas, for the rasteriser: a stroked polyline becomes one quad per segment plus a disc at every vertex
 * (round joins and caps), all wound the same way so that where they overlap the non-zero rule counts them once.
 * Dash patterns cut the polyline into its "on" pieces first.
 */

/** A polyline as flat [x0, y0, x1, y1, …]. */
export type FlatLine = number[];

/** The rings that cover a stroke of `width` along `line` (closed: back to the first point). */
export function strokeOutline(line: FlatLine, width: number, closed: boolean): number[][] {
  const hw = width / 2;
  const pts = closed && line.length >= 4 ? [...line, line[0], line[1]] : line;
  const rings: number[][] = [];
  const discSides = Math.max(8, Math.min(48, Math.ceil(hw * 4)));
  for (let i = 0; i + 3 < pts.length; i += 2) {
    const [x0, y0, x1, y1] = [pts[i], pts[i + 1], pts[i + 2], pts[i + 3]];
    const len = Math.hypot(x1 - x0, y1 - y0);
    if (len === 0) continue;
    const nx = (-(y1 - y0) / len) * hw, ny = ((x1 - x0) / len) * hw;
    rings.push(positive([x0 + nx, y0 + ny, x1 + nx, y1 + ny, x1 - nx, y1 - ny, x0 - nx, y0 - ny]));
  }
  if (hw >= 0.35) {
    // Joins and caps; below about a pixel wide they change nothing visible.
    for (let i = 0; i + 1 < pts.length; i += 2) rings.push(disc(pts[i], pts[i + 1], hw, discSides));
  }
  return rings;
}

/** Splits a polyline into its dashes: `pattern` alternates on and off lengths, starting with on. */
export function dashLine(line: FlatLine, pattern: readonly number[], closed: boolean): FlatLine[] {
  const pts = closed && line.length >= 4 ? [...line, line[0], line[1]] : line;
  if (pattern.length === 0 || pattern.every((p) => p <= 0)) return [pts];
  const out: FlatLine[] = [];
  let k = 0;
  let left = pattern[0];
  let on = true;
  let current: FlatLine = [pts[0], pts[1]];
  for (let i = 0; i + 3 < pts.length; i += 2) {
    let [x0, y0] = [pts[i], pts[i + 1]];
    const [x1, y1] = [pts[i + 2], pts[i + 3]];
    let segment = Math.hypot(x1 - x0, y1 - y0);
    while (segment > left) {
      const t = left / segment;
      const [mx, my] = [x0 + (x1 - x0) * t, y0 + (y1 - y0) * t];
      if (on) {
        current.push(mx, my);
        out.push(current);
      }
      current = [mx, my];
      segment -= left;
      [x0, y0] = [mx, my];
      on = !on;
      k = (k + 1) % pattern.length;
      left = pattern[k];
    }
    left -= segment;
    if (on) current.push(x1, y1);
  }
  if (on && current.length >= 4) out.push(current);
  return out;
}

/** A regular polygon approximating a circle, wound positively. */
export function disc(cx: number, cy: number, r: number, sides: number): number[] {
  const ring: number[] = [];
  for (let k = 0; k < sides; k++) {
    const a = (2 * Math.PI * k) / sides;
    ring.push(cx + r * Math.cos(a), cy + r * Math.sin(a));
  }
  return positive(ring);
}

/** Twice the signed area of a flat ring (positive: clockwise on screen, y down). */
export function signedArea2(ring: ArrayLike<number>): number {
  let a = 0;
  const n = ring.length >> 1;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    a += ring[2 * i] * ring[2 * j + 1] - ring[2 * j] * ring[2 * i + 1];
  }
  return a;
}

/** The ring wound so that its signed area is positive. */
export function positive(ring: number[]): number[] {
  return signedArea2(ring) >= 0 ? ring : reversed(ring);
}

/** The ring wound so that its signed area is negative (a hole). */
export function negative(ring: number[]): number[] {
  return signedArea2(ring) <= 0 ? ring : reversed(ring);
}

function reversed(ring: number[]): number[] {
  const out: number[] = [];
  for (let i = ring.length - 2; i >= 0; i -= 2) out.push(ring[i], ring[i + 1]);
  return out;
}
