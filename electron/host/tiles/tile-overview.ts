/**
 * The low-zoom pixel cells of a layer, computed once per layer and kept in the project.
 *
 * At the zooms where a whole county fits in a few tiles, nearly every parcel is smaller than a pixel cell, and
 * counting them per cell straight from the R-tree (tile-service.ts) reads every parcel's box and land class for
 * every tile. Here every box and class is read once, projected to Web Mercator (a projection lattice over the layer),
 * and summed into the cells of each zoom from `maxZoom` down to 0 — each level from the one above plus the
 * features that join the cells at that level — so a low-zoom tile then costs a lookup.
 *
 * Which features join the cells at a zoom: those smaller than a cell, as the live query bins them — and, where a
 * tile would still draw more than `tileBudget` features one by one, the smallest of the rest until no tile does (the
 * limit is one size per zoom, so neighbouring tiles agree). A county view then draws the land classes as pixel
 * cells plus its few hundred largest parcels, instead of tens of thousands of parcels a few pixels wide that look
 * the same on screen but cost the map seconds to parse and draw. A feature adds the part of its box over each cell
 * to that cell, so a parcel a few cells wide fills the cells it covers.
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

/** One feature as the R-tree holds it: id, minx, maxx, miny, maxy. */
export type OverviewBox = [number, number, number, number, number];

/** Bumped whenever the encoding below changes; an overview stored in another format is rebuilt. */
export const OVERVIEW_FORMAT = 3;
/**
 * The largest features are listed (id and R-tree box) up to this many: at a zoom where no more than these are too big
 * for a cell, drawing them needs no R-tree scan of the tile window (which, at the zooms of a whole county, would visit
 * every parcel in it only to keep the few large ones).
 */
const LARGE_LIMIT = 50_000;
/**
 * Features drawn one by one per tile at most, at the zooms an overview covers (the feature centred in a tile counts
 * for it). Without it, a full-extent tile of a county drew ~6 000 parcels a few pixels wide: ~300 KB, and half a
 * second to parse and draw in software WebGL.
 */
export const TILE_BUDGET = 500;
/** A zoom with more large features than {@link LARGE_LIMIT}: its tiles ask the R-tree. */
const TOO_MANY = 0xffffffff;
const MAGIC = 0x4f504556; // "VEPO" little-endian

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
    /** The overview as stored (see encodeOverview): its cells are read from these bytes, never unpacked. */
    private readonly bytes: Uint8Array,
    /** The highest zoom the overview covers. */
    readonly maxZoom: number,
    /** Per zoom, per tile (key x · 2^z + y): where its cells start in `bytes` and how many there are. */
    private readonly levels: Map<number, { at: number; n: number }>[],
    private readonly classes: PropertyValue[],
    /** Per feature id: the highest zoom at which it is counted in the cells (−1: never), so drawing skips exactly those. */
    private readonly tinyUpTo: Int8Array,
    /** The largest features, largest first: their ids, and their R-tree boxes (minx, maxx, miny, maxy, float32). */
    private readonly large: LargeFeatures,
    /** Per zoom, the size in cells from which a feature is drawn rather than counted (≥ 1; see {@link drawFrom}). */
    private readonly drawFromCells: number[],
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
   * Builds the overview of a layer from the project: every feature's class (a sequential scan of the table, far
   * cheaper than a lookup per R-tree entry) and its box from the R-tree.
   * @param gridSize pixel cells per tile side.
   */
  static build(db: Database.Database, source: TileSource, extent: Extent, gridSize: number, limits: OverviewLimits = {}): TileOverview {
    const classOf = new Map<number, PropertyValue>();
    if (source.classColumn) {
      const scan = db.prepare(`SELECT ${quoteId(FID_COLUMN)}, ${quoteId(source.classColumn[1])} FROM ${quoteId(source.table)}`).raw();
      for (const [fid, v] of scan.iterate() as IterableIterator<[number, PropertyValue]>) if (v !== null) classOf.set(fid, v);
    }
    const boxes = db.prepare(`SELECT id, minx, maxx, miny, maxy FROM ${quoteId(rtreeName(source.table))}`).raw().iterate() as IterableIterator<OverviewBox>;
    return TileOverview.fromBoxes(source.crs, extent, gridSize, boxes, classOf, limits);
  }

  /**
   * Builds the overview for zooms 0…{@link maxZoomFor} from the features' boxes as the R-tree holds them
   * ([id, minx, maxx, miny, maxy], float32-rounded outwards) and their classes.
   */
  static fromBoxes(crs: CrsInfo, extent: Extent, gridSize: number, boxes: Iterable<OverviewBox>, classOf: ReadonlyMap<number, PropertyValue>, limits: OverviewLimits = {}): TileOverview {
    const { largeLimit = LARGE_LIMIT, tileBudget = TILE_BUDGET } = limits;
    const maxZoom = TileOverview.maxZoomFor(crs, extent);
    const toMercator = latticeTransform(crsTransform(crs, WEB_MERCATOR).forward, extent, 64);
    const [mx0, my0] = toMercator(extent[0], extent[1]);
    const my1 = toMercator(extent[2], extent[3])[1];

    const classes: PropertyValue[] = [null];
    const classIndex = new Map<string, number>();
    const indexOf = (v: PropertyValue | undefined): number => {
      if (v === undefined || v === null) return 0;
      const key = `${typeof v}:${String(v)}`;
      let k = classIndex.get(key);
      if (k === undefined) {
        if (classes.length > MAX_CLASSES) return 0;
        k = classes.length;
        classes.push(v);
        classIndex.set(key, k);
      }
      return k;
    };
    // Every feature once: its box and larger side in Web Mercator.
    const ids: number[] = [], x0: number[] = [], x1: number[] = [], y0: number[] = [], y1: number[] = [], size: number[] = [], klass: number[] = [], box: number[] = [];
    for (const row of boxes) {
      box.push(row[1], row[2], row[3], row[4]);
      const a = toMercator(row[1], row[3]), b = toMercator(row[2], row[4]);
      const [left, right] = a[0] < b[0] ? [a[0], b[0]] : [b[0], a[0]];
      const [bottom, top] = a[1] < b[1] ? [a[1], b[1]] : [b[1], a[1]];
      ids.push(row[0]);
      x0.push(left);
      x1.push(right);
      y0.push(bottom);
      y1.push(top);
      size.push(Math.max(right - left, top - bottom));
      klass.push(indexOf(classOf.get(row[0])));
    }

    // Features by size, smallest first: each level adds the ones that join its cells.
    const bySize = Array.from(size.keys()).sort((i, j) => size[i] - size[j]);
    const tinyUpTo = new Int8Array(ids.reduce((m, id) => Math.max(m, id), 0) + 1).fill(-1);
    const levels: Map<number, number[]>[] = new Array(maxZoom + 1);
    let sums: Sums | null = null;
    let added = 0;
    const largeAt: number[] = new Array(maxZoom + 1);
    const drawFromCells: number[] = new Array(maxZoom + 1);
    let limit = 0;
    for (let z = maxZoom; z >= 0; z--) {
      const cellM = (2 * MERCATOR_HALF_WIDTH_M) / 2 ** z / gridSize;
      // Never below the level above's limit: a feature in the cells of one zoom is in those of every zoom below.
      limit = withinBudget(bySize, size, x0, x1, y0, y1, z, Math.max(cellM, limit), tileBudget);
      drawFromCells[z] = limit / cellM;
      // One cell of margin on each side: R-tree boxes are rounded outwards (float32), so a box may reach a few
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
      for (; added < bySize.length && size[bySize[added]] < limit; added++) {
        const i = bySize[added];
        tinyUpTo[ids[i]] = z;
        // Each cell the box meets gets the part of the box over it (in cells, as the live query weighs a box's area);
        // the feature is counted once, in the cell of its box centre.
        const c0 = Math.floor((x0[i] + MERCATOR_HALF_WIDTH_M) / cellM), c1 = Math.floor((x1[i] + MERCATOR_HALF_WIDTH_M) / cellM);
        const r0 = Math.floor((MERCATOR_HALF_WIDTH_M - y1[i]) / cellM), r1 = Math.floor((MERCATOR_HALF_WIDTH_M - y0[i]) / cellM);
        const cc = Math.floor(((x0[i] + x1[i]) / 2 + MERCATOR_HALF_WIDTH_M) / cellM), rc = Math.floor((MERCATOR_HALF_WIDTH_M - (y0[i] + y1[i]) / 2) / cellM);
        for (let c = c0; c <= c1; c++) {
          const dx = (Math.min(x1[i], (c + 1) * cellM - MERCATOR_HALF_WIDTH_M) - Math.max(x0[i], c * cellM - MERCATOR_HALF_WIDTH_M)) / cellM;
          for (let r = r0; r <= r1; r++) {
            const dy = (Math.min(y1[i], MERCATOR_HALF_WIDTH_M - r * cellM) - Math.max(y0[i], MERCATOR_HALF_WIDTH_M - (r + 1) * cellM)) / cellM;
            add(c, r, klass[i], dx * dy, c === cc && r === rc ? 1 : 0);
          }
        }
      }
      levels[z] = byTile(level, gridSize, z);
      largeAt[z] = bySize.length - added;
      sums = level;
    }
    // The features never counted at some zoom, largest first: at zoom z the first largeAt[z] of them are the ones
    // too big for a cell there (they shrink below a cell in this order as the zoom decreases).
    const listed = Math.min(largeLimit, largeAt[maxZoom] ?? 0);
    const large: LargeFeatures = { ids: new Float64Array(listed), boxes: new Float32Array(4 * listed), countAt: largeAt.map((n) => (n <= largeLimit ? n : TOO_MANY)) };
    for (let k = 0; k < listed; k++) {
      const i = bySize[bySize.length - 1 - k];
      large.ids[k] = ids[i];
      large.boxes.set(box.slice(4 * i, 4 * i + 4), 4 * k);
    }
    return TileOverview.decode(encodeOverview(maxZoom, levels, classes, tinyUpTo, large, drawFromCells))!;
  }

  /** The overview as bytes, to be kept in the project (see {@link decode}). */
  encode(): Uint8Array {
    return this.bytes;
  }

  /** An overview from {@link encode}'s bytes; null when they are of another format or damaged (then rebuild it). */
  static decode(bytes: Uint8Array): TileOverview | null {
    const d = decodeOverview(bytes);
    return d && new TileOverview(bytes, d.maxZoom, d.levels, d.classes, d.tinyUpTo, d.large, d.drawFrom);
  }

  /**
   * The size, in pixel cells, from which a feature is drawn at zoom z rather than counted in the cells: 1 where the
   * tiles stay within the budget, more where they would not (undefined beyond the overview's zooms).
   */
  drawFrom(z: number): number | undefined {
    return this.drawFromCells[z];
  }

  /** Adds the sub-pixel cells of tile z/x/y to `cells`; false when the overview does not cover zoom z. */
  fill(cells: CellAccumulator, z: number, x: number, y: number): boolean {
    if (z > this.maxZoom) return false;
    const tile = this.levels[z].get(x * 2 ** z + y);
    if (!tile) return true;
    // The columns of encodeOverview, one after another: col u16, row u16, class u16, weight f64, count u32.
    const { at, n } = tile;
    const v = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    for (let i = 0; i < n; i++) {
      cells.add(v.getUint16(at + 2 * i, true), v.getUint16(at + 2 * n + 2 * i, true), this.classes[v.getUint16(at + 4 * n + 2 * i, true)], v.getFloat64(at + 6 * n + 8 * i, true), v.getUint32(at + 14 * n + 4 * i, true));
    }
    return true;
  }

  /**
   * The features to draw at zoom z within `window` (layer CRS, as the R-tree compares: boxes that meet it) whose box
   * is at least `cell` wide or high (pass a little under {@link drawFrom} cells) — exactly what the R-tree query of the tile service would return, less what the
   * cells count — or null when zoom z has too many large features to list (then ask the R-tree).
   */
  largeIn(z: number, window: Extent, cell: number): number[] | null {
    if (z > this.maxZoom) return null;
    const n = this.large.countAt[z];
    if (n === TOO_MANY) return null;
    const [minX, minY, maxX, maxY] = window;
    const b = this.large.boxes;
    const out: number[] = [];
    for (let k = 0; k < n; k++) {
      const x0 = b[4 * k], x1 = b[4 * k + 1], y0 = b[4 * k + 2], y1 = b[4 * k + 3];
      if (x1 >= minX && x0 <= maxX && y1 >= minY && y0 <= maxY && (x1 - x0 >= cell || y1 - y0 >= cell)) out.push(this.large.ids[k]);
    }
    return out.sort((a, c) => a - c);
  }

  /** True when feature `id` is counted in the cells at zoom z (so it must not be drawn there). */
  counted(id: number, z: number): boolean {
    return z <= this.maxZoom && id < this.tinyUpTo.length && this.tinyUpTo[id] >= z;
  }
}

const CELL_BYTES = 2 + 2 + 2 + 8 + 4;
/** The cell columns as stored: [index in the packed 5-tuple, bytes]. */
const CELL_COLUMNS = [[0, 2], [1, 2], [2, 2], [3, 8], [4, 4]] as const;

/** How much an overview lists and how much a tile may draw (see {@link LARGE_LIMIT}, {@link TILE_BUDGET}). */
export interface OverviewLimits {
  largeLimit?: number;
  tileBudget?: number;
}

interface LargeFeatures {
  ids: Float64Array;
  boxes: Float32Array;
  countAt: number[];
}

/**
 * The overview as bytes: magic, format, a JSON header (max zoom, classes, large features and draw-from size per zoom), then per zoom the
 * tiles (key, cell count) and their cells as columns (col u16, row u16, class u16, weight f64, count u32), then
 * `tinyUpTo`, then the large features (count u32, ids f64, boxes f32). Little-endian. Weights stay float64 so a
 * stored overview draws exactly what a freshly built one does.
 */
function encodeOverview(maxZoom: number, levels: Map<number, number[]>[], classes: PropertyValue[], tinyUpTo: Int8Array, large: LargeFeatures, drawFrom: number[]): Uint8Array {
  const header = new TextEncoder().encode(JSON.stringify({ maxZoom, classes, largeAt: large.countAt, drawFrom }));
  let size = 12 + header.length + 4 + tinyUpTo.length + 4 + large.ids.length * (8 + 16);
  for (const level of levels) {
    size += 4;
    for (const packed of level.values()) size += 12 + (packed.length / 5) * CELL_BYTES;
  }
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  let at = 0;
  const u32 = (v: number): void => void (view.setUint32(at, v, true), (at += 4));
  u32(MAGIC);
  u32(OVERVIEW_FORMAT);
  u32(header.length);
  bytes.set(header, at);
  at += header.length;
  for (const level of levels) {
    u32(level.size);
    for (const [key, packed] of level) {
      view.setFloat64(at, key, true);
      at += 8;
      const n = packed.length / 5;
      u32(n);
      for (const [column, width] of CELL_COLUMNS) {
        for (let i = column; i < packed.length; i += 5) {
          if (width === 2) view.setUint16(at, packed[i], true);
          else if (width === 8) view.setFloat64(at, packed[i], true);
          else view.setUint32(at, packed[i], true);
          at += width;
        }
      }
    }
  }
  u32(tinyUpTo.length);
  bytes.set(new Uint8Array(tinyUpTo.buffer, tinyUpTo.byteOffset, tinyUpTo.length), at);
  at += tinyUpTo.length;
  u32(large.ids.length);
  for (const id of large.ids) view.setFloat64((at += 8) - 8, id, true);
  for (const v of large.boxes) view.setFloat32((at += 4) - 4, v, true);
  return bytes;
}

/**
 * Reads what {@link encodeOverview} wrote: the header, the large features, and for each zoom where each tile's cells
 * start — the cells themselves stay in the bytes (a county overview is ~10 MB, and a tile reads a few thousand
 * cells). Null for bytes of another format or cut short.
 */
function decodeOverview(bytes: Uint8Array): { maxZoom: number; levels: Map<number, { at: number; n: number }>[]; classes: PropertyValue[]; tinyUpTo: Int8Array; large: LargeFeatures; drawFrom: number[] } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const u32 = (): number => {
    const v = view.getUint32(at, true);
    at += 4;
    return v;
  };
  try {
    if (u32() !== MAGIC || u32() !== OVERVIEW_FORMAT) return null;
    const headerLength = u32();
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(at, at + headerLength))) as { maxZoom: number; classes: PropertyValue[]; largeAt: number[]; drawFrom: number[] };
    at += headerLength;
    const levels: Map<number, { at: number; n: number }>[] = [];
    for (let z = 0; z <= header.maxZoom; z++) {
      const level = new Map<number, { at: number; n: number }>();
      for (let tiles = u32(); tiles > 0; tiles--) {
        const key = view.getFloat64(at, true);
        at += 8;
        const n = u32();
        level.set(key, { at, n });
        at += n * CELL_BYTES;
      }
      levels.push(level);
    }
    const tinyLength = u32();
    const tinyUpTo = Int8Array.from(bytes.subarray(at, (at += tinyLength)));
    const listed = u32();
    if (at + listed * (8 + 16) !== bytes.byteLength || header.largeAt.length !== header.maxZoom + 1 || header.drawFrom?.length !== header.maxZoom + 1) return null;
    const large: LargeFeatures = { ids: new Float64Array(listed), boxes: new Float32Array(4 * listed), countAt: header.largeAt };
    for (let k = 0; k < listed; k++) large.ids[k] = view.getFloat64((at += 8) - 8, true);
    for (let k = 0; k < 4 * listed; k++) large.boxes[k] = view.getFloat32((at += 4) - 4, true);
    if (large.countAt.some((n) => n !== TOO_MANY && n > listed)) return null;
    return { maxZoom: header.maxZoom, levels, classes: header.classes, tinyUpTo, large, drawFrom: header.drawFrom };
  } catch {
    return null; // a read past the end (RangeError) or a damaged header: the caller rebuilds
  }
}

/**
 * The size (Web Mercator metres) from which features are drawn at zoom z: `floor`, raised where some tile would draw
 * more than `budget` features at least that large (a feature is taken to be in the tile of its box centre) to just
 * above the size at which the first tile overflows.
 * @param bySize feature indices, smallest first.
 */
function withinBudget(bySize: number[], size: number[], x0: number[], x1: number[], y0: number[], y1: number[], z: number, floor: number, budget: number): number {
  const tileM = (2 * MERCATOR_HALF_WIDTH_M) / 2 ** z;
  const perTile = new Map<number, number>();
  for (let k = bySize.length - 1; k >= 0 && size[bySize[k]] >= floor; k--) {
    const i = bySize[k];
    const key = Math.floor(((x0[i] + x1[i]) / 2 + MERCATOR_HALF_WIDTH_M) / tileM) * 2 ** z + Math.floor((MERCATOR_HALF_WIDTH_M - (y0[i] + y1[i]) / 2) / tileM);
    const n = (perTile.get(key) ?? 0) + 1;
    if (n > budget) return size[i] * (1 + 1e-12);
    perTile.set(key, n);
  }
  return floor;
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
