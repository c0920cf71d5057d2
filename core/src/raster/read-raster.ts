/**
 * One band of a raster (or of a window of it) held in memory, with the window's own geotransform — how terrain
 * analysis gets the DEM of a study zone without loading the whole county.
 */
import { pixelToWorld, type GeoTransform } from './geo-transform';
import type { Raster, RasterSource, RasterWindow } from './raster';

/**
 * @param band 1-based band number (default 1).
 * @param window the part to read (default: the whole raster).
 * @throws InputError from the source (band out of range, window too large, damaged data).
 * @example const demWindow = readRaster(dem, 1, { x: 1200, y: 800, width: 600, height: 500 });
 */
export function readRaster(source: RasterSource, band = 1, window?: RasterWindow): Raster {
  const { width, height, dataType, noData, geoTransform, crs } = source.info;
  const w = window ?? { x: 0, y: 0, width, height };
  let gt: GeoTransform | null = null;
  if (geoTransform) {
    const [x0, y0] = pixelToWorld(geoTransform, w.x, w.y);
    gt = [x0, geoTransform[1], geoTransform[2], y0, geoTransform[4], geoTransform[5]];
  }
  return { width: w.width, height: w.height, dataType, noData, geoTransform: gt, crs, data: [source.readWindow(band, w)] };
}
