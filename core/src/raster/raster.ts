/**
 * The raster model of core (docs/ARCHITECTURE.md § Lingua franca): a {@link RasterInfo} plus windows of a typed
 * array, read through a {@link RasterSource}. A GeoTIFF reader and an in-memory {@link Raster} both implement it,
 * so statistics, zonal sampling and terrain never care where the pixels come from.
 */
import type { CrsInfo } from '../crs/crs-info';
import type { Extent } from '../types';
import type { GeoTransform } from './geo-transform';

/** Pixel data types, named as GDAL names them. */
export type RasterDataType = 'Byte' | 'Int8' | 'UInt16' | 'Int16' | 'UInt32' | 'Int32' | 'Float32' | 'Float64';

export type RasterArray = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

/** A non-fatal finding while opening a raster; `code` is a key of the message catalogue. */
export interface RasterWarning {
  code: string;
  details: Record<string, unknown>;
}

/** What is known about a raster before reading any pixel. */
export interface RasterInfo {
  width: number;
  height: number;
  bands: number;
  dataType: RasterDataType;
  /** The nodata value as GDAL reports it (may be NaN), or null when there is none. Applies to every band. */
  noData: number | null;
  /** Null when the file carries no georeferencing (or only ground control points). */
  geoTransform: GeoTransform | null;
  crs: CrsInfo | null;
  /** [minX, minY, maxX, maxY] of the four corners in the raster's CRS, or null without a geotransform. */
  extent: Extent | null;
  warnings: RasterWarning[];
}

/** A window in pixel coordinates: columns x … x + width − 1, rows y … y + height − 1. */
export interface RasterWindow {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Read access to a raster's pixels, one band and one window at a time. */
export interface RasterSource {
  /** The name messages use for this raster (its file name). */
  readonly name: string;
  readonly info: RasterInfo;
  /** The natural read unit (a tile or strip), so whole-raster passes can go block by block. */
  readonly blockSize: { width: number; height: number };
  /**
   * The pixels of one band in a window, row-major, in the band's data type.
   * @param band 1-based band number, as GDAL counts bands.
   * @throws InputError RASTER_BAND_OUT_OF_RANGE, RASTER_WINDOW_TOO_LARGE, TIFF_* for damaged data;
   *   BugError for a window outside the raster.
   */
  readWindow(band: number, window: RasterWindow): RasterArray;
}

/** A raster held whole in memory: terrain outputs, intermediates to write, small test grids. */
export interface Raster {
  width: number;
  height: number;
  dataType: RasterDataType;
  noData: number | null;
  geoTransform: GeoTransform | null;
  crs: CrsInfo | null;
  /** One row-major array of width × height pixels per band. */
  data: RasterArray[];
}

export const DATA_TYPE_BYTES: Record<RasterDataType, number> = {
  Byte: 1, Int8: 1, UInt16: 2, Int16: 2, UInt32: 4, Int32: 4, Float32: 4, Float64: 8,
};

const CONSTRUCTORS = {
  Byte: Uint8Array, Int8: Int8Array, UInt16: Uint16Array, Int16: Int16Array,
  UInt32: Uint32Array, Int32: Int32Array, Float32: Float32Array, Float64: Float64Array,
} as const;

/** A zero-filled array of `length` pixels of `dataType`. */
export function createRasterArray(dataType: RasterDataType, length: number): RasterArray {
  return new CONSTRUCTORS[dataType](length);
}

/** A typed array of `dataType` viewing a whole buffer (its length must be a multiple of the pixel size). */
export function rasterArrayOver(dataType: RasterDataType, buffer: ArrayBuffer): RasterArray {
  return new CONSTRUCTORS[dataType](buffer);
}

/** The data type whose typed array `array` is. */
export function dataTypeOf(array: RasterArray): RasterDataType {
  for (const [type, ctor] of Object.entries(CONSTRUCTORS)) if (array instanceof ctor) return type as RasterDataType;
  throw new TypeError('not a raster array');
}

export function isFloatType(dataType: RasterDataType): boolean {
  return dataType === 'Float32' || dataType === 'Float64';
}

/**
 * The nodata value as pixels of `dataType` hold it, or null when no pixel can equal it: GDAL compares a Float32
 * band with the nodata value rounded to float, and an integer band only with an integer nodata in its range.
 */
export function noDataAsStored(noData: number | null, dataType: RasterDataType): number | null {
  if (noData === null) return null;
  if (dataType === 'Float64') return noData;
  if (dataType === 'Float32') return Math.fround(noData);
  const probe = createRasterArray(dataType, 1);
  probe[0] = noData;
  return Number.isInteger(noData) && probe[0] === noData ? noData : null;
}
