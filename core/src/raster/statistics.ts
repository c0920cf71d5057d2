/**
 * Band statistics as `gdalinfo -stats` computes them (exact, not approximate): minimum, maximum, mean and
 * population standard deviation over every pixel that is not nodata (see no-data.ts; NaN never counts).
 *
 * The raster is read block by block (bounded memory). Within a window the sum of squared deviations is taken
 * about the window's own mean, and windows are merged with Chan, Golub & LeVeque's pairwise update — as stable
 * as GDAL's running (Welford) update, so the two agree to ~1e-12 relative, without a division per pixel.
 */
import { CancelledError } from '../errors';
import type { TaskContext } from '../types';
import { blockWindows } from './block-windows';
import { noDataTest } from './no-data';
import type { RasterSource } from './raster';

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
    let n = 0;
    let sum = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (isNoData(v)) continue;
      n++;
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (n > 0) {
      const windowMean = sum / n;
      let windowM2 = 0;
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (isNoData(v)) continue;
        windowM2 += (v - windowMean) * (v - windowMean);
      }
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
