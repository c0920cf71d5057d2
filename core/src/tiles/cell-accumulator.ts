/**
 * Sub-pixel polygons at low zoom, coalesced the way tippecanoe accumulates tiny polygons into pixel-sized squares, so
 * a 300 000-parcel county still looks filled when it fits in one tile — with one refinement for a land-use map: each
 * cell keeps the area per class (e.g. per DLBM) and is drawn in the class that covers most of it.
 *
 * The tile is a grid of cells (`gridSize` per side; 256 makes a cell one screen pixel of a 256-px tile). Tiny
 * polygons add their area to the cell of their centre; a cell whose tiny polygons cover at least `minFill` of it
 * becomes a square, and runs of neighbouring squares of one class in a row merge into one rectangle, which keeps a
 * full-extent tile to a few thousand features. Sparse tiny polygons (a lone house) add too little area to any cell
 * and vanish, as they would from the screen.
 */
import type { PropertyValue } from '../types';
import { MVT_POLYGON, type MvtFeature } from './mvt-encode';

interface Cell {
  total: number;
  count: number;
  byClass: Map<string, { value: PropertyValue; weight: number }>;
}

export class CellAccumulator {
  private readonly cells = new Map<number, Cell>();

  /**
   * @param gridSize cells per tile side.
   * @param extent tile units per tile side (the MVT extent).
   */
  constructor(
    readonly gridSize: number,
    readonly extent: number,
  ) {}

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
    let cell = this.cells.get(index);
    if (!cell) this.cells.set(index, (cell = { total: 0, count: 0, byClass: new Map() }));
    cell.total += weight;
    cell.count += count;
    const key = `${typeof classValue}:${String(classValue)}`;
    const c = cell.byClass.get(key);
    if (c) c.weight += weight;
    else cell.byClass.set(key, { value: classValue, weight });
  }

  /** Number of cells that received anything. */
  get size(): number {
    return this.cells.size;
  }

  /**
   * The filled cells as polygon features: rectangles over runs of equal class along each row, with properties
   * `{ [classKey]: class, coalesced: <polygons in the run> }` (no class property when `classKey` is null).
   * @param minFill the covered fraction of a cell below which it stays empty (default 0.5).
   */
  features(classKey: string | null, minFill = 0.5): MvtFeature[] {
    const filled = [...this.cells.entries()].filter(([, c]) => c.total >= minFill).sort((a, b) => a[0] - b[0]);
    const out: MvtFeature[] = [];
    const u = this.cellUnits;
    let run: { row: number; col0: number; col1: number; key: string; value: PropertyValue; count: number } | null = null;
    const flush = (): void => {
      if (!run) return;
      const [x0, x1, y0, y1] = [Math.round(run.col0 * u), Math.round((run.col1 + 1) * u), Math.round(run.row * u), Math.round((run.row + 1) * u)];
      // (x0,y0) → (x1,y0) → (x1,y1) → (x0,y1): clockwise with y down, the MVT exterior orientation.
      out.push({
        type: MVT_POLYGON,
        geometry: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
        properties: classKey ? { [classKey]: run.value, coalesced: run.count } : { coalesced: run.count },
      });
      run = null;
    };
    for (const [index, cell] of filled) {
      const row = Math.floor(index / this.gridSize);
      const col = index % this.gridSize;
      let best = { key: '', value: null as PropertyValue, weight: -1 };
      for (const [key, c] of cell.byClass) if (c.weight > best.weight) best = { key, value: c.value, weight: c.weight };
      const key = classKey ? best.key : '';
      if (run && run.row === row && run.col1 === col - 1 && run.key === key) {
        run.col1 = col;
        run.count += cell.count;
      } else {
        flush();
        run = { row, col0: col, col1: col, key, value: best.value, count: cell.count };
      }
    }
    flush();
    return out;
  }
}
