/**
 * Zonal sampling for model-mode services (docs/methods/regulating-services.md §2 convention 4): the raster values
 * over one clipped parcel piece, as {@link PieceSamples}.
 *
 * The reference grid (usually the DEM, or the first raster) decides the samples: the piece is moved into the
 * grid's pixel space (reprojected first when the parcels' CRS differs) and either
 *   - 'area' (default, convention 4): every cell the piece overlaps, weighted by the exact overlap area; or
 *   - 'centre': every cell whose centre lies inside the piece, equally weighted — `gdal_rasterize`'s rule, cell
 *     for cell. A piece smaller than a cell may contain no centre at all; it then gets the one cell holding an
 *     interior point of the piece (weight 1), so a sliver still carries the value under it rather than none.
 * Every raster is then read at the reference cells' centres, nearest cell, each centre reprojected into the
 * raster's CRS when that differs. Pixels that are nodata, and centres outside a raster, give NaN: the grid's lattice
 * extends past its edges, so a piece partly outside the rasters keeps its full weights and
 * {@link weightedMean} reports how much of it is covered.
 */
import { createTransform } from '../crs/transform';
import type { CrsInfo } from '../crs/crs-info';
import { InputError } from '../errors';
import type { PolygonalGeometry, Position } from '../types';
import { cellAreas } from './cell-areas';
import { centreCells } from './centre-cells';
import { invertGeoTransform, pixelToWorld, worldToPixel, type GeoTransform } from './geo-transform';
import { interiorPoint } from './interior-point';
import { noDataTest } from './no-data';
import { toPixelPolygon } from './pixel-polygon';
import type { RasterSource } from './raster';
import type { PieceSamples } from './samples';

export type SamplingRule = 'centre' | 'area';

/** A raster to sample: a source (band 1) or a source and a 1-based band. */
export type SampledRaster = RasterSource | { source: RasterSource; band: number };

export interface PieceSamplerOptions {
  /** 'area' (default): overlap-area weights; 'centre': cells whose centre is inside, as gdal_rasterize. */
  rule?: SamplingRule;
  /** The CRS of the pieces' coordinates; null or absent means "the grid's CRS". */
  pieceCrs?: CrsInfo | null;
  /** Most cells one piece may cover (default 4 Mi): a finer raster should be resampled first. */
  maxCells?: number;
}

/** Values are read in windows of at most this many cells. */
const WINDOW_CELLS = 1 << 20;

/**
 * Prepares sampling against one reference grid, for many pieces (the CRS transformations are set up once).
 * @param grid the reference raster; its cells are the samples.
 * @param rasters input id → raster (band 1) or { source, band }.
 * @returns a function from a piece (Polygon or MultiPolygon, in `options.pieceCrs`) to its samples.
 * @throws InputError RASTER_NOT_GEOREFERENCED when the grid or a raster has no geotransform.
 * @example
 *   const sample = createPieceSampler(dem, { dem, rain: { source: rainfall, band: 1 } }, { rule: 'area', pieceCrs: parcels.crs });
 *   const { weights, values } = sample(piece.geometry);
 */
export function createPieceSampler(grid: RasterSource, rasters: Record<string, SampledRaster>, options: PieceSamplerOptions = {}): (piece: PolygonalGeometry) => PieceSamples {
  const rule = options.rule ?? 'area';
  const maxCells = options.maxCells ?? 4 * 1024 * 1024;
  const gridGt = geoTransformOf(grid);
  const gridInverse = invertOf(grid, gridGt);
  const toGrid = transformBetween(options.pieceCrs ?? null, grid.info.crs);
  const readers = Object.entries(rasters).map(([id, r]) => {
    const source = 'readWindow' in r ? r : r.source;
    const band = 'readWindow' in r ? 1 : r.band;
    const gt = geoTransformOf(source);
    return { id, source, band, inverse: invertOf(source, gt), toRaster: source === grid ? null : transformBetween(grid.info.crs, source.info.crs), isNoData: noDataTest(source.info.noData, source.info.dataType) };
  });

  return (piece) => {
    const polygon = toPixelPolygon(piece, gridGt, gridInverse, rule === 'centre' ? 'gdal' : 'precise', toGrid ?? undefined);
    let cols: Int32Array;
    let rows: Int32Array;
    let weights: Float64Array;
    if (rule === 'area') {
      const cells = cellAreas(polygon, maxCells);
      if (!cells) throw tooMany(grid, maxCells);
      ({ cols, rows } = cells);
      weights = normalised(cells.areas);
    } else {
      const cells = centreCells(polygon, maxCells);
      if (!cells) throw tooMany(grid, maxCells);
      ({ cols, rows } = cells);
      if (cols.length === 0 && polygon.rings.length > 0) {
        // No cell centre inside a piece smaller than a cell: the cell under an interior point stands for it.
        const [x, y] = interiorPoint(polygon);
        cols = Int32Array.of(Math.floor(x));
        rows = Int32Array.of(Math.floor(y));
      }
      weights = new Float64Array(cols.length).fill(cols.length > 0 ? 1 / cols.length : 0);
    }
    const centres = new Float64Array(cols.length * 2);
    for (let i = 0; i < cols.length; i++) {
      const [x, y] = pixelToWorld(gridGt, cols[i] + 0.5, rows[i] + 0.5);
      centres[2 * i] = x;
      centres[2 * i + 1] = y;
    }
    const values: Record<string, Float64Array> = {};
    for (const r of readers) {
      values[r.id] = r.source === grid ? readCells(r.source, r.band, cols, rows, r.isNoData) : readAtCentres(r, centres);
    }
    return { weights, values };
  };
}

/**
 * The samples of one piece (sets the sampler up for a single use; for many pieces use {@link createPieceSampler}).
 * @example samplePiece(piece, dem, { dem }, { rule: 'centre' })
 */
export function samplePiece(piece: PolygonalGeometry, grid: RasterSource, rasters: Record<string, SampledRaster>, options: PieceSamplerOptions = {}): PieceSamples {
  return createPieceSampler(grid, rasters, options)(piece);
}

function readAtCentres(r: { source: RasterSource; band: number; inverse: GeoTransform; toRaster: ((p: Position) => Position) | null; isNoData: (v: number) => boolean }, centres: Float64Array): Float64Array {
  const n = centres.length / 2;
  const cols = new Int32Array(n);
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = r.toRaster ? r.toRaster([centres[2 * i], centres[2 * i + 1]]) : [centres[2 * i], centres[2 * i + 1]];
    const [px, py] = worldToPixel(r.inverse, p[0], p[1]);
    // Nearest cell: the one containing the point. Non-finite (unprojectable) points fall outside.
    cols[i] = Number.isFinite(px) ? Math.floor(px) : -1;
    rows[i] = Number.isFinite(py) ? Math.floor(py) : -1;
  }
  return readCells(r.source, r.band, cols, rows, r.isNoData);
}

/** Values at (col, row) cells: NaN outside the raster and for nodata; read in bounded windows. */
function readCells(source: RasterSource, band: number, cols: Int32Array, rows: Int32Array, isNoData: (v: number) => boolean): Float64Array {
  const { width, height } = source.info;
  const out = new Float64Array(cols.length).fill(Number.NaN);
  let minC = Infinity;
  let maxC = -Infinity;
  let minR = Infinity;
  let maxR = -Infinity;
  for (let i = 0; i < cols.length; i++) {
    if (cols[i] < 0 || rows[i] < 0 || cols[i] >= width || rows[i] >= height) continue;
    minC = Math.min(minC, cols[i]);
    maxC = Math.max(maxC, cols[i]);
    minR = Math.min(minR, rows[i]);
    maxR = Math.max(maxR, rows[i]);
  }
  if (minC > maxC) return out;
  const winWidth = maxC - minC + 1;
  const bandRows = Math.max(1, Math.floor(WINDOW_CELLS / winWidth));
  for (let r0 = minR; r0 <= maxR; r0 += bandRows) {
    const r1 = Math.min(maxR + 1, r0 + bandRows);
    const window = source.readWindow(band, { x: minC, y: r0, width: winWidth, height: r1 - r0 });
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i];
      const r = rows[i];
      if (r < r0 || r >= r1 || c < minC || c > maxC) continue;
      const v = window[(r - r0) * winWidth + (c - minC)];
      out[i] = isNoData(v) ? Number.NaN : v;
    }
  }
  return out;
}

function normalised(areas: Float64Array): Float64Array {
  let total = 0;
  for (const a of areas) total += a;
  return total > 0 ? areas.map((a) => a / total) : new Float64Array(0);
}

function geoTransformOf(source: RasterSource): GeoTransform {
  if (!source.info.geoTransform) throw new InputError('RASTER_NOT_GEOREFERENCED', { file: source.name });
  return source.info.geoTransform;
}

function invertOf(source: RasterSource, gt: GeoTransform): GeoTransform {
  const inverse = invertGeoTransform(gt);
  if (!inverse) throw new InputError('RASTER_NOT_GEOREFERENCED', { file: source.name });
  return inverse;
}

/** Forward transformation between two CRSs, or null when none is needed (same CRS, or one of them unknown). */
function transformBetween(from: CrsInfo | null, to: CrsInfo | null): ((p: Position) => Position) | null {
  if (!from || !to || sameCrs(from, to)) return null;
  return createTransform(from, to).forward;
}

function sameCrs(a: CrsInfo, b: CrsInfo): boolean {
  if (a.epsg !== null && a.epsg === b.epsg) return true;
  return a.proj4.trim().split(/\s+/).sort().join(' ') === b.proj4.trim().split(/\s+/).sort().join(' ');
}

function tooMany(grid: RasterSource, maxCells: number): InputError {
  return new InputError('LIMIT_EXCEEDED', { what: `cells of ${grid.name} under one parcel piece`, limit: maxCells, value: `> ${maxCells}` });
}
