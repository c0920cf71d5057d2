/**
 * The checks every terrain computation shares: a single-band DEM, north-up, in a projected CRS measured in metres,
 * within a size the whole-grid algorithms (flow accumulation) can hold in memory.
 */
import { InputError } from '../../errors';
import { isNorthUp } from '../geo-transform';
import { noDataTest } from '../no-data';
import type { Raster } from '../raster';

/** Terrain runs on the study zone's DEM window, not a whole province: 50 M cells (~1 GB of working arrays). */
export const MAX_TERRAIN_CELLS = 50_000_000;

export interface DemGrid {
  width: number;
  height: number;
  /** Cell size east–west and north–south, metres (positive). */
  dx: number;
  dy: number;
  elevation: Raster['data'][number];
  isNoData: (v: number) => boolean;
}

/**
 * Validates a DEM for terrain analysis.
 * @param name the DEM's name in messages.
 * @param requireSquare whether cells must be square (the LS factor's unit contributing area needs one cell size).
 * @throws InputError TERRAIN_NOT_PROJECTED, RASTER_NOT_GEOREFERENCED, RASTER_ROTATED_UNSUPPORTED,
 *   TERRAIN_CELLS_NOT_SQUARE, TERRAIN_TOO_LARGE.
 */
export function demGrid(dem: Raster, name: string, requireSquare: boolean): DemGrid {
  const gt = dem.geoTransform;
  if (!gt) throw new InputError('RASTER_NOT_GEOREFERENCED', { file: name });
  if (!dem.crs || dem.crs.kind !== 'projected' || !/\+units=m\b/.test(dem.crs.proj4)) {
    throw new InputError('TERRAIN_NOT_PROJECTED', { file: name, crs: dem.crs?.name ?? '—' });
  }
  if (!isNorthUp(gt)) throw new InputError('RASTER_ROTATED_UNSUPPORTED', { file: name, operation: 'terrain analysis' });
  const dx = Math.abs(gt[1]);
  const dy = Math.abs(gt[5]);
  if (requireSquare && Math.abs(dx - dy) > 1e-6 * Math.max(dx, dy)) throw new InputError('TERRAIN_CELLS_NOT_SQUARE', { file: name, dx, dy });
  if (dem.width * dem.height > MAX_TERRAIN_CELLS) throw new InputError('TERRAIN_TOO_LARGE', { width: dem.width, height: dem.height, limit: MAX_TERRAIN_CELLS });
  return { width: dem.width, height: dem.height, dx, dy, elevation: dem.data[0], isNoData: noDataTest(dem.noData, dem.dataType) };
}
