/**
 * Sub-pixel polygons at low zoom, coalesced the way tippecanoe accumulates tiny polygons into pixel-sized squares, so
 * a 300 000-parcel county still looks filled when it fits in one tile — with one refinement for a land-use map: each
 * cell keeps the area per class (e.g. per DLBM) and is drawn in the class that covers most of it.
 *
 * The tile is a grid of cells (`gridSize` per side; 256 makes a cell one screen pixel of a 256-px tile). Tiny
 * polygons add their area to the cell of their centre; a cell whose tiny polygons cover at least `minFill` of it
 * becomes a square, runs of neighbouring squares of one class in a row merge into one rectangle (growing down over
 * the rows below that repeat the run), and all the rectangles of a class make one multipolygon feature — a
 * full-extent tile is then a handful of features, which the map parses and styles far faster than tens of thousands
 * of squares. Sparse tiny polygons (a lone house) add too little area to any cell and vanish, as they would from the
 * screen.
 *
 * Sums live in flat arrays (a county tile adds ~10⁵ times): per cell its total and count, per (cell, class) its
 * weight; classes are numbered in the order they first arrive.
 */
import type { PropertyValue } from '../types';
import { MVT_POLYGON, type MvtFeature } from './mvt-encode';

/** Distinct class values told apart per tile (a land-class field has a few dozen). */
const MAX_CLASSES = 1024;

/** A rectangle of cells of one class, columns [col0, col1) and rows [row0, row1). */
interface Rect {
  col0: number;
  col1: number;
  row0: number;
  row1: number;
  k: number;
  polygons: number;
}

export class CellAccumulator {
  private readonly total: Float64Array;
  private readonly count: Float64Array;
  /** Per (cell, class) key — cell · {@link MAX_CLASSES} + class — the weight, in the order pairs first arrive. */
  private readonly weights = new Map<number, number>();
  private readonly classIndex = new Map<PropertyValue, number>();
  private readonly classValues: PropertyValue[] = [];
  private filledCells = 0;

  /**
   * @param gridSize cells per tile side.
   * @param extent tile units per tile side (the MVT extent).
   */
  constructor(
    readonly gridSize: number,
    readonly extent: number,
  ) {
    this.total = new Float64Array(gridSize * gridSize);
    this.count = new Float64Array(gridSize * gridSize);
  }

  /** Tile units per cell side. */
  get cellUnits(): number {
    return this.extent / this.gridSize;
  }

  /**
   * Adds covered area to a cell.
   * @param weight covered area as a fraction of the cell's area (1 = the whole cell).
   * @param count how many polygons the weight stands for.
   */
  add(col: number, row: number, classValue: PropertyValue, weight: number, count = 1): void {
    if (col < 0 || row < 0 || col >= this.gridSize || row >= this.gridSize || !(weight > 0)) return;
    const index = row * this.gridSize + col;
    if (this.total[index] === 0 && this.count[index] === 0) this.filledCells++;
    this.total[index] += weight;
    this.count[index] += count;
    let k = this.classIndex.get(classValue);
    if (k === undefined) {
      // Beyond MAX_CLASSES distinct values (not a land-class field), the rest share the last slot.
      k = Math.min(this.classValues.length, MAX_CLASSES - 1);
      if (k === this.classValues.length) this.classValues.push(classValue);
      this.classIndex.set(classValue, k);
    }
    const key = index * MAX_CLASSES + k;
    this.weights.set(key, (this.weights.get(key) ?? 0) + weight);
  }

  /** Number of cells that received anything. */
  get size(): number {
    return this.filledCells;
  }

  /**
   * The filled cells as polygon features, one per class: rectangles over runs of equal class along each row (a run
   * repeated in the rows below makes one taller rectangle), with
   * properties `{ [classKey]: class, coalesced: <polygons in its cells> }` (a single feature without the class
   * property when `classKey` is null).
   * @param minFill the covered fraction of a cell below which it stays empty (default 0.5).
   */
  features(classKey: string | null, minFill = 0.5): MvtFeature[] {
    // Each cell's class: the one with the largest weight, the earliest to arrive on a tie.
    const best = new Int32Array(this.total.length).fill(-1);
    const bestWeight = new Float64Array(this.total.length);
    for (const [key, w] of this.weights) {
      const cell = Math.floor(key / MAX_CLASSES);
      if (best[cell] === -1 || w > bestWeight[cell]) {
        best[cell] = key % MAX_CLASSES;
        bestWeight[cell] = w;
      }
    }
    // Runs of one class along a row; a run with the same columns and class as one in the row above extends it down.
    const n = this.gridSize;
    const rects: Rect[] = [];
    let above = new Map<number, Rect>();
    for (let row = 0; row < n; row++) {
      const here = new Map<number, Rect>();
      for (let col = 0; col < n; ) {
        const index = row * n + col;
        if (!(this.total[index] >= minFill)) {
          col++;
          continue;
        }
        const k = classKey ? best[index] : 0;
        let end = col + 1;
        let polygons = this.count[index];
        while (end < n && this.total[row * n + end] >= minFill && (classKey ? best[row * n + end] : 0) === k) polygons += this.count[row * n + end++];
        const key = (col * (n + 1) + end) * MAX_CLASSES + k;
        const rect = above.get(key);
        if (rect) {
          rect.row1 = row + 1;
          rect.polygons += polygons;
          here.set(key, rect);
        } else {
          const r = { col0: col, col1: end, row0: row, row1: row + 1, k, polygons };
          rects.push(r);
          here.set(key, r);
        }
        col = end;
      }
      above = here;
    }
    const byClass = new Map<number, MvtFeature>();
    const u = this.cellUnits;
    for (const { col0, col1, row0, row1, k, polygons } of rects) {
      const [x0, x1, y0, y1] = [Math.round(col0 * u), Math.round(col1 * u), Math.round(row0 * u), Math.round(row1 * u)];
      // (x0,y0) → (x1,y0) → (x1,y1) → (x0,y1): clockwise with y down, the MVT exterior orientation.
      const ring = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
      const feature = byClass.get(k);
      if (feature) {
        feature.geometry.push(ring);
        (feature.properties as { coalesced: number }).coalesced += polygons;
      } else {
        byClass.set(k, { type: MVT_POLYGON, geometry: [ring], properties: classKey ? { [classKey]: this.classValues[k], coalesced: polygons } : { coalesced: polygons } });
      }
    }
    return [...byClass.values()];
  }
}
