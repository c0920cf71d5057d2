/**
 * Raster values gathered over one clipped parcel piece, the meeting point of zonal statistics
 * (core/src/raster/piece-sampler.ts) and the model-mode services (core/src/services).
 *
 * Sample i is one cell of the reference grid (usually the DEM) and stands for the part of the piece in that cell.
 * Its weight is that part's share of the piece: under the 'area' rule (the default, regulating-services.md §2
 * convention 4) the exact area of cell ∩ piece, normalised; under the 'centre' rule 1 for every cell whose centre
 * falls inside the piece (as gdal_rasterize decides it), normalised — and a piece too small to hold any cell centre
 * gets the single cell under an interior point of it, weight 1. Weights sum to 1 whenever the piece has area; the
 * grid's cells continue past the raster's edge, so weights describe the whole piece even where no raster covers it.
 *
 * Every raster is read at the sample cells' centres (nearest cell, reprojected into the raster's CRS when it
 * differs). A value is NaN where that raster has nodata or does not reach: use `weightedMean(samples, id)`, which
 * skips NaN samples and returns the covered weight, to tell "not covered" (0) from a real value.
 */
export interface PieceSamples {
  /** Normalised weights, one per sample; empty when no cell of the grid touches the piece. */
  weights: Float64Array;
  /** Raster input id → the value at each sample, NaN where that raster has nodata or no coverage. */
  values: Record<string, Float64Array>;
}
