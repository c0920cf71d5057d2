/**
 * The RUSLE LS factor of a DEM, per cell (docs/methods/ls-factor.md):
 *
 *   slope θ, gradient s     Horn's method, as `gdaldem slope -compute_edges` (slope.ts)
 *   flow                    D8 directions and accumulation (flow-direction.ts, flow-accumulation.ts)
 *   A = (accumulation − 1) · D²       upslope area at the cell's inlet, m²
 *   x = 1 (row/column flow or outlet), √2 (diagonal flow)
 *   m from s, S from θ      docs/methods/regulating-services.md §3.2 (rusle-factors.ts)
 *   L = Desmet & Govers (1996) unit contributing area, optionally capped at `maxL`
 *   LS = L · S
 */
import type { Raster } from '../raster';
import { demGrid } from './dem-grid';
import { ACCUMULATION_NODATA, flowAccumulationD8 } from './flow-accumulation';
import { D8_NODATA, D8_NONE, flowDirectionD8 } from './flow-direction';
import { slopeLengthExponentM, slopeLengthL, slopeSteepnessS } from './rusle-factors';
import { slope, SLOPE_NODATA } from './slope';

export const LS_NODATA = -9999;

export interface LsFactorOptions {
  /** The DEM's name in messages. */
  name?: string;
  /** Cap on L (none by default); long flow paths in valley bottoms otherwise give very large L. */
  maxL?: number;
}

export interface LsFactorResult {
  /** LS, dimensionless, Float32, nodata −9999. */
  ls: Raster;
  /** The intermediate rasters, for `--intermediates`. */
  slopeDegrees: Raster;
  slopePercent: Raster;
  flowDirection: Raster;
  flowAccumulation: Raster;
}

/**
 * LS factor of a DEM with square cells in a projected CRS (metres).
 * @throws InputError TERRAIN_NOT_PROJECTED, TERRAIN_CELLS_NOT_SQUARE, RASTER_ROTATED_UNSUPPORTED, TERRAIN_TOO_LARGE.
 * @example const { ls } = lsFactor(demWindow); // then sample `ls` per parcel piece
 */
export function lsFactor(dem: Raster, options: LsFactorOptions = {}): LsFactorResult {
  const name = options.name ?? 'DEM';
  const { width: w, height: h, dx: cell } = demGrid(dem, name, true);
  const slopeDegrees = slope(dem, { units: 'degrees', name });
  const slopePercent = slope(dem, { units: 'percent', name });
  const flowDirection = flowDirectionD8(dem, name);
  const flowAccumulation = flowAccumulationD8(flowDirection);
  const deg = slopeDegrees.data[0];
  const pct = slopePercent.data[0];
  const dir = flowDirection.data[0];
  const acc = flowAccumulation.data[0];
  const maxL = options.maxL ?? Number.POSITIVE_INFINITY;
  const out = new Float32Array(w * h);
  for (let i = 0; i < out.length; i++) {
    if (deg[i] === SLOPE_NODATA || dir[i] === D8_NODATA || acc[i] === ACCUMULATION_NODATA) {
      out[i] = LS_NODATA;
      continue;
    }
    const upslope = (acc[i] - 1) * cell * cell;
    // Odd codes are the diagonals; an outlet has no direction and is taken as row/column flow.
    const x = dir[i] !== D8_NONE && dir[i] % 2 === 1 ? Math.SQRT2 : 1;
    const l = Math.min(maxL, slopeLengthL(upslope, cell, slopeLengthExponentM(pct[i]), x));
    out[i] = l * slopeSteepnessS(deg[i]);
  }
  const ls: Raster = { width: w, height: h, dataType: 'Float32', noData: LS_NODATA, geoTransform: dem.geoTransform, crs: dem.crs, data: [out] };
  return { ls, slopeDegrees, slopePercent, flowDirection, flowAccumulation };
}
