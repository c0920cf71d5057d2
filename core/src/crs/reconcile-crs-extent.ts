import { InputError } from '../errors';
import type { MessageCode, MessageDetails } from '../messages/index';
import type { Extent } from '../types';
import type { CrsInfo } from './crs-info';
import { gaussKrugerCrs, type ChineseDatum } from './zone-table';

export interface CrsReconciliation {
  /** The CRS that fits the coordinates: the declared one, or the zone the eastings say. */
  crs: CrsInfo;
  /** Set when the CRS was changed; goes to VectorLayerInfo.warnings. */
  warning?: { code: MessageCode; details: MessageDetails };
}

const CHINESE = new Set(['CGCS2000', 'Xian1980', 'Beijing1954']);
/** An easting with 8 integer digits carries the zone number (docs/methods/sandiao-data.md §5.1 "Zone detection from data"). */
const PREFIXED_MIN = 1e7;
/** Un-prefixed Gauss-Kruger eastings lie within ±1000 km of 500 000 m; 7-digit eastings fit neither form. */
const UNPREFIXED_MAX = 2e6;
/** Nothing projected from the Earth is 100 000 km from its origin. */
const PROJECTED_LIMIT = 1e8;

/**
 * Checks a layer's coordinates against its CRS and fixes the zone when they disagree (docs/methods/sandiao-data.md
 * §5.1, §7 rule 7): eastings with 8 integer digits carry the zone number in their first two digits (25–45: 3°
 * zones, 13–23: 6° zones). When the CRS says no prefix but the data are prefixed, or says zone 39 and the data are in
 * zone 40, or says prefixed and the data are not, the returned CRS is the one that fits the coordinates and a
 * warning says so.
 *
 * @param extent [minX, minY, maxX, maxY] of the layer in its CRS; null (empty layer) returns the CRS unchanged.
 * @param source The file, for messages.
 * @throws InputError CRS_COORDINATES_ABSURD for coordinates no layer in that CRS can have (longitudes beyond ±180°,
 *   eastings of 10¹² m, degrees in a Gauss-Kruger layer); CRS_ZONES_MIXED when the eastings span several zones.
 */
export function reconcileCrsWithExtent(crs: CrsInfo, extent: Extent | null, source = 'layer'): CrsReconciliation {
  if (!extent || !extent.every(Number.isFinite)) return { crs };
  const [minX, minY, maxX, maxY] = extent;
  const absurd = (reason: string): never => {
    throw new InputError('CRS_COORDINATES_ABSURD', { source, extent: formatExtent(extent), name: crs.name, reason });
  };

  if (crs.kind === 'geographic') {
    if (minX < -180 || maxX > 180 || minY < -90 || maxY > 90) {
      absurd(Math.max(Math.abs(minX), Math.abs(maxX), Math.abs(minY), Math.abs(maxY)) > 1000 ? 'the coordinates look like metres of a projected CRS, not degrees' : 'longitudes beyond ±180° or latitudes beyond ±90°');
    }
    return { crs };
  }
  if (Math.max(Math.abs(minX), Math.abs(maxX), Math.abs(minY), Math.abs(maxY)) > PROJECTED_LIMIT) absurd('coordinates more than 100 000 km from the origin');

  const tm = crs.transverseMercator;
  if (!tm) return { crs };
  if (tm.falseEasting >= 500000 && minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90) absurd('the coordinates look like longitudes and latitudes in degrees');
  const zone = tm.zone;
  if (!zone || crs.ellipsoid === null || !CHINESE.has(crs.ellipsoid)) return { crs };
  const datum = crs.ellipsoid as ChineseDatum;
  if (maxY >= 1e7 || minY <= -1e7) absurd('northings beyond 10 000 km');

  if (minX >= PREFIXED_MIN) {
    const dataZone = Math.floor(minX / 1e6);
    if (Math.floor(maxX / 1e6) !== dataZone) throw new InputError('CRS_ZONES_MIXED', { source, minX, maxX });
    const width = dataZone >= 25 && dataZone <= 45 ? 3 : dataZone >= 13 && dataZone <= 23 ? 6 : null;
    if (width === null) return absurd(`zone number ${dataZone} in the eastings is neither a 3° zone (25–45) nor a 6° zone (13–23)`);
    if (zone.prefixed && zone.number === dataZone && zone.width === width) return { crs };
    const fitted = gaussKrugerCrs({ datum, width, zone: dataZone, prefixed: true });
    const code = zone.prefixed ? 'CRS_ZONE_MISMATCH' : 'CRS_ZONE_PREFIX_ADDED';
    return { crs: fitted, warning: { code, details: { source, declared: crs.name, declaredZone: zone.number, dataZone, name: fitted.name, epsg: fitted.epsg } } };
  }
  if (maxX >= PREFIXED_MIN) throw new InputError('CRS_ZONES_MIXED', { source, minX, maxX });
  if (maxX >= UNPREFIXED_MAX || minX <= -UNPREFIXED_MAX) absurd('eastings with 7 integer digits fit neither the zone-prefixed nor the plain Gauss-Kruger form');
  if (!zone.prefixed) return { crs };
  const fitted = gaussKrugerCrs({ datum, width: zone.width, zone: zone.number, prefixed: false });
  return { crs: fitted, warning: { code: 'CRS_ZONE_PREFIX_REMOVED', details: { source, declared: crs.name, declaredZone: zone.number, name: fitted.name, epsg: fitted.epsg } } };
}

function formatExtent(e: Extent): string {
  return `[${e.map((v) => (Math.abs(v) < 1e15 ? String(Math.round(v * 1000) / 1000) : v.toExponential(3))).join(', ')}]`;
}
