/**
 * An exact-area polygon rasteriser with anti-aliasing, for map exports to PNG in plain Node (no native canvas).
 *
 * Each edge adds its signed area to an accumulation buffer, cell by cell (the method of Raph Levien's font-rs);
 * a running sum along each row then gives every pixel's covered fraction, exact for straight edges:
 *
 *        x0        x1          edge from (x0, y) to (x1, y+1) inside one pixel row:
 *   ─────┼──╲──────┼────       the cells it crosses get the area to their right that the edge cuts off,
 *        │   ╲     │           the next cell the rest, so the prefix sum over the row is the coverage
 *   ─────┼────╲────┼────
 *
 * Rings wound the same way add up, opposite ones cancel (a hole): callers orient outer rings and holes oppositely
 * (as GeoJSON does) and coverage is |sum| clamped to 1, the non-zero rule. Paint is composited source-over onto an
 * opaque RGBA image.
 */

export interface RgbaImage {
  width: number;
  height: number;
  /** width × height × 4, rows top to bottom, straight alpha. */
  data: Uint8ClampedArray;
}

/** Colour as [r, g, b] 0–255 and an opacity 0–1. */
export interface Paint {
  rgb: readonly [number, number, number];
  opacity: number;
}

/** A white, opaque image. */
export function createImage(width: number, height: number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  data.fill(255);
  return { width, height, data };
}

/** A closed ring as flat [x0, y0, x1, y1, …] in pixel coordinates (x right, y down); closing edge implied. */
export type FlatRing = ArrayLike<number>;

export class CoverageRasterizer {
  private scratch = new Float32Array(0);

  constructor(private readonly image: RgbaImage) {}

  /**
   * Fills rings (non-zero rule over their orientations) with a paint.
   * @param clip optional [x0, y0, x1, y1] pixel rectangle to keep the paint inside.
   */
  fill(rings: readonly FlatRing[], paint: Paint, clip?: readonly [number, number, number, number]): void {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const r of rings) {
      for (let i = 0; i + 1 < r.length; i += 2) {
        if (r[i] < minX) minX = r[i];
        if (r[i] > maxX) maxX = r[i];
        if (r[i + 1] < minY) minY = r[i + 1];
        if (r[i + 1] > maxY) maxY = r[i + 1];
      }
    }
    const [cx0, cy0, cx1, cy1] = clip ?? [0, 0, this.image.width, this.image.height];
    const x0 = Math.max(0, Math.floor(Math.max(minX, cx0)));
    const y0 = Math.max(0, Math.floor(Math.max(minY, cy0)));
    const x1 = Math.min(this.image.width, Math.ceil(Math.min(maxX, cx1)));
    const y1 = Math.min(this.image.height, Math.ceil(Math.min(maxY, cy1)));
    if (!(x1 > x0 && y1 > y0)) return;
    const w = x1 - x0, h = y1 - y0, stride = w + 2;
    const size = stride * h;
    if (this.scratch.length < size) this.scratch = new Float32Array(Math.max(size, this.scratch.length * 2));
    const acc = this.scratch;
    acc.fill(0, 0, size);
    for (const r of rings) {
      const n = r.length >> 1;
      for (let i = 0; i < n; i++) {
        const j = (i + 1) % n;
        addLine(acc, stride, w, h, r[2 * i] - x0, r[2 * i + 1] - y0, r[2 * j] - x0, r[2 * j + 1] - y0);
      }
    }
    // Columns left of the clip still count (their sum carries into the row); blending is limited to the clip.
    const bx0 = Math.max(0, Math.ceil(cx0 - x0 - 1e-9)), bx1 = Math.min(w, Math.floor(cx1 - x0 + 1e-9));
    this.composite(acc, stride, x0, y0, w, h, paint, bx0, bx1);
  }

  private composite(acc: Float32Array, stride: number, x0: number, y0: number, w: number, h: number, paint: Paint, bx0: number, bx1: number): void {
    const data = this.image.data;
    const [r, g, b] = paint.rgb;
    for (let y = 0; y < h; y++) {
      let sum = 0;
      const row = y * stride;
      let p = ((y0 + y) * this.image.width + x0) * 4;
      for (let x = 0; x < w; x++, p += 4) {
        sum += acc[row + x];
        if (x < bx0 || x >= bx1) continue;
        const cover = Math.min(1, Math.abs(sum));
        if (cover < 1 / 512) continue;
        const a = cover * paint.opacity;
        data[p] = data[p] + (r - data[p]) * a;
        data[p + 1] = data[p + 1] + (g - data[p + 1]) * a;
        data[p + 2] = data[p + 2] + (b - data[p + 2]) * a;
        data[p + 3] = 255 - (255 - data[p + 3]) * (1 - a);
      }
    }
  }
}

/**
 * Adds one edge's signed area to the accumulation buffer (rows 0…h-1, columns 0…w, buffer stride w+2). x is clamped
 * to [0, w]: a part of the edge left of the buffer still winds the whole row to its right, a part right of it
 * covers nothing inside. Downward edges add, upward edges subtract.
 */
export function addLine(acc: Float32Array, stride: number, w: number, h: number, ax: number, ay: number, bx: number, by: number): void {
  if (ay === by) return;
  let dir = 1;
  let x0 = ax, y0 = ay, x1 = bx, y1 = by;
  if (y0 > y1) {
    dir = -1;
    [x0, y0, x1, y1] = [bx, by, ax, ay];
  }
  const dxdy = (x1 - x0) / (y1 - y0);
  const yStart = Math.max(0, Math.floor(y0));
  const yEnd = Math.min(h, Math.ceil(y1));
  let x = x0 + (Math.max(y0, yStart) - y0) * dxdy;
  for (let y = yStart; y < yEnd; y++) {
    const top = Math.max(y, y0), bottom = Math.min(y + 1, y1);
    const dy = bottom - top;
    const xNext = x + dxdy * dy;
    const d = dy * dir;
    const row = y * stride;
    const xa = clamp(Math.min(x, xNext), w), xb = clamp(Math.max(x, xNext), w);
    const xaFloor = Math.floor(xa);
    const xbCeil = Math.ceil(xb);
    const ia = xaFloor, ib = xbCeil;
    if (ib <= ia + 1) {
      // Inside one cell: the part of the cell right of the edge's mean x is covered.
      const xm = 0.5 * (xa + xb) - xaFloor;
      acc[row + ia] += d - d * xm;
      acc[row + ia + 1] += d * xm;
    } else {
      const s = 1 / (xb - xa);
      const fa = xa - xaFloor;
      const a0 = 0.5 * s * (1 - fa) * (1 - fa);
      const fb = xb - xbCeil + 1;
      const am = 0.5 * s * fb * fb;
      acc[row + ia] += d * a0;
      if (ib === ia + 2) {
        acc[row + ia + 1] += d * (1 - a0 - am);
      } else {
        const a1 = s * (1.5 - fa);
        acc[row + ia + 1] += d * (a1 - a0);
        for (let i = ia + 2; i < ib - 1; i++) acc[row + i] += d * s;
        const a2 = a1 + (ib - ia - 3) * s;
        acc[row + ib - 1] += d * (1 - a2 - am);
      }
      acc[row + ib] += d * am;
    }
    x = xNext;
  }
}

function clamp(x: number, w: number): number {
  return x < 0 ? 0 : x > w ? w : x;
}
