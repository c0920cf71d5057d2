/**
 * The low-zoom pixel cells of a layer, computed once per layer and kept in memory.
 *
 * At the zooms where a whole county fits in a few tiles, nearly every parcel is smaller than a pixel cell, and
 * counting them per cell straight from the R-tree (tile-service.ts) reads every parcel's box and land class for
 * every tile. Here every box and class is read once, projected to Web Mercator (a projection lattice over the layer),
 * and summed into the cells of each zoom from `maxZoom` down to 0 — each level from the one above plus the
 * features that become sub-pixel at that level — so a low-zoom tile then costs a lookup. Only features smaller
 * than a cell at a level are in that level, exactly the ones the live query would bin.
 *
 * Cells are numbered within the layer's own cell range at each level (at most ~4 tiles × 256 cells a side by the
 * choice of `maxZoom`), so (cell, class) keys stay small integers and the sums live in plain Maps.
 */
import type Database from 'better-sqlite3';
import { MERCATOR_HALF_WIDTH_M, WEB_MERCATOR, type CellAccumulator, type CrsInfo, type Extent, type PropertyValue } from '#core';
import { crsTransform } from '../store/reproject';
import { quoteId } from '../store/sql-names';
import { FID_COLUMN, rtreeName } from '../store/spatial-table';
import { latticeTransform } from './projection-lattice';
import type { TileSource } from './tile-source';

/** Class values beyond this many distinct ones are counted without a class (keys keep 9 bits for the class). */
const MAX_CLASSES = 511;
const CLASS_BITS = 512;
/** Overviews cover zooms up to this at most (beyond, tile windows are small enough for the live query). */
const MAX_OVERVIEW_ZOOM = 12;

/** Sums of one level: per (cell, class) key, a slot in `weight` / `count`. */
interface Sums {
  slots: Map<number, number>;
  weight: number[];
  count: number[];
  /** The level's cell range: first cell column/row and rows per column. */
  gx0: number;
  gy0: number;
  rows: number;
}

export class TileOverview {
  private constructor(
    /** The highest zoom the overview covers. */
    readonly maxZoom: number,
    /** Per zoom, per tile (key x · 2^z + y): packed cells [col, row, class index, weight, count]… */
    private readonly levels: Map<number, number[]>[],
    private readonly classes: PropertyValue[],
    /** Per feature id: the highest zoom at which it is counted in the cells (−1: never), so drawing skips exactly those. */
    private readonly tinyUpTo: Int8Array,
  ) {}

  /** The highest zoom an overview of a layer covers: the last at which it spans at most three tiles a side (≤ 12). */
  static maxZoomFor(crs: CrsInfo, extent: Extent): number {
    const t = crsTransform(crs, WEB_MERCATOR);
    const [mx0, my0] = t.forward([extent[0], extent[1]]);
    const [mx1, my1] = t.forward([extent[2], extent[3]]);
    const side = Math.max(Math.abs(mx1 - mx0), Math.abs(my1 - my0), 1);
    return Math.max(0, Math.min(MAX_OVERVIEW_ZOOM, Math.floor(Math.log2((2 * 2 * MERCATOR_HALF_WIDTH_M) / side))));
  }

  /**
   * Builds the overview of a layer for zooms 0…{@link maxZoomFor}.
   * @param gridSize pixel cells per tile side.
   */
  static build(db: Database.Database, source: TileSource, extent: Extent, gridSize: number): TileOverview {
    const maxZoom = TileOverview.maxZoomFor(source.crs, extent);
    const toMercator = latticeTransform(crsTransform(source.crs, WEB_MERCATOR).forward, extent, 64);
    const [mx0, my0] = toMercator(extent[0], extent[1]);
    const my1 = toMercator(extent[2], extent[3])[1];

    // Every feature once: its class (a sequential scan of the table, far cheaper than a lookup per R-tree entry),
    // then its box from the R-tree: centre, larger side and box area in Web Mercator.
    const classes: PropertyValue[] = [null];
    const classIndex = new Map<string, number>();
    const classOf = new Map<number, number>();
    if (source.classColumn) {
      const scan = db.prepare(`SELECT ${quoteId(FID_COLUMN)}, ${quoteId(source.classColumn[1])} FROM ${quoteId(source.table)}`).raw();
      for (const [fid, v] of scan.iterate() as IterableIterator<[number, PropertyValue]>) {
        if (v === null) continue;
        const key = `${typeof v}:${String(v)}`;
        let k = classIndex.get(key);
        if (k === undefined && classes.length <= MAX_CLASSES) {
          k = classes.length;
          classes.push(v);
          classIndex.set(key, k);
        }
        if (k !== undefined) classOf.set(fid, k);
      }
    }
    const rows = db.prepare(`SELECT id, minx, maxx, miny, maxy FROM ${quoteId(rtreeName(source.table))}`).raw();
    const ids: number[] = [], cx: number[] = [], cy: number[] = [], size: number[] = [], area: number[] = [], klass: number[] = [];
    for (const row of rows.iterate() as IterableIterator<[number, number, number, number, number]>) {
      const a = toMercator(row[1], row[3]), b = toMercator(row[2], row[4]);
      const w = Math.abs(b[0] - a[0]), h = Math.abs(b[1] - a[1]);
      ids.push(row[0]);
      cx.push((a[0] + b[0]) / 2);
      cy.push((a[1] + b[1]) / 2);
      size.push(Math.max(w, h));
      area.push(w * h);
      klass.push(classOf.get(row[0]) ?? 0);
    }

    // Features by size, smallest first: each level adds the ones that just became sub-pixel.
    const bySize = Array.from(size.keys()).sort((i, j) => size[i] - size[j]);
    const tinyUpTo = new Int8Array(ids.reduce((m, id) => Math.max(m, id), 0) + 1).fill(-1);
    const levels: Map<number, number[]>[] = new Array(maxZoom + 1);
    let sums: Sums | null = null;
    let added = 0;
    for (let z = maxZoom; z >= 0; z--) {
      const cellM = (2 * MERCATOR_HALF_WIDTH_M) / 2 ** z / gridSize;
      // One cell of margin on each side: R-tree boxes are rounded outwards (float32), so a centre may sit a few
      // metres outside the layer extent.
      const gx0 = Math.floor((mx0 + MERCATOR_HALF_WIDTH_M) / cellM) - 1, gy0 = Math.floor((MERCATOR_HALF_WIDTH_M - my1) / cellM) - 1;
      const level: Sums = { slots: new Map(), weight: [], count: [], gx0, gy0, rows: Math.floor((MERCATOR_HALF_WIDTH_M - my0) / cellM) - gy0 + 2 };
      const add = (gx: number, gy: number, k: number, w: number, n: number): void => {
        const key = ((gx - gx0) * level.rows + (gy - gy0)) * CLASS_BITS + k;
        const slot = level.slots.get(key);
        if (slot === undefined) {
          level.slots.set(key, level.weight.length);
          level.weight.push(w);
          level.count.push(n);
        } else {
          level.weight[slot] += w;
          level.count[slot] += n;
        }
      };
      if (sums) {
        // The level above, in cells twice as large: a child's covered fraction is a quarter of the parent's.
        for (const [key, slot] of sums.slots) {
          const cell = Math.floor(key / CLASS_BITS);
          const gx = sums.gx0 + Math.floor(cell / sums.rows), gy = sums.gy0 + (cell % sums.rows);
          add(gx >> 1, gy >> 1, key % CLASS_BITS, sums.weight[slot] / 4, sums.count[slot]);
        }
      }
      for (; added < bySize.length && size[bySize[added]] < cellM; added++) {
        const i = bySize[added];
        tinyUpTo[ids[i]] = z;
        // box area in cells, as the live query weighs it
        add(Math.floor((cx[i] + MERCATOR_HALF_WIDTH_M) / cellM), Math.floor((MERCATOR_HALF_WIDTH_M - cy[i]) / cellM), klass[i], area[i] / (cellM * cellM), 1);
      }
      levels[z] = byTile(level, gridSize, z);
      sums = level;
    }
    return new TileOverview(maxZoom, levels, classes, tinyUpTo);
  }

  /** Adds the sub-pixel cells of tile z/x/y to `cells`; false when the overview does not cover zoom z. */
  fill(cells: CellAccumulator, z: number, x: number, y: number): boolean {
    if (z > this.maxZoom) return false;
    const packed = this.levels[z].get(x * 2 ** z + y);
    if (packed) for (let i = 0; i < packed.length; i += 5) cells.add(packed[i], packed[i + 1], this.classes[packed[i + 2]], packed[i + 3], packed[i + 4]);
    return true;
  }

  /** True when feature `id` is counted in the cells at zoom z (so it must not be drawn there). */
  counted(id: number, z: number): boolean {
    return z <= this.maxZoom && id < this.tinyUpTo.length && this.tinyUpTo[id] >= z;
  }
}

function byTile(level: Sums, gridSize: number, z: number): Map<number, number[]> {
  const tiles = new Map<number, number[]>();
  for (const [key, slot] of level.slots) {
    const cell = Math.floor(key / CLASS_BITS);
    const gx = level.gx0 + Math.floor(cell / level.rows), gy = level.gy0 + (cell % level.rows);
    const tileKey = Math.floor(gx / gridSize) * 2 ** z + Math.floor(gy / gridSize);
    let list = tiles.get(tileKey);
    if (!list) tiles.set(tileKey, (list = []));
    list.push(gx % gridSize, gy % gridSize, key % CLASS_BITS, level.weight[slot], level.count[slot]);
  }
  return tiles;
}
