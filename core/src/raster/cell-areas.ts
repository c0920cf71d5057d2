/**
 * The exact area of a polygon inside each grid cell, in pixel-space units (1 = a whole cell).
 *
 * By Green's theorem the area of P ∩ [a, a+1] × [r, r+1] is ∮∂P (clamp(x, a, a+1) − a) d(clamp(y, r, r+1)):
 * only boundary pieces within the row band [r, r+1] contribute, and a piece entirely right of column a
 * contributes its whole Δy to it. So each edge is cut into row bands; within a band it adds its exact integral
 * to the few columns it crosses and Δy to every column left of it (a running sum across the row). Cost is
 * proportional to the edges' length in cells plus the cells listed — no polygon clipping, no special cases for
 * holes or multipolygons. Rings are oriented first (outer rings counter-clockwise, holes clockwise), so the
 * result does not depend on how the source file ordered its vertices.
 */
import type { PixelPolygon } from './pixel-polygon';
import { ringDoubleArea } from './pixel-polygon';

export interface CellAreas {
  cols: Int32Array;
  rows: Int32Array;
  /** Area of the polygon in each cell, in cells (pixel-space units). */
  areas: Float64Array;
}

/** Areas below this fraction of a cell are rounding noise of cells the boundary only touches. */
const NEGLIGIBLE = 1e-12;

/**
 * Cells the polygon covers with a positive area, row by row, left to right.
 * @param maxCells refuse to list more than this many cells.
 * @returns the cells and areas, or null when there would be more than `maxCells`.
 */
export function cellAreas(polygon: PixelPolygon, maxCells: number): CellAreas | null {
  const [minX, minY, maxX, maxY] = polygon.bounds;
  const empty = { cols: new Int32Array(0), rows: new Int32Array(0), areas: new Float64Array(0) };
  if (!Number.isFinite(minX) || maxX <= minX || maxY <= minY) return empty;
  const col0 = Math.floor(minX);
  const width = Math.ceil(maxX) - col0 + 1;
  const row0 = Math.floor(minY);
  const height = Math.ceil(maxY) - row0;
  // Per row: the exact integrals into the columns each piece crosses, and Δy to add to all columns before it.
  const partial = new Map<number, Float64Array>();
  const leftOf = new Map<number, Float64Array>();
  const rowArray = (map: Map<number, Float64Array>, r: number): Float64Array => {
    let a = map.get(r);
    if (!a) map.set(r, (a = new Float64Array(width + 1)));
    return a;
  };

  polygon.rings.forEach((ring, i) => {
    const orientation = Math.sign(ringDoubleArea(ring)) * (polygon.outer[i] ? 1 : -1);
    if (orientation === 0) return;
    const n = ring.length / 2;
    for (let k = 0; k < n; k++) {
      const j = k === 0 ? n - 1 : k - 1;
      addEdge(ring[2 * j], ring[2 * j + 1], ring[2 * k], ring[2 * k + 1], orientation);
    }
  });

  function addEdge(x1: number, y1: number, x2: number, y2: number, sign: number): void {
    if (y1 === y2) return; // d(clamp y) = 0
    const first = Math.floor(Math.min(y1, y2));
    const last = Math.ceil(Math.max(y1, y2)) - 1;
    for (let r = first; r <= last; r++) {
      // The part of the edge within the row band [r, r + 1], in the edge's own direction.
      const ta = clamp01((r - y1) / (y2 - y1));
      const tb = clamp01((r + 1 - y1) / (y2 - y1));
      const t0 = Math.min(ta, tb);
      const t1 = Math.max(ta, tb);
      if (t1 <= t0) continue;
      const xa = x1 + (x2 - x1) * t0;
      const ya = y1 + (y2 - y1) * t0;
      const xb = x1 + (x2 - x1) * t1;
      const yb = y1 + (y2 - y1) * t1;
      addPiece(r, xa, ya, xb, yb, sign);
    }
  }

  /** One piece inside a row band: ∫ (clamp(x, c, c+1) − c) dy for the columns it spans, Δy for those left of it. */
  function addPiece(r: number, xa: number, ya: number, xb: number, yb: number, sign: number): void {
    const dy = (yb - ya) * sign;
    const cLo = Math.floor(Math.min(xa, xb));
    const cHi = Math.ceil(Math.max(xa, xb)) - 1;
    const part = rowArray(partial, r);
    // Columns strictly left of the piece (x ≥ c + 1 all along it) get the whole Δy: one entry, summed later.
    // Columns right of it (x ≤ c) get nothing; a vertical piece on a column line only feeds the columns left of it.
    rowArray(leftOf, r)[Math.max(0, cLo - col0)] += dy;
    for (let c = Math.max(cLo, col0); c <= cHi; c++) {
      part[c - col0] += sign * integral(xa, ya, xb, yb, c);
    }
  }

  const cols: number[] = [];
  const rows: number[] = [];
  const areas: number[] = [];
  for (let r = row0; r < row0 + height; r++) {
    const part = partial.get(r);
    if (!part) continue;
    const left = leftOf.get(r)!;
    // Column c receives Δy from every piece starting right of it: a suffix sum of `left`.
    let suffix = 0;
    const row = new Float64Array(width);
    for (let c = width - 1; c >= 0; c--) {
      row[c] = part[c] + suffix;
      suffix += left[c];
    }
    for (let c = 0; c < width; c++) {
      if (row[c] > NEGLIGIBLE) {
        cols.push(c + col0);
        rows.push(r);
        areas.push(Math.min(row[c], 1));
      }
    }
    if (cols.length > maxCells) return null;
  }
  return { cols: Int32Array.from(cols), rows: Int32Array.from(rows), areas: Float64Array.from(areas) };
}

/**
 * ∫ (clamp(x, c, c+1) − c) dy along the segment (xa, ya) → (xb, yb): split where x crosses c and c + 1; on each
 * piece the integrand is linear in the parameter, so the midpoint rule is exact.
 */
function integral(xa: number, ya: number, xb: number, yb: number, c: number): number {
  const ts = [0, 1];
  if (xa !== xb) {
    for (const edge of [c, c + 1]) {
      const t = (edge - xa) / (xb - xa);
      if (t > 0 && t < 1) ts.push(t);
    }
  }
  ts.sort((p, q) => p - q);
  let sum = 0;
  for (let i = 0; i + 1 < ts.length; i++) {
    const tm = (ts[i] + ts[i + 1]) / 2;
    const x = xa + (xb - xa) * tm;
    sum += (Math.min(Math.max(x, c), c + 1) - c) * (yb - ya) * (ts[i + 1] - ts[i]);
  }
  return sum;
}

function clamp01(t: number): number {
  return t < 0 ? 0 : t > 1 ? 1 : t;
}
