/**
 * An in-memory {@link Raster} seen as a {@link RasterSource}, so terrain outputs and test grids go through the same
 * statistics and zonal sampling as files.
 */
import { BugError, InputError } from '../errors';
import { rasterExtent } from './geo-transform';
import { createRasterArray, dataTypeOf, type Raster, type RasterArray, type RasterSource, type RasterWindow } from './raster';

/**
 * Wraps an in-memory raster.
 * @param name the name used in messages.
 * @throws BugError when a band array does not hold width × height pixels of `raster.dataType`.
 */
export function memoryRasterSource(raster: Raster, name = 'raster'): RasterSource {
  const { width, height, data } = raster;
  for (const band of data) {
    if (band.length !== width * height || dataTypeOf(band) !== raster.dataType) {
      throw new BugError(`band of ${band.length} ${dataTypeOf(band)} pixels for a ${width}×${height} ${raster.dataType} raster`);
    }
  }
  return {
    name,
    info: {
      width,
      height,
      bands: data.length,
      dataType: raster.dataType,
      noData: raster.noData,
      geoTransform: raster.geoTransform,
      crs: raster.crs,
      extent: raster.geoTransform ? rasterExtent(raster.geoTransform, width, height) : null,
      warnings: [],
    },
    blockSize: { width, height: Math.max(1, Math.min(height, Math.floor(4_194_304 / width))) },
    readWindow(band: number, window: RasterWindow): RasterArray {
      if (!Number.isInteger(band) || band < 1 || band > data.length) throw new InputError('RASTER_BAND_OUT_OF_RANGE', { file: name, band, bands: data.length });
      const { x, y, width: w, height: h } = window;
      if (x < 0 || y < 0 || w < 0 || h < 0 || x + w > width || y + h > height) throw new BugError(`window ${JSON.stringify(window)} outside the ${width}×${height} raster ${name}`);
      const source = data[band - 1];
      if (x === 0 && w === width) return source.slice(y * width, (y + h) * width);
      const result = createRasterArray(raster.dataType, w * h);
      for (let r = 0; r < h; r++) result.set(source.subarray((y + r) * width + x, (y + r) * width + x + w), r * w);
      return result;
    },
  };
}
