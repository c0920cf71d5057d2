/**
 * Band statistics as `gdalinfo -stats` computes them (exact, not approximate): minimum, maximum, mean and
 * population standard deviation over every pixel that is not nodata (see no-data.ts; NaN never counts).
 *
 * The raster is read block by block (bounded memory). Within a window, sums are taken about a shift (one pass),
 * and windows are merged with Chan, Golub & LeVeque's pairwise update — as stable as GDAL's running (Welford)
 * update, so the two agree to ~1e-12 relative, without a division per pixel.
 */
import { CancelledError } from '../errors';
import type { TaskContext } from '../types';
import { blockWindows } from './block-windows';
import { noDataTest } from './no-data';
import { isFloatType, type RasterArray, type RasterSource } from './raster';

export interface BandStatistics {
  min: number;
  max: number;
  mean: number;
  /** Population standard deviation (divides by the count), as GDAL's STATISTICS_STDDEV. */
  stdDev: number;
  /** Pixels that are not nodata. */
  validCount: number;
  /** 100 × validCount / (width × height), as GDAL's STATISTICS_VALID_PERCENT. */
  validPercent: number;
}

/**
 * Statistics of one band.
 * @param band 1-based band number.
 * @param context progress ("statistics", pixels) and cancellation, checked between blocks.
 * @returns the statistics, or null when every pixel is nodata (gdalinfo reports no statistics then).
 * @throws InputError from the reader (damaged blocks); CancelledError.
 * @example
 *   const s = computeStatistics(dem, 1); // { min, max, mean, stdDev, validCount, validPercent }
 */
export function computeStatistics(source: RasterSource, band: number, context: TaskContext = {}): BandStatistics | null {
  const { width, height, noData, dataType } = source.info;
  const isNoData = noDataTest(noData, dataType);
  // Most rasters need no per-pixel call: integers without nodata check nothing, floats without nodata only NaN.
  const mode = noData !== null && !Number.isNaN(noData) ? 'test' : isFloatType(dataType) ? 'nan' : 'none';
  const total = width * height;
  let count = 0;
  let mean = 0;
  let m2 = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let done = 0;
  for (const window of blockWindows(source)) {
    if (context.signal?.aborted) throw new CancelledError();
    const values = source.readWindow(band, window);
    const { n, k, s1, s2, lo, hi } = mode === 'none' ? sumsAll(values) : sumsValid(values, mode === 'nan' ? isNaNValue : isNoData);
    if (lo < min) min = lo;
    if (hi > max) max = hi;
    if (n > 0) {
      const windowMean = k + s1 / n;
      const windowM2 = Math.max(0, s2 - (s1 * s1) / n);
      const merged = count + n;
      const delta = windowMean - mean;
      mean += (delta * n) / merged;
      m2 += windowM2 + (delta * delta * count * n) / merged;
      count = merged;
    }
    done += values.length;
    context.onProgress?.({ phase: 'statistics', done, total });
  }
  if (count === 0) return null;
  return { min, max, mean, stdDev: Math.sqrt(m2 / count), validCount: count, validPercent: (100 * count) / total };
}

interface WindowSums {
  n: number;
  /** The shift: the window's first valid value. */
  k: number;
  /** Σ(v − k) and Σ(v − k)² over valid values; with k among the values no cancellation arises. */
  s1: number;
  s2: number;
  lo: number;
  hi: number;
}

const isNaNValue = (v: number): boolean => v !== v;

/** Sums over every value (integer band without nodata): the loop V8 keeps tight. */
function sumsAll(values: RasterArray): WindowSums {
  const k = values.length > 0 ? values[0] : 0;
  let s1 = 0;
  let s2 = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const d = v - k;
    s1 += d;
    s2 += d * d;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return { n: values.length, k, s1, s2, lo, hi };
}

function sumsValid(values: RasterArray, skip: (v: number) => boolean): WindowSums {
  let n = 0;
  let k = 0;
  let s1 = 0;
  let s2 = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (skip(v)) continue;
    if (n === 0) k = v;
    n++;
    const d = v - k;
    s1 += d;
    s2 += d * d;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return { n, k, s1, s2, lo, hi };
}
