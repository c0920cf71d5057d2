import { InputError } from '../errors';
import { sameNumber, ZERO_PARAMS, type CrsDefinition, type EllipsoidDef, type ProjectionParams } from './crs-definition';
import { resolveDatum } from './datum-names';
import { normalizeUnused, resolveProjection } from './projection-method';
import type { ParamKey } from './projection-names';

/** The +ellps names we accept, with PROJ's numbers (a, 1/f; 0 for a sphere). */
const ELLIPSOID_NAMES: Record<string, [number, number]> = {
  GRS80: [6378137, 298.257222101],
  WGS84: [6378137, 298.257223563],
  krass: [6378245, 298.3],
  IAU76: [6378140, 298.257],
  WGS72: [6378135, 298.26],
  intl: [6378388, 297],
  clrk66: [6378206.4, 294.978698213898],
  bessel: [6377397.155, 299.1528128],
};

/** Keys that do not change the geometry, or that we always write the same way. */
const IGNORED = new Set(['no_defs', 'type', 'wktext', 'over', 'approx', 'title']);

/**
 * Reads a proj4 string (as users paste it for `--crs`, or as GDAL embeds it in WKT1 EXTENSION["PROJ4", …]) into a
 * definition. Only the projections, ellipsoids and units of crs-definition.ts are accepted; a key we do not know is
 * refused rather than ignored, because ignoring it could silently move every coordinate.
 * @throws InputError CRS_UNPARSEABLE (malformed) or CRS_UNSUPPORTED (a projection, datum, unit or key we do not support).
 */
export function definitionFromProj4(text: string, source: string): CrsDefinition {
  const unparseable = (reason: string): never => {
    throw new InputError('CRS_UNPARSEABLE', { source, reason });
  };
  const unsupported = (what: string): never => {
    throw new InputError('CRS_UNSUPPORTED', { source, what });
  };
  if (text.length > 4096) unparseable('the proj4 string is longer than 4096 characters');
  const keys = new Map<string, string>();
  for (const token of text.trim().split(/\s+/)) {
    const m = /^\+([A-Za-z_][A-Za-z0-9_]*)(?:=(\S*))?$/.exec(token);
    if (!m) unparseable(`"${token}" is not a +key=value item`);
    keys.set(m![1], m![2] ?? '');
  }
  const number = (key: string, fallback: number): number => {
    const raw = keys.get(key);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (raw === '' || !Number.isFinite(value)) unparseable(`+${key}=${raw} is not a number`);
    return value;
  };

  const proj = keys.get('proj');
  if (!proj) unparseable('there is no +proj');
  for (const [key, value] of keys) {
    if (IGNORED.has(key)) continue;
    if (key === 'units' && value !== 'm') unsupported(`the unit +units=${value}; only metres are supported`);
    if (key === 'to_meter' && !sameNumber(Number(value), 1)) unsupported(`+to_meter=${value}; only metres are supported`);
    if (key === 'pm' && !['0', 'greenwich'].includes(value.toLowerCase())) unsupported(`the prime meridian +pm=${value}`);
    if (key === 'axis' && value !== 'enu') unsupported(`the axis order +axis=${value}`);
    if (key === 'nadgrids' && value !== '@null') unsupported(`the datum grid +nadgrids=${value}`);
    if (key === 'datum' && value !== 'WGS84') unsupported(`+datum=${value}; give the ellipsoid and +towgs84 instead`);
    if (!KNOWN_KEYS.has(key)) unsupported(`the proj4 parameter +${key}`);
  }

  const ellipsoid = ellipsoidOf(keys, number, unsupported, source);
  const towgs84Text = keys.get('towgs84');
  let towgs84: number[] | null = null;
  if (towgs84Text !== undefined) {
    const values = towgs84Text.split(',').map(Number);
    if ((values.length !== 3 && values.length !== 7) || values.some((v) => !Number.isFinite(v))) unparseable(`+towgs84=${towgs84Text} needs 3 or 7 numbers`);
    towgs84 = values.some((v) => v !== 0) ? [...values, 0, 0, 0, 0].slice(0, 7) : null;
  }
  const named = keys.get('datum') === 'WGS84' ? ({ kind: 'known', id: 'WGS84' } as const) : ({ kind: 'unknown' } as const);
  const { datum, ellipsoid: resolvedEllipsoid } = resolveDatum(named, ellipsoid);
  const base = { ellipsoid: resolvedEllipsoid, datum, towgs84 };

  const given = new Map<ParamKey, number>();
  const take = (key: string, into: ParamKey) => {
    if (keys.has(key)) given.set(into, number(key, 0));
  };
  take('lat_0', 'lat0');
  take('lon_0', 'lon0');
  take('lat_1', 'lat1');
  take('lat_2', 'lat2');
  take('x_0', 'x0');
  take('y_0', 'y0');
  take('k_0', 'k');
  take('k', 'k');

  switch (proj) {
    case 'longlat':
    case 'latlong':
    case 'lonlat':
    case 'latlon':
      return { ...base, method: 'longlat', params: { ...ZERO_PARAMS } };
    case 'utm': {
      const zone = number('zone', NaN);
      if (!Number.isInteger(zone) || zone < 1 || zone > 60) unparseable(`+zone=${keys.get('zone') ?? ''} is not a UTM zone (1–60)`);
      const params: ProjectionParams = { ...ZERO_PARAMS, lon0: zone * 6 - 183, k: 0.9996, x0: 500000, y0: keys.has('south') ? 10_000_000 : 0 };
      return { ...base, method: 'tmerc', params: normalizeUnused('tmerc', params) };
    }
    case 'tmerc':
    case 'etmerc':
      return { ...base, ...resolved(resolveProjection('tmerc', given), unsupported) };
    case 'aea':
      return { ...base, ...resolved(resolveProjection('aea', given), unsupported) };
    case 'lcc': {
      // PROJ: lat_2 defaults to lat_1 (a tangent cone); with lat_1 = lat_0 that is the 1SP form with k_0.
      const lat1 = given.get('lat1') ?? 0;
      const lat2 = given.get('lat2') ?? lat1;
      const lat0 = given.get('lat0') ?? lat1;
      if (sameNumber(lat1, lat2) && sameNumber(lat1, lat0)) {
        given.delete('lat1');
        given.delete('lat2');
        given.set('lat0', lat0);
        return { ...base, ...resolved(resolveProjection('lcc1sp', given), unsupported) };
      }
      given.set('lat2', lat2);
      return { ...base, ...resolved(resolveProjection('lcc', given), unsupported) };
    }
    case 'merc':
    case 'webmerc': {
      const sphere6378137 = ellipsoid.rf === 0 && ellipsoid.a === 6378137;
      if (proj === 'webmerc' || (sphere6378137 && sameNumber(number('lat_ts', 0), 0))) {
        return { ...base, ...resolved(resolveProjection('webmerc', given), unsupported) };
      }
      if (keys.has('lat_ts')) given.set('lat1', number('lat_ts', 0));
      return { ...base, ...resolved(resolveProjection('merc', given), unsupported) };
    }
    default:
      return unsupported(`the projection +proj=${proj}`);
  }
}

const KNOWN_KEYS = new Set([
  'proj', 'lat_0', 'lon_0', 'lat_1', 'lat_2', 'lat_ts', 'k', 'k_0', 'x_0', 'y_0', 'zone', 'south',
  'ellps', 'datum', 'a', 'b', 'rf', 'f', 'R', 'towgs84', 'units', 'to_meter', 'pm', 'axis', 'nadgrids',
]);

function resolved(r: ReturnType<typeof resolveProjection>, unsupported: (what: string) => never) {
  return typeof r === 'string' ? unsupported(r) : r;
}

function ellipsoidOf(
  keys: Map<string, string>,
  number: (key: string, fallback: number) => number,
  unsupported: (what: string) => never,
  source: string,
): EllipsoidDef {
  if (keys.has('R')) return { a: number('R', 0), rf: 0, name: null };
  if (keys.has('a')) {
    const a = number('a', 0);
    let rf: number;
    if (keys.has('rf')) rf = number('rf', 0);
    else if (keys.has('f')) rf = number('f', 0) === 0 ? 0 : 1 / number('f', 0);
    else if (keys.has('b')) rf = number('b', 0) === a ? 0 : a / (a - number('b', 0));
    else rf = 0;
    if (!(a > 6_000_000 && a < 7_000_000) || rf < 0) throw new InputError('CRS_UNSUPPORTED', { source, what: `an ellipsoid with a = ${a}` });
    return { a, rf, name: null };
  }
  const name = keys.get('ellps') ?? (keys.get('datum') === 'WGS84' ? 'WGS84' : undefined);
  // PROJ's default ellipsoid is WGS 84; a CRS that relies on it is a WGS 84 CRS.
  const numbers = ELLIPSOID_NAMES[name ?? 'WGS84'];
  if (!numbers) return unsupported(`the ellipsoid +ellps=${name}`);
  return { a: numbers[0], rf: numbers[1], name: name ?? null };
}
