/**
 * Raster values gathered over one clipped parcel piece, the meeting point of zonal statistics
 * (core/src/raster) and the model-mode services (core/src/services).
 *
 * Sample i stands for the part of the piece nearest to one cell centre of the reference grid; its weight is that
 * part's share of the piece (pixel-centre rule: 1 for every cell whose centre falls inside, normalised; the
 * area-weighted option: the cell ∩ piece area, normalised). Weights sum to 1 when the piece has any sample.
 */
export interface PieceSamples {
  /** Normalised weights, one per sample; empty when no cell of the grid touches the piece. */
  weights: Float64Array;
  /** Raster input id → the value at each sample, NaN where that raster has nodata or no coverage. */
  values: Record<string, Float64Array>;
}
