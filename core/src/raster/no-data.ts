/**
 * Which pixel values count as "no data", decided as GDAL decides it when computing statistics (GDALRasterBand::
 * ComputeStatistics, GDAL 3.6): NaN in a floating-point band, and any value "real-equal" to the nodata value, where
 * GDAL's ARE_REAL_EQUAL(a, b) is `a == b || |a − b| < FLT_EPSILON · |a + b| · 2` — computed in float for Float32
 * bands. The tolerance matters only for large or fractional values (an Int32 value within ~2.4e-7 relative of the
 * nodata value is nodata too); for DEM-sized integers it is exact equality.
 */
import type { RasterDataType } from './raster';

const FLT_EPSILON = 2 ** -23;

/**
 * A predicate telling nodata pixels apart.
 * @param noData the band's nodata value (NaN or null means only NaN pixels are nodata, as in GDAL).
 */
export function noDataTest(noData: number | null, dataType: RasterDataType): (value: number) => boolean {
  const isFloat = dataType === 'Float32' || dataType === 'Float64';
  if (noData === null || Number.isNaN(noData)) return isFloat ? (v) => Number.isNaN(v) : () => false;
  if (dataType === 'Byte' || dataType === 'UInt16') {
    // GDAL's integer fast path compares exactly, and only a nodata value the type can hold.
    return Number.isInteger(noData) ? (v) => v === noData : () => false;
  }
  if (dataType === 'Float32') {
    const nd = Math.fround(noData);
    const f = Math.fround;
    return (v) => Number.isNaN(v) || v === nd || f(Math.abs(f(v - nd))) < f(FLT_EPSILON * f(Math.abs(f(v + nd))) * 2);
  }
  return (v) => Number.isNaN(v) || v === noData || Math.abs(v - noData) < FLT_EPSILON * Math.abs(v + noData) * 2;
}
