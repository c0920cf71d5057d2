/**
 * D8 flow direction (O'Callaghan & Mark 1984): each cell drains to the one of its eight neighbours with the steepest
 * downhill drop, (z − z_neighbour) / distance, distance = the cell size, or the diagonal for corner neighbours.
 *
 *     3 2 1      codes 0–7 counter-clockwise from east, as pygeoprocessing / InVEST number them
 *     4 · 0
 *     5 6 7
 *
 * Ties go to the lowest code. A cell with no lower neighbour inside the DEM — a pit, a flat, or an edge cell whose
 * way down leaves the grid — gets {@link D8_NONE}: it is an outlet, nothing is routed off the grid and flats are
 * not resolved, so the DEM should be hydrologically conditioned (sinks filled) first. Nodata cells get
 * {@link D8_NODATA} and are never drained into.
 */
import type { Raster } from '../raster';
import { demGrid } from './dem-grid';

/** [dCol, dRow] of codes 0–7 (rows grow southwards). */
export const D8_OFFSETS: readonly (readonly [number, number])[] = [[1, 0], [1, -1], [0, -1], [-1, -1], [-1, 0], [-1, 1], [0, 1], [1, 1]];
/** No downhill neighbour: the cell is an outlet. */
export const D8_NONE = 8;
export const D8_NODATA = 255;

/**
 * @param dem band 1 is elevation, in a projected CRS in metres.
 * @returns a Byte raster of codes 0–7, {@link D8_NONE}, or {@link D8_NODATA} (its nodata value).
 * @throws InputError TERRAIN_NOT_PROJECTED, RASTER_ROTATED_UNSUPPORTED, TERRAIN_TOO_LARGE.
 */
export function flowDirectionD8(dem: Raster, name = 'DEM'): Raster {
  const { width: w, height: h, dx, dy, elevation, isNoData } = demGrid(dem, name, false);
  const distance = D8_OFFSETS.map(([c, r]) => Math.hypot(c * dx, r * dy));
  const out = new Uint8Array(w * h);
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      const i = r * w + c;
      const z = elevation[i];
      if (isNoData(z)) {
        out[i] = D8_NODATA;
        continue;
      }
      let best = D8_NONE;
      let steepest = 0;
      for (let k = 0; k < 8; k++) {
        const nc = c + D8_OFFSETS[k][0];
        const nr = r + D8_OFFSETS[k][1];
        if (nc < 0 || nr < 0 || nc >= w || nr >= h) continue;
        const zn = elevation[nr * w + nc];
        if (isNoData(zn)) continue;
        const drop = (z - zn) / distance[k];
        if (drop > steepest) {
          steepest = drop;
          best = k;
        }
      }
      out[i] = best;
    }
  }
  return { width: w, height: h, dataType: 'Byte', noData: D8_NODATA, geoTransform: dem.geoTransform, crs: dem.crs, data: [out] };
}
