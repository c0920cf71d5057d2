/**
 * Vector tiles cut on demand from the project file — one implementation behind both transports (the Electron
 * protocol and the web host's HTTP route are thin wrappers around {@link TileService.getTile}).
 *
 * Per tile: the R-tree is asked twice for the tile's box in the layer CRS.
 *  1. Sub-pixel features (bounding box smaller than a pixel cell, tested on the R-tree's own min/max columns) are
 *     never read: SQL bins them into pixel cells by their box centre, summing box area per land class, and the
 *     cells become squares (core's CellAccumulator). A full-extent tile of a 300 000-parcel county reads no
 *     geometry at all for the small parcels.
 *  2. The larger features are decoded straight into tile units (proj4 on a lattice, bilinear in between:
 *     projection-lattice.ts) and cut by core's cutTileLayer.
 * At the low zooms of an imported layer, step 1 reads the cells from the layer's overview instead (tile-overview.ts:
 * made by the import and kept in the project, or built on the first such tile of a layer that has none), which also
 * decides, per zoom, from what size features are drawn rather than counted (a tile draws at most a few hundred).
 * Tiles are cached in a byte-bounded LRU keyed by layer, its last change and z/x/y, so an edit shows at once.
 */
import { cutTileLayer, encodeMvt, CellAccumulator, checkTile, decodeGpkgGeometry, type Properties, type PropertyValue, type TileSourceFeature, type TileId } from '#core';
import type { LayerCacheKey } from '../store/layer-cache';
import type { ProjectStore } from '../store/project-store';
import { quoteId } from '../store/sql-names';
import { FID_COLUMN, GEOM_COLUMN, rtreeName } from '../store/spatial-table';
import { LruCache } from './lru-cache';
import { OVERVIEW_FORMAT, TILE_BUDGET, TileOverview } from './tile-overview';
import { tileSourceOf, type TileSource } from './tile-source';
import { tileWindow, type TileWindow } from './tile-window';

export interface TileServiceOptions {
  /** Cache size in bytes (default 64 MiB). */
  cacheBytes?: number;
  /** Attributes carried on tile features for styling and identify (default DLBM, DLMC, TBBH, BSM); the id is the feature id. */
  properties?: string[];
  /** The field that colours coalesced cells (default DLBM). */
  classKey?: string;
  /** Tile units per side (default 4096). */
  extent?: number;
  /** Pixel cells per tile side for coalescing (default 256). */
  gridSize?: number;
  /** Use layer overviews at low zooms (default true; off, every tile counts its cells from the R-tree). */
  overviews?: boolean;
  /** Features an overview zoom's tile draws one by one at most (default {@link TILE_BUDGET}; see tile-overview.ts). */
  tileBudget?: number;
  /**
   * Below this zoom, features of imported layers carry only their class and id (default 14): the map labels parcels
   * from z15 and identifies them by id, and at county zooms the other attributes are ~40 % of a tile's bytes.
   */
  attributesFromZoom?: number;
  /**
   * Keeps an overview built for a layer that had none (default: in the project, through this service's store).
   * The tile worker reads the project read-only and hands it to the host, which writes it.
   */
  keepOverview?: (key: LayerCacheKey, bytes: Uint8Array) => void;
}

export const DEFAULT_TILE_PROPERTIES = ['DLBM', 'DLMC', 'TBBH', 'BSM'];
const BUFFER_UNITS = 64;
const IN_WINDOW = 'r.maxx >= @minX AND r.minx <= @maxX AND r.maxy >= @minY AND r.miny <= @maxY';

export class TileService {
  private readonly cache: LruCache<Uint8Array | null>;
  private readonly properties: string[];
  private readonly classKey: string;
  private readonly extent: number;
  private readonly gridSize: number;
  private readonly overviews = new Map<string, { version: string; overview: TileOverview }>();
  private readonly useOverviews: boolean;
  private readonly tileBudget: number;
  private readonly attributesFromZoom: number;
  private readonly keepOverview: (key: LayerCacheKey, bytes: Uint8Array) => void;

  constructor(
    private readonly store: ProjectStore,
    options: TileServiceOptions = {},
  ) {
    this.cache = new LruCache(options.cacheBytes ?? 64 << 20, (v) => (v ? v.byteLength : 0) + 100);
    this.properties = options.properties ?? DEFAULT_TILE_PROPERTIES;
    this.classKey = options.classKey ?? 'DLBM';
    this.extent = options.extent ?? 4096;
    this.gridSize = options.gridSize ?? 256;
    this.useOverviews = options.overviews ?? true;
    this.tileBudget = options.tileBudget ?? TILE_BUDGET;
    this.attributesFromZoom = options.attributesFromZoom ?? 14;
    this.keepOverview = options.keepOverview ?? ((key, bytes) => void store.layerCache.put(key, bytes));
  }

  /**
   * The MVT tile z/x/y of a layer (MVT layer name = the layer id), or null when nothing is there.
   * @throws InputError LAYER_NOT_FOUND, TILE_OUT_OF_RANGE
   */
  getTile(layerId: string, z: number, x: number, y: number): Uint8Array | null {
    const tile: TileId = { z, x, y };
    checkTile(tile);
    const source = tileSourceOf(this.store, layerId, this.properties, this.classKey);
    if (!source) return null;
    const key = `${layerId}@${source.version}/${z}/${x}/${y}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const bytes = this.cut(source, tile);
    this.cache.set(key, bytes);
    return bytes;
  }

  /** Forgets cached tiles of a layer (its content changed in a way last_change does not show, e.g. edited by GDAL). */
  invalidate(layerId: string): void {
    this.cache.deletePrefix(`${layerId}@`);
    this.overviews.delete(layerId);
  }

  /**
   * Reads the stored overviews of the project's layers into memory (never builds one), so the first tiles of a
   * freshly opened project do not wait for them. The host calls it while the UI is still starting.
   */
  warm(): void {
    if (!this.useOverviews) return;
    for (const layer of this.store.layers.list()) {
      const source = tileSourceOf(this.store, layer.id, this.properties, this.classKey);
      if (source?.imported && source.extent) this.readKeptOverview(source);
    }
  }

  /**
   * Makes sure the project holds the current overview of an imported layer (the import worker calls this, so the
   * first open of a county layer reads its overview instead of building it). False when the layer has none.
   */
  prepareOverview(layerId: string): boolean {
    const source = tileSourceOf(this.store, layerId, this.properties, this.classKey);
    if (!source || !source.imported || !source.extent) return false;
    this.overviewOf(source, 0);
    return true;
  }

  /**
   * The overview of an imported layer when it covers zoom z: from memory, else from the project, else built (and
   * kept in the project when it can be written) — each only while the layer is at the version it was made from.
   */
  private overviewOf(source: TileSource, z: number): TileOverview | null {
    if (!this.useOverviews || !source.imported || !source.extent) return null;
    if (z > TileOverview.maxZoomFor(source.crs, source.extent)) return null;
    const known = this.overviews.get(source.table);
    if (known && known.version === source.version) return known.overview;
    const kept = this.readKeptOverview(source);
    if (kept) return kept;
    const overview = TileOverview.build(this.store.db, source, source.extent, this.gridSize, { tileBudget: this.tileBudget });
    this.keepOverview(this.overviewKey(source), overview.encode());
    this.overviews.set(source.table, { version: source.version, overview });
    return overview;
  }

  /** The overview the project keeps for the layer's current version, now also in memory; null when there is none. */
  private readKeptOverview(source: TileSource): TileOverview | null {
    const bytes = this.store.layerCache.get(this.overviewKey(source));
    const overview = bytes && TileOverview.decode(bytes);
    if (overview) this.overviews.set(source.table, { version: source.version, overview });
    return overview;
  }

  private overviewKey(source: TileSource): LayerCacheKey {
    return { table: source.table, kind: 'tile-overview', version: source.version, recipe: `format=${OVERVIEW_FORMAT};grid=${this.gridSize};budget=${this.tileBudget};class=${source.classColumn?.[1] ?? ''}` };
  }

  private cut(source: TileSource, tile: TileId): Uint8Array | null {
    const w = tileWindow(source.crs, tile, this.extent, BUFFER_UNITS);
    const cellUnits = this.extent / this.gridSize;
    const cellLayerUnits = cellUnits / w.scale; // a pixel cell's width in layer units
    const cells = new CellAccumulator(this.gridSize, this.extent);
    const db = this.store.db;
    const r = quoteId(rtreeName(source.table));
    const t = quoteId(source.table);
    const window = { minX: w.bbox[0], minY: w.bbox[1], maxX: w.bbox[2], maxY: w.bbox[3], cell: cellLayerUnits };

    // 1. Sub-pixel features: from the overview at low zooms, else binned in SQL by box centre, weighted by box area in cells.
    const overview = this.overviewOf(source, tile.z);
    const fromOverview = overview?.fill(cells, tile.z, tile.x, tile.y) ?? false;
    if (!fromOverview) this.binTiny(source, w, cells);

    // 2. The rest: decoded, projected and cut. With the overview, its own per-feature verdict decides (it measured in
    //    Web Mercator, this query in the layer CRS scaled at the tile centre, which differs by the change of the
    //    Mercator scale across the tile: ~1 % for a z8 tile, more at continental zooms): fetch from 90 % of a cell
    //    up (half a cell below z5) and skip what the overview counted.
    if (fromOverview) window.cell *= overview!.drawFrom(tile.z)! * (tile.z >= 5 ? 0.9 : 0.5);
    // The project's own tables (red lines, result pieces) keep every column: the map styles them by value at any zoom.
    const carried = tile.z >= this.attributesFromZoom || !source.imported || !source.classColumn ? source.properties : [source.classColumn];
    const props = carried.map(([, column]) => `, t.${quoteId(column)}`).join('');
    const select = `SELECT t.${quoteId(FID_COLUMN)}, t.${quoteId(GEOM_COLUMN)}${props} FROM`;
    // At the zooms of a whole county the overview lists the few features too big for a cell: read just those by id
    // instead of scanning the R-tree entries of every parcel in the window.
    const listed = fromOverview ? overview!.largeIn(tile.z, w.bbox, window.cell) : null;
    let rows: Iterable<unknown[]>;
    if (listed) {
      const byId = db.prepare(`${select} ${t} t WHERE t.${quoteId(FID_COLUMN)} = ?`).raw();
      rows = (function* () {
        for (const id of listed) {
          const row = byId.get(id) as unknown[] | undefined;
          if (row) yield row;
        }
      })();
    } else {
      rows = db.prepare(`${select} ${r} r JOIN ${t} t ON t.${quoteId(FID_COLUMN)} = r.id WHERE ${IN_WINDOW} AND ((r.maxx - r.minx) >= @cell OR (r.maxy - r.miny) >= @cell)`).raw().iterate(window) as IterableIterator<unknown[]>;
    }
    const names = carried.map(([name]) => name);
    function* features(): Generator<TileSourceFeature> {
      for (const row of rows) {
        if (!row[1] || (fromOverview && overview!.counted(row[0] as number, tile.z))) continue;
        const properties: Properties = {};
        names.forEach((name, i) => (properties[name] = row[2 + i] as PropertyValue));
        yield { id: row[0] as number, geometry: decodeGpkgGeometry(row[1] as Uint8Array, w.toTile).geometry, properties };
      }
    }
    const layer = cutTileLayer(source.table, features(), { z: tile.z, x: tile.x, y: tile.y }, {
      extent: this.extent, buffer: BUFFER_UNITS, tolerance: 1, gridSize: this.gridSize, classKey: source.classColumn?.[0] ?? null, cells, coordinates: 'tile',
    });
    return layer.features.length > 0 ? encodeMvt([layer]) : null;
  }

  /** Counts the sub-pixel features of the tile's window into `cells`, straight from the R-tree. */
  private binTiny(source: TileSource, w: TileWindow, cells: CellAccumulator): void {
    const cellUnits = this.extent / this.gridSize;
    const cellLayerUnits = cellUnits / w.scale;
    const r = quoteId(rtreeName(source.table));
    const t = quoteId(source.table);
    const a = w.affine;
    const cx = '((r.minx + r.maxx) * 0.5)', cy = '((r.miny + r.maxy) * 0.5)';
    const tx = `(${a.ax} * ${cx} + ${a.bx} * ${cy} + ${a.cx})`, ty = `(${a.ay} * ${cx} + ${a.by} * ${cy} + ${a.cy})`;
    const cls = source.classColumn ? `t.${quoteId(source.classColumn[1])}` : 'NULL';
    const tiny = this.store.db
      .prepare(
        `SELECT CAST(${tx} / ${cellUnits} AS INTEGER) AS col, CAST(${ty} / ${cellUnits} AS INTEGER) AS row, ${cls} AS cls,
                SUM((r.maxx - r.minx) * (r.maxy - r.miny)) AS area, COUNT(*) AS n
         FROM ${r} r ${source.classColumn ? `JOIN ${t} t ON t.${quoteId(FID_COLUMN)} = r.id` : ''}
         WHERE ${IN_WINDOW} AND (r.maxx - r.minx) < @cell AND (r.maxy - r.miny) < @cell
           AND ${tx} >= 0 AND ${tx} < ${this.extent} AND ${ty} >= 0 AND ${ty} < ${this.extent}
         GROUP BY col, row, cls`,
      )
      .all({ minX: w.bbox[0], minY: w.bbox[1], maxX: w.bbox[2], maxY: w.bbox[3], cell: cellLayerUnits }) as { col: number; row: number; cls: PropertyValue; area: number; n: number }[];
    const cellArea = cellLayerUnits * cellLayerUnits;
    for (const c of tiny) cells.add(c.col, c.row, c.cls, c.area / cellArea, c.n);
  }
}
