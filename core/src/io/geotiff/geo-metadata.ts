/**
 * Georeferencing of a GeoTIFF read as GDAL's GTiff driver reads it: geotransform from ModelPixelScale +
 * ModelTiepoint or from ModelTransformation, the half-pixel shift for PixelIsPoint, the GDAL_NODATA tag, and the
 * CRS from the GeoKeys.
 */
import type { CrsInfo } from '../../crs/crs-info';
import { crsFromGeoKeys, GEOKEY, RASTER_PIXEL_IS_POINT, type GeoKeys } from '../../crs/geokeys';
import type { GeoTransform } from '../../raster/geo-transform';
import type { RasterDataType, RasterWarning } from '../../raster/raster';
import type { TiffDirectory } from './tiff-directory';
import { TAG } from './tiff-tags';

export interface GeoMetadata {
  geoTransform: GeoTransform | null;
  pixelIsPoint: boolean;
  noData: number | null;
  crs: CrsInfo | null;
  warnings: RasterWarning[];
}

export function readGeoMetadata(dir: TiffDirectory, keys: GeoKeys, dataType: RasterDataType): GeoMetadata {
  const warnings: RasterWarning[] = [];
  const pixelIsPoint = keys.get(GEOKEY.GTRasterType) === RASTER_PIXEL_IS_POINT;
  const geoTransform = readGeoTransform(dir, pixelIsPoint);
  if (!geoTransform) warnings.push({ code: 'RASTER_NO_GEOTRANSFORM', details: { file: dir.file } });
  const { crs, warning } = crsFromGeoKeys(keys, dir.file);
  if (warning) warnings.push(warning);
  const text = dir.ascii(TAG.GdalNoData);
  // An empty tag (a lone NUL) is no nodata at all for GDAL, while unparsable text reads as 0.
  let noData = text === null || text === '' ? null : parseGdalNumber(text);
  if (noData !== null && dataType === 'Float32') noData = Math.fround(snapToFloatMax(noData));
  return { geoTransform, pixelIsPoint, noData, crs, warnings };
}

/**
 * GDAL's geotransform: a pixel scale with a tie point, else a 4×4 transformation matrix; with PixelIsPoint the
 * origin moves half a cell up-left so that the geotransform keeps describing cell corners (GTIFF_POINT_GEO_IGNORE
 * unset, GDAL's default). A negative Y scale is read as north-up, as GDAL does.
 */
function readGeoTransform(dir: TiffDirectory, pixelIsPoint: boolean): GeoTransform | null {
  const scale = dir.numbers(TAG.ModelPixelScale);
  const tie = dir.numbers(TAG.ModelTiepoint);
  const matrix = dir.numbers(TAG.ModelTransformation);
  let gt: GeoTransform | null = null;
  if (scale && scale.length >= 2 && scale[0] !== 0 && scale[1] !== 0) {
    if (tie && tie.length >= 6) {
      const dx = scale[0];
      const dy = -Math.abs(scale[1]);
      gt = [tie[3] - tie[0] * dx, dx, 0, tie[4] - tie[1] * dy, 0, dy];
    }
  } else if (matrix && matrix.length === 16) {
    gt = [matrix[3], matrix[0], matrix[1], matrix[7], matrix[4], matrix[5]];
  }
  if (gt && pixelIsPoint) {
    gt[0] -= gt[1] * 0.5 + gt[2] * 0.5;
    gt[3] -= gt[4] * 0.5 + gt[5] * 0.5;
  }
  return gt;
}

const FLOAT_MAX = 3.4028234663852886e38;

/** GDALAdjustNoDataCloseToFloatMax: a value within 1e-10 relative of ±FLT_MAX is taken as exactly ±FLT_MAX. */
function snapToFloatMax(v: number): number {
  if (Math.abs(v + FLOAT_MAX) < 1e-10 * FLOAT_MAX) return -FLOAT_MAX;
  if (Math.abs(v - FLOAT_MAX) < 1e-10 * FLOAT_MAX) return FLOAT_MAX;
  return v;
}

/**
 * A number as GDAL's CPLAtofM reads it: the decimal mark is whichever of '.' and ',' comes first ("12,5" →
 * 12.5); leading blanks are skipped, then the longest prefix C `strtod` accepts ("nan", "inf", "infinity" in
 * any case, decimal or hexadecimal) or an MSVC spelling ("1.#QNAN", "-1.#IND", "1.#INF") is read; 0 when
 * nothing parses ("abc" → 0, as in GDAL).
 */
export function parseGdalNumber(text: string): number {
  const mark = /[.,]/.exec(text.slice(0, 50));
  const s = (mark?.[0] === ',' ? text.replace(',', '.') : text).replace(/^\s+/, '');
  if (/^-?1\.#(QNAN|SNAN|IND)/.test(s)) return Number.NaN;
  if (/^1\.#INF/i.test(s)) return Number.POSITIVE_INFINITY;
  if (/^-1\.#INF/i.test(s)) return Number.NEGATIVE_INFINITY;
  const special = /^([+-]?)(nan|inf(inity)?)/i.exec(s);
  if (special) {
    if (special[2].toLowerCase() === 'nan') return Number.NaN;
    return special[1] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  const hex = /^([+-]?)0x([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?/i.exec(s);
  if (hex && (hex[2] !== '' || (hex[3] ?? '') !== '')) {
    const fraction = hex[3] ?? '';
    const mantissa = parseInt(`${hex[2]}${fraction}` || '0', 16) / 16 ** fraction.length;
    const value = mantissa * 2 ** Number(hex[4] ?? 0);
    return hex[1] === '-' ? -value : value;
  }
  const decimal = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(s);
  return decimal ? Number(decimal[0]) : 0;
}
