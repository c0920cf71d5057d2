/**
 * The low-zoom pixel cells of a layer, computed once per layer and kept in memory.
 *
 * At the zooms where a whole county fits in a few tiles, nearly every parcel is smaller than a pixel cell, and
 * counting them per cell straight from the R-tree (tile-service.ts) reads every parcel's box and land class for
 * every tile. Here every box and class is read once, projected to Web Mercator (a projection lattice over the layer),
 * and summed into the cells of each zoom from `maxZoom` down to 0 — each level from the one above plus the
 * features that become sub-pixel at that level — so a low-zoom tile then costs a lookup. Only features smaller
 * than a cell at a level are in that level, exactly the ones the live query would bin.
 */
import type Database from 'better-sqlite3';
import { MERCATOR_HALF_WIDTH_M, WEB_MERCATOR, type CellAccumulator, type Extent, type PropertyValue } from '#core';
import { crsTransform } from '../store/reproject';
import { quoteId } from '../store/sql-names';
import { FID_COLUMN, rtreeName } from '../store/spatial-table';
import { latticeTransform } from './projection-lattice';
import type { TileSource } from './tile-source';

/** Class values beyond this many distinct ones are counted without a class. */
const MAX_CLASSES = 1023;
/** Overviews are built up to this zoom at most (beyond, tile windows are small enough for the live query). */
export const MAX_OVERVIEW_ZOOM = 12;

interface Level {
  /** Per tile (key x · 2^z + y): packed cells [col, row, class index, weight, count]… */
  tiles: Map<number, number[]>;
}

export class TileOverview {
  private constructor(
    /** The highest zoom the overview covers. */
    readonly maxZoom: number,
    private readonly levels: Level[],
    private readonly classes: PropertyValue[],
    /** Per feature id: the highest zoom at which it is counted in the cells (−1: never), so drawing skips exactly those. */
    private readonly tinyUpTo: Int8Array,
  ) {}

  /**
   * Builds the overview of a layer: zooms 0…z where z is the last zoom at which the layer spans at most three tiles
   * per side (capped at 12).
   * @param gridSize pixel cells per tile side.
   */
  static build(db: Database.Database, source: TileSource, extent: Extent, gridSize: number): TileOverview {
    const t = crsTransform(source.crs, WEB_MERCATOR);
    const toMercator = latticeTransform(t.forward, extent, 64);
    const [mx0, my0] = t.forward([extent[0], extent[1]]);
    const [mx1, my1] = t.forward([extent[2], extent[3]]);
    const side = Math.max(Math.abs(mx1 - mx0), Math.abs(my1 - my0), 1);
    const maxZoom = Math.max(0, Math.min(MAX_OVERVIEW_ZOOM, Math.floor(Math.log2((2 * 2 * MERCATOR_HALF_WIDTH_M) / side))));

    const classes: PropertyValue[] = [null];
    const classIndex = new Map<string, number>();
    const cls = source.classColumn ? `, t.${quoteId(source.classColumn[1])}` : '';
    const join = source.classColumn ? ` JOIN ${quoteId(source.table)} t ON t.${quoteId(FID_COLUMN)} = r.id` : '';
    const rows = db.prepare(`SELECT r.id, r.minx, r.maxx, r.miny, r.maxy${cls} FROM ${quoteId(rtreeName(source.table))} r${join}`).raw();
    // Per feature: centre, larger side and box area (Web Mercator), class index.
    const ids: number[] = [], cx: number[] = [], cy: number[] = [], size: number[] = [], area: number[] = [], klass: number[] = [];
    for (const row of rows.iterate() as IterableIterator<[number, number, number, number, number, PropertyValue?]>) {
      ids.push(row[0]);
      const a = toMercator(row[1], row[3]), b = toMercator(row[2], row[4]);
      cx.push((a[0] + b[0]) / 2);
      cy.push((a[1] + b[1]) / 2);
      size.push(Math.max(Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1])));
      area.push(Math.abs((b[0] - a[0]) * (b[1] - a[1])));
      const v = row[5] ?? null;
      const key = `${typeof v}:${String(v)}`;
      let k = classIndex.get(key);
      if (k === undefined && v !== null && classes.length <= MAX_CLASSES) {
        k = classes.length;
        classes.push(v);
        classIndex.set(key, k);
      }
      klass.push(k ?? 0);
    }

    // Feature order by size, so each level adds the features that just became sub-pixel.
    const bySize = Int32Array.from(size.keys()).sort((i, j) => size[i] - size[j]);
    const levels: Level[] = new Array(maxZoom + 1);
    const tinyUpTo = new Int8Array(ids.reduce((m, id) => Math.max(m, id), 0) + 1).fill(-1);
    let sums = new Map<number, [number, number]>(); // (cell key · 1024 + class) → [weight, count]
    let added = 0;
    for (let z = maxZoom; z >= 0; z--) {
      const cellM = (2 * MERCATOR_HALF_WIDTH_M) / 2 ** z / gridSize;
      if (z < maxZoom) {
        // Parent cells of the level above: halve the cell coordinates.
        const parents = new Map<number, [number, number]>();
        const perAxis = 2 ** (z + 1) * gridSize;
        for (const [key, [w, n]] of sums) {
          const cell = Math.floor(key / 1024), k = key % 1024;
          const gx = Math.floor(cell / perAxis), gy = cell % perAxis;
          accumulate(parents, ((gx >> 1) * (perAxis / 2) + (gy >> 1)) * 1024 + k, w / 4, n);
        }
        sums = parents;
      }
      const perAxis = 2 ** z * gridSize;
      for (; added < bySize.length && size[bySize[added]] < cellM; added++) {
        const i = bySize[added];
        tinyUpTo[ids[i]] = z;
        const gx = Math.floor((cx[i] + MERCATOR_HALF_WIDTH_M) / cellM), gy = Math.floor((MERCATOR_HALF_WIDTH_M - cy[i]) / cellM);
        const weight = area[i] / (cellM * cellM); // box area in cells, as the live query weighs it
        if (gx >= 0 && gy >= 0 && gx < perAxis && gy < perAxis) accumulate(sums, (gx * perAxis + gy) * 1024 + klass[i], weight, 1);
      }
      levels[z] = { tiles: byTile(sums, perAxis, gridSize, z) };
    }
    return new TileOverview(maxZoom, levels, classes, tinyUpTo);
  }

  /** True when feature `id` is counted in the cells at zoom z (so it must not be drawn there). */
  counted(id: number, z: number): boolean {
    return z <= this.maxZoom && id < this.tinyUpTo.length && this.tinyUpTo[id] >= z;
  }

  /** Adds the sub-pixel cells of tile z/x/y to `cells`; false when the overview does not cover zoom z. */
  fill(cells: CellAccumulator, z: number, x: number, y: number): boolean {
    if (z > this.maxZoom) return false;
    const packed = this.levels[z].tiles.get(x * 2 ** z + y);
    if (packed) for (let i = 0; i < packed.length; i += 5) cells.add(packed[i], packed[i + 1], this.classes[packed[i + 2]], packed[i + 3], packed[i + 4]);
    return true;
  }
}

function accumulate(map: Map<number, [number, number]>, key: number, weight: number, count: number): void {
  const e = map.get(key);
  if (e) {
    e[0] += weight;
    e[1] += count;
  } else map.set(key, [weight, count]);
}

function byTile(sums: Map<number, [number, number]>, perAxis: number, gridSize: number, z: number): Map<number, number[]> {
  const tiles = new Map<number, number[]>();
  for (const [key, [w, n]] of sums) {
    const cell = Math.floor(key / 1024), k = key % 1024;
    const gx = Math.floor(cell / perAxis), gy = cell % perAxis;
    const tileKey = Math.floor(gx / gridSize) * 2 ** z + Math.floor(gy / gridSize);
    let list = tiles.get(tileKey);
    if (!list) tiles.set(tileKey, (list = []));
    list.push(gx % gridSize, gy % gridSize, k, w, n);
  }
  return tiles;
}
