/**
 * A bucket grid over the segments of many polylines, answering "which lines pass within r of this point, how far,
 * and where along them". Lines can be added while the index is in use (the river network checks each new reach
 * against the rivers drawn so far).
 */
import type { Polyline } from './polyline';

/** One line near a query point: its index, the distance in metres and the arc position of the nearest point. */
export interface NearLine {
  line: number;
  d: number;
  s: number;
}

export class LineIndex {
  readonly lines: Polyline[] = [];
  private readonly buckets = new Map<number, number[]>();
  /** Per line, the query stamp that last touched it, and its best squared distance/position in that query. */
  private stamp: number[] = [];
  private best: NearLine[] = [];
  private query = 0;

  constructor(private readonly bucketM: number) {}

  /** Adds a line; returns its index. */
  add(line: Polyline): number {
    const id = this.lines.length;
    this.lines.push(line);
    this.stamp.push(-1);
    this.best.push({ line: id, d: Infinity, s: 0 });
    for (let i = 0; i + 1 < line.xs.length; i++) {
      const x0 = Math.floor(Math.min(line.xs[i], line.xs[i + 1]) / this.bucketM);
      const x1 = Math.floor(Math.max(line.xs[i], line.xs[i + 1]) / this.bucketM);
      const y0 = Math.floor(Math.min(line.ys[i], line.ys[i + 1]) / this.bucketM);
      const y1 = Math.floor(Math.max(line.ys[i], line.ys[i + 1]) / this.bucketM);
      for (let bx = x0; bx <= x1; bx++) {
        for (let by = y0; by <= y1; by++) {
          const key = bucketKey(bx, by);
          let list = this.buckets.get(key);
          if (!list) this.buckets.set(key, (list = []));
          list.push(id, i);
        }
      }
    }
    return id;
  }

  /**
   * The lines within `radiusM` of (x, y), each with its nearest point, in increasing line index.
   * @param skip optional predicate: lines it returns true for are ignored.
   */
  near(x: number, y: number, radiusM: number, skip?: (line: number) => boolean): NearLine[] {
    const q = ++this.query;
    const touched: number[] = [];
    const r2 = radiusM * radiusM;
    const bx0 = Math.floor((x - radiusM) / this.bucketM);
    const bx1 = Math.floor((x + radiusM) / this.bucketM);
    const by0 = Math.floor((y - radiusM) / this.bucketM);
    const by1 = Math.floor((y + radiusM) / this.bucketM);
    for (let bx = bx0; bx <= bx1; bx++) {
      // Skip buckets whose square lies wholly outside the search circle.
      const dx = Math.max(bx * this.bucketM - x, 0, x - (bx + 1) * this.bucketM);
      for (let by = by0; by <= by1; by++) {
        const dy = Math.max(by * this.bucketM - y, 0, y - (by + 1) * this.bucketM);
        if (dx * dx + dy * dy > r2) continue;
        const list = this.buckets.get(bucketKey(bx, by));
        if (!list) continue;
        for (let k = 0; k < list.length; k += 2) {
          const id = list[k];
          if (skip?.(id)) continue;
          // Nearest point of the segment, inline: this loop is the generator's hot spot.
          const line = this.lines[id];
          const i = list[k + 1];
          const ax = line.xs[i];
          const ay = line.ys[i];
          const ex = line.xs[i + 1] - ax;
          const ey = line.ys[i + 1] - ay;
          const len2 = ex * ex + ey * ey;
          const t = len2 > 0 ? Math.min(1, Math.max(0, ((x - ax) * ex + (y - ay) * ey) / len2)) : 0;
          const px = ax + t * ex - x;
          const py = ay + t * ey - y;
          const d2 = px * px + py * py;
          if (d2 > r2) continue;
          const best = this.best[id];
          if (this.stamp[id] !== q) {
            this.stamp[id] = q;
            touched.push(id);
          } else if (d2 >= best.d) continue;
          best.d = d2;
          best.s = line.s[i] + t * (line.s[i + 1] - line.s[i]);
        }
      }
    }
    touched.sort((a, b) => a - b);
    return touched.map((id) => ({ line: id, d: Math.sqrt(this.best[id].d), s: this.best[id].s }));
  }

  /** The nearest line within `radiusM`, or null. */
  nearest(x: number, y: number, radiusM: number, skip?: (line: number) => boolean): NearLine | null {
    let out: NearLine | null = null;
    for (const hit of this.near(x, y, radiusM, skip)) if (!out || hit.d < out.d) out = hit;
    return out;
  }
}

function bucketKey(bx: number, by: number): number {
  return (bx + 32768) * 65536 + (by + 32768);
}
