/**
 * The cells whose centre falls inside a polygon — the rule of `gdal_rasterize` without ALL_TOUCHED
 * (GDALdllImageFilledPolygon, alg/llrasterize.cpp), reproduced so that masks agree cell for cell:
 *
 *   - every row r is cut by the line y = r + 0.5 through its cell centres;
 *   - an edge from (x1, y1) to (x2, y2) with y1 < y2 cuts that line when y1 ≤ r + 0.5 < y2 (half-open, so a
 *     vertex on the line counts once), at x, rounded as floor(x + 0.5);
 *   - the sorted cuts pair up into spans [a, b), filled as columns a … b − 1 (even-odd: holes and the parts of a
 *     multipolygon need no special care);
 *   - an edge lying exactly on the centre line is filled on its own when it runs right to left (GDAL's
 *     "bottom horizontal segment" rule), and skipped otherwise.
 *
 *        row r   ┌──────────────┐        · cell centre
 *        r+0.5 ··│·· ·  ·  ·  ··│··  ←   centres between the two cuts are inside
 *                └──────────────┘
 *
 * Unlike GDAL the rows and columns are not clipped to the raster: the grid's lattice continues outside it, so a
 * piece half outside the raster still gets its full set of cells (their values read as "no coverage").
 */
import type { PixelPolygon } from './pixel-polygon';

export interface CellList {
  cols: Int32Array;
  rows: Int32Array;
}

/**
 * Cells whose centre is inside the polygon, row by row, left to right.
 * @param maxCells refuse to list more than this many cells (the caller reports it).
 * @returns the cells, or null when there would be more than `maxCells`.
 */
export function centreCells(polygon: PixelPolygon, maxCells: number): CellList | null {
  const [, minY, , maxY] = polygon.bounds;
  if (!Number.isFinite(minY) || !Number.isFinite(maxY)) return { cols: new Int32Array(0), rows: new Int32Array(0) };
  const firstRow = Math.floor(minY);
  const lastRow = Math.floor(maxY);
  const edgesByRow = bucketEdges(polygon, firstRow, lastRow);
  const cols: number[] = [];
  const rows: number[] = [];
  const cuts: number[] = [];
  const spans: number[] = [];
  for (let r = firstRow; r <= lastRow; r++) {
    const edges = edgesByRow[r - firstRow];
    if (!edges) continue;
    const dy = r + 0.5;
    cuts.length = 0;
    spans.length = 0;
    for (let e = 0; e < edges.length; e += 4) {
      let x1 = edges[e];
      let y1 = edges[e + 1];
      let x2 = edges[e + 2];
      let y2 = edges[e + 3];
      if (y1 === y2) {
        // On the centre line: filled separately when it runs right to left, as GDAL does.
        if (x1 > x2) spans.push(Math.floor(x2 + 0.5), Math.floor(x1 + 0.5));
        continue;
      }
      if (y1 > y2) {
        [x1, x2] = [x2, x1];
        [y1, y2] = [y2, y1];
      }
      if (dy < y2 && dy >= y1) cuts.push(Math.floor(((dy - y1) * (x2 - x1)) / (y2 - y1) + x1 + 0.5));
    }
    cuts.sort((a, b) => a - b);
    for (let i = 0; i + 1 < cuts.length; i += 2) spans.push(cuts[i], cuts[i + 1]);
    for (const [a, b] of mergeSpans(spans)) {
      for (let c = a; c < b; c++) {
        cols.push(c);
        rows.push(r);
      }
      if (cols.length > maxCells) return null;
    }
  }
  return { cols: Int32Array.from(cols), rows: Int32Array.from(rows) };
}

/**
 * For each row, the edges (x1, y1, x2, y2 in ring order) that can cut its centre line: y-range containing
 * r + 0.5, horizontal edges only on the row whose centre line they lie on.
 */
function bucketEdges(polygon: PixelPolygon, firstRow: number, lastRow: number): (number[] | undefined)[] {
  const buckets: (number[] | undefined)[] = new Array(lastRow - firstRow + 1);
  for (const ring of polygon.rings) {
    const n = ring.length / 2;
    for (let i = 0; i < n; i++) {
      // GDAL walks each ring from its last vertex to its first, then along the ring.
      const j = i === 0 ? n - 1 : i - 1;
      const x1 = ring[2 * j];
      const y1 = ring[2 * j + 1];
      const x2 = ring[2 * i];
      const y2 = ring[2 * i + 1];
      const lo = Math.max(firstRow, Math.ceil(Math.min(y1, y2) - 0.5));
      const hi = Math.min(lastRow, Math.floor(Math.max(y1, y2) - 0.5));
      for (let r = lo; r <= hi; r++) {
        const bucket = buckets[r - firstRow] ?? (buckets[r - firstRow] = []);
        bucket.push(x1, y1, x2, y2);
      }
    }
  }
  return buckets;
}

/** Union of half-open spans [a, b) given as a flat list, sorted and merged. */
function mergeSpans(flat: number[]): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) if (flat[i + 1] > flat[i]) spans.push([flat[i], flat[i + 1]]);
  spans.sort((p, q) => p[0] - q[0]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}
