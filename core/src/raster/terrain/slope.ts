/**
 * Slope by Horn's (1981) method, computed as `gdaldem slope -compute_edges` computes it (GDAL 3.6,
 * apps/gdaldem_lib.cpp), so our slope rasters and GDAL's agree cell for cell:
 *
 *     a b c      dz/dx = ((a + 2d + g) − (c + 2f + i)) / (8 · dx)
 *     d e f      dz/dy = ((g + 2h + i) − (a + 2b + c)) / (8 · dy)
 *     g h i      slope = atan(√((dz/dx)² + (dz/dy)²))   (degrees), or 100 · √(…)   (percent)
 *
 *  - Window sums are taken in single precision for floating-point DEMs (GDAL reads them as Float32) and exactly
 *    for Byte/UInt16/Int16 DEMs (GDAL's integer path); the result is rounded to Float32 as GDAL writes it.
 *  - Edges: outside the first and last row a neighbour is extrapolated linearly (2·edge − inner). Along the first
 *    and last rows the missing left/right neighbour of the corner cells is the cell itself (GDAL's quirk: a plane
 *    gets half its slope along x in the four corner cells); in the other rows the left/right edge neighbours are
 *    extrapolated. A nodata neighbour is replaced by the centre value; a nodata centre gives nodata (−9999).
 */
import type { Raster } from '../raster';
import { demGrid } from './dem-grid';

const RAD_TO_DEG = 180 / Math.PI;

/** gdaldem's output nodata. */
export const SLOPE_NODATA = -9999;

export interface SlopeOptions {
  /** 'degrees' (default) or 'percent' (rise over run × 100). */
  units?: 'degrees' | 'percent';
  /** The DEM's name in messages. */
  name?: string;
}

/**
 * Slope of a DEM in a projected CRS.
 * @param dem band 1 is elevation in metres (the CRS unit).
 * @returns a Float32 raster on the DEM's grid, nodata −9999 where the DEM is nodata.
 * @throws InputError TERRAIN_NOT_PROJECTED, RASTER_ROTATED_UNSUPPORTED, TERRAIN_TOO_LARGE.
 * @example slope(dem, { units: 'percent' }).data[0][i] // e.g. 12.5 for a 1 : 8 slope
 */
export function slope(dem: Raster, options: SlopeOptions = {}): Raster {
  const grid = demGrid(dem, options.name ?? 'DEM', false);
  const { width: w, height: h, elevation, isNoData } = grid;
  const integer = dem.dataType === 'Byte' || dem.dataType === 'UInt16' || dem.dataType === 'Int16';
  // GDAL's two arithmetics: float sums for float DEMs, exact integer sums for small-integer DEMs.
  const f = integer ? (v: number) => v : Math.fround;
  const z = (c: number, r: number): number => f(elevation[r * w + c]);
  const noData = integer ? integerNoData(dem) : null;
  const interpolate = (a: number, b: number): number => {
    if (isNoData(a) || isNoData(b)) return Number.NaN; // replaced by the centre below
    const v = f(f(2 * a) - b);
    return integer && noData !== null && v === noData ? v + 1 : v;
  };
  const ewres = dem.geoTransform![1];
  const nsres = dem.geoTransform![5];
  const degrees = (options.units ?? 'degrees') === 'degrees';
  const out = new Float32Array(w * h);
  const win = new Float64Array(9);
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      const centre = z(c, r);
      if (isNoData(centre) || w < 2 || h < 2) {
        out[r * w + c] = SLOPE_NODATA;
        continue;
      }
      fillWindow(win, c, r, w, h, z, interpolate);
      for (let k = 0; k < 9; k++) if (Number.isNaN(win[k]) || isNoData(win[k])) win[k] = centre;
      const x = f(f(f(f(win[0] + win[3]) + win[3]) + win[6]) - f(f(f(win[2] + win[5]) + win[5]) + win[8])) / ewres;
      const y = f(f(f(f(win[6] + win[7]) + win[7]) + win[8]) - f(f(f(win[0] + win[1]) + win[1]) + win[2])) / nsres;
      const key = x * x + y * y;
      out[r * w + c] = degrees ? Math.atan(Math.sqrt(key) / 8) * RAD_TO_DEG : 100 * (Math.sqrt(key) / 8);
    }
  }
  return { width: w, height: h, dataType: 'Float32', noData: SLOPE_NODATA, geoTransform: dem.geoTransform, crs: dem.crs, data: [out] };
}

/**
 * The 3 × 3 window around (c, r) with gdaldem's edge rules (see the file comment):
 *
 *     0 1 2
 *     3 4 5
 *     6 7 8
 */
function fillWindow(win: Float64Array, c: number, r: number, w: number, h: number, z: (c: number, r: number) => number, interpolate: (a: number, b: number) => number): void {
  if (r === 0 || r === h - 1) {
    const cl = c === 0 ? c : c - 1;
    const cr = c === w - 1 ? c : c + 1;
    const inner = r === 0 ? 1 : h - 2;
    const outer = [interpolate(z(cl, r), z(cl, inner)), interpolate(z(c, r), z(c, inner)), interpolate(z(cr, r), z(cr, inner))];
    const edge = [z(cl, r), z(c, r), z(cr, r)];
    const next = [z(cl, inner), z(c, inner), z(cr, inner)];
    const [top, bottom] = r === 0 ? [outer, next] : [next, outer];
    win.set([...top, ...edge, ...bottom]);
    return;
  }
  for (let dr = -1; dr <= 1; dr++) {
    const row = r + dr;
    const left = c === 0 ? interpolate(z(0, row), z(1, row)) : z(c - 1, row);
    const right = c === w - 1 ? interpolate(z(w - 1, row), z(w - 2, row)) : z(c + 1, row);
    win[(dr + 1) * 3] = left;
    win[(dr + 1) * 3 + 1] = z(c, row);
    win[(dr + 1) * 3 + 2] = right;
  }
}

/** GDAL's integer path uses a nodata value only when it is (nearly) an integer in the type's range. */
function integerNoData(dem: Raster): number | null {
  const nd = dem.noData;
  if (nd === null || Number.isNaN(nd)) return null;
  const [lo, hi] = dem.dataType === 'Int16' ? [-32768, 32767] : dem.dataType === 'UInt16' ? [0, 65535] : [0, 255];
  return Math.abs(nd - Math.floor(nd + 0.5)) < 1e-2 && nd >= lo && nd <= hi ? Math.floor(nd + 0.5) : null;
}
