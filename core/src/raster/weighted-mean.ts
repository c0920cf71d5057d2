/**
 * The area-weighted zonal mean of one raster over a piece (docs/methods/regulating-services.md §2 convention 4),
 * from its {@link PieceSamples}. NaN samples (nodata, or outside the raster) are left out and the mean is taken
 * over the rest; `coveredWeight` says how much of the piece that rest stands for, so callers can tell a piece the
 * raster does not cover (0) or covers only in part from one it covers fully (1).
 */
import { BugError } from '../errors';
import type { PieceSamples } from './samples';

export interface WeightedMean {
  /** Σ wᵢvᵢ / Σ wᵢ over samples with a value; NaN when no sample has one. */
  mean: number;
  /** Σ wᵢ over samples with a value: 1 = fully covered, 0 = not covered at all. */
  coveredWeight: number;
}

/**
 * @param samples the piece's samples.
 * @param id the raster input id.
 * @throws BugError when `id` was not sampled.
 * @example
 *   const { mean, coveredWeight } = weightedMean(samples, 'rain');
 *   if (coveredWeight === 0) issues.push({ code: 'RASTER_NO_OVERLAP', … });
 */
export function weightedMean(samples: PieceSamples, id: string): WeightedMean {
  const values = samples.values[id];
  if (!values) throw new BugError(`raster "${id}" was not sampled`);
  let sum = 0;
  let weight = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    sum += samples.weights[i] * v;
    weight += samples.weights[i];
  }
  return { mean: weight > 0 ? sum / weight : Number.NaN, coveredWeight: weight };
}
