/**
 * Cell-by-cell combination of rasters on one grid: each input is sampled at the grid's cell centres (nearest cell,
 * in the input's own CRS), and the cells combined by a formula. This is how the model's intermediate rasters —
 * R·K·LS, P − ET — are made for an appraiser to check; the accounting itself samples each raster over each parcel
 * piece (piece-sampler.ts), so these rasters never feed the numbers.
 */
import type { CrsInfo } from '../crs/crs-info';
import { createTransform } from '../crs/transform';
import { InputError } from '../errors';
import { invertGeoTransform, pixelToWorld, worldToPixel, type GeoTransform } from './geo-transform';
import { noDataTest } from './no-data';
import { DATA_TYPE_BYTES, type Raster, type RasterSource } from './raster';

/** The grid the result is made on: size, georeferencing and CRS of a raster. */
export interface RasterGrid {
  width: number;
  height: number;
  geoTransform: GeoTransform;
  crs: CrsInfo;
}

/** Result cells that have no value (an input's nodata, outside an input, or a non-finite result). */
export const CELL_PRODUCT_NODATA = -9999;

/** Largest window read from one input: the grid itself is bounded by its maker. */
const MAX_INPUT_BYTES = 400 << 20;

/**
 * Samples `inputs` at the cell centres of `grid` and combines them cell by cell.
 * @param combine the formula over one cell's input values, in the order of `inputs`.
 * @returns a Float32 raster on `grid` with nodata {@link CELL_PRODUCT_NODATA}.
 * @throws InputError RASTER_NO_CRS / RASTER_NO_GEOTRANSFORM for an input without georeferencing,
 *   RASTER_WINDOW_TOO_LARGE when the grid covers more of an input than can be read at once.
 */
export function cellProduct(grid: RasterGrid, inputs: readonly RasterSource[], combine: (values: readonly number[]) => number): Raster {
  const n = grid.width * grid.height;
  const columns = inputs.map((input) => sampleAtCentres(grid, input));
  const out = new Float32Array(n);
  const values = new Array<number>(inputs.length);
  for (let i = 0; i < n; i++) {
    let missing = false;
    for (let k = 0; k < columns.length; k++) {
      values[k] = columns[k][i];
      if (Number.isNaN(values[k])) missing = true;
    }
    const v = missing ? NaN : combine(values);
    out[i] = Number.isFinite(v) ? v : CELL_PRODUCT_NODATA;
  }
  return { width: grid.width, height: grid.height, dataType: 'Float32', noData: CELL_PRODUCT_NODATA, geoTransform: grid.geoTransform, crs: grid.crs, data: [out] };
}

/** The input's value at each grid cell centre (NaN where it has none), row-major on the grid. */
function sampleAtCentres(grid: RasterGrid, input: RasterSource): Float64Array {
  const { crs, geoTransform, width, height, noData, dataType } = input.info;
  if (!crs) throw new InputError('RASTER_NO_CRS', { file: input.name });
  if (!geoTransform) throw new InputError('RASTER_NO_GEOTRANSFORM', { file: input.name });
  const inverse = invertGeoTransform(geoTransform);
  if (!inverse) throw new InputError('RASTER_NO_GEOTRANSFORM', { file: input.name });
  const toInput = createTransform(grid.crs, crs).forward;

  // Input pixel (column, row) of every grid cell centre, then one window read covering them all.
  const n = grid.width * grid.height;
  const cols = new Int32Array(n);
  const rows = new Int32Array(n);
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let r = 0, i = 0; r < grid.height; r++) {
    for (let c = 0; c < grid.width; c++, i++) {
      const [wx, wy] = toInput(pixelToWorld(grid.geoTransform, c + 0.5, r + 0.5));
      const [px, py] = worldToPixel(inverse, wx, wy);
      const col = Math.floor(px), row = Math.floor(py);
      const inside = col >= 0 && row >= 0 && col < width && row < height;
      cols[i] = inside ? col : -1;
      rows[i] = inside ? row : -1;
      if (!inside) continue;
      x0 = Math.min(x0, col); y0 = Math.min(y0, row);
      x1 = Math.max(x1, col); y1 = Math.max(y1, row);
    }
  }
  const out = new Float64Array(n).fill(NaN);
  if (x1 < x0) return out;
  const window = { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
  const bytes = window.width * window.height * DATA_TYPE_BYTES[dataType];
  if (bytes > MAX_INPUT_BYTES) throw new InputError('RASTER_WINDOW_TOO_LARGE', { file: input.name, width: window.width, height: window.height, bytes, limit: MAX_INPUT_BYTES });
  const pixels = input.readWindow(1, window);
  const isNoData = noDataTest(noData, dataType);
  for (let i = 0; i < n; i++) {
    if (cols[i] < 0) continue;
    const v = pixels[(rows[i] - y0) * window.width + (cols[i] - x0)];
    if (!isNoData(v)) out[i] = v;
  }
  return out;
}
