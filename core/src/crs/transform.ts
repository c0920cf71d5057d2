import proj4 from 'proj4';
import { InputError } from '../errors';
import type { Geometry, Position } from '../types';
import type { CrsInfo } from './crs-info';
import { ellipsoidClause } from './crs-definition';
import { definitionOfCrs } from './definition-of-crs';

/**
 * Reprojection between two CRSs, as PROJ does it for the Chinese zoo (docs/methods/sandiao-data.md §5.1 "Datum
 * shifts"): inverse projection to the source's own geographic CRS, a datum step, forward projection.
 *
 * The datum step is
 *  - nothing when both CRSs share the datum (GK zone to zone, GK ↔ CGCS2000 lon/lat);
 *  - a *null shift* (longitude and latitude carried over unchanged) between different datums without parameters —
 *    PROJ's "ballpark" transformation. CGCS2000 ↔ WGS 84 agree to well under a metre, so that is exact enough for
 *    display and not flagged; Xian 1980 / Beijing 1954 ↔ anything is off by tens of metres, so the transform says
 *    it is `approximate` and the UI must say so (message CRS_DATUM_SHIFT_APPROXIMATE);
 *  - a Helmert transformation through WGS 84 when a CRS carries the user's seven parameters (+towgs84).
 *
 * Projection legs never involve proj4js's datum logic (same ellipsoid, no +towgs84), which otherwise adds a
 * geocentric round trip worth ~1 mm of noise.
 */
export interface CrsTransform {
  readonly from: CrsInfo;
  readonly to: CrsInfo;
  /** [x, y] in `from` → [x, y] in `to`; extra ordinates (z) are kept. Non-finite when the point cannot be projected. */
  forward(position: Position): Position;
  /** [x, y] in `to` → [x, y] in `from`. */
  inverse(position: Position): Position;
  readonly datumShift: 'none' | 'null' | 'helmert';
  /** True when a null shift stands in for an unknown datum transformation between datums metres apart. */
  readonly approximate: boolean;
}

interface Converter {
  forward(p: number[]): number[];
  inverse(p: number[]): number[];
}

const CONVERTERS = new Map<string, Converter>();
const MAX_CACHED = 64;

/** A proj4js converter, cached: parsing a definition costs far more than one point. */
function converter(from: string, to: string): Converter {
  const key = `${from}|${to}`;
  let c = CONVERTERS.get(key);
  if (!c) {
    if (CONVERTERS.size >= MAX_CACHED) CONVERTERS.clear();
    c = proj4(from, to) as Converter;
    CONVERTERS.set(key, c);
  }
  return c;
}

interface DatumSide {
  /** proj4 of the CRS without datum parameters (for the projection leg). */
  bare: string;
  /** Its geographic CRS on the same ellipsoid, without datum parameters. */
  geographic: string;
  /** Its geographic CRS with its +towgs84 (for the Helmert leg), and the parameters. */
  geographicWithShift: string;
  towgs84: string | null;
  /** Which datum: one of ours by id, or the ellipsoid clause of an unnamed one. */
  key: string;
}

function side(crs: CrsInfo): DatumSide {
  const def = definitionOfCrs(crs);
  const towgs84 = /\+towgs84=(\S+)/.exec(crs.proj4)?.[1] ?? null;
  const bare = crs.proj4.replace(/ \+towgs84=\S+/, '');
  if (def.method === 'webmerc') {
    // EPSG:3857 projects WGS 84 longitudes and latitudes with the spherical formulas.
    const wgs84 = '+proj=longlat +datum=WGS84 +no_defs';
    return { bare, geographic: wgs84, geographicWithShift: wgs84, towgs84: null, key: 'WGS84' };
  }
  const ellipsoid = ellipsoidClause({ ...def, towgs84: null });
  const geographic = `+proj=longlat ${ellipsoid} +no_defs`;
  const key = def.datum.kind === 'known' ? def.datum.id : `ellipsoid ${ellipsoid}`;
  return { bare, geographic, geographicWithShift: towgs84 ? `+proj=longlat ${ellipsoid} +towgs84=${towgs84} +no_defs` : geographic, towgs84, key };
}

const NEAR_WGS84 = new Set(['CGCS2000', 'WGS84']);

/**
 * The transformation from one CRS to another.
 * @example createTransform(crsFromEpsg(4528)!, crsFromEpsg(4490)!).forward([40501000, 3400000]) // [120.0104…, 30.7206…]
 */
export function createTransform(from: CrsInfo, to: CrsInfo): CrsTransform {
  const a = side(from);
  const b = side(to);
  const sameDatum = a.key === b.key && a.towgs84 === b.towgs84;
  let datumShift: CrsTransform['datumShift'];
  let approximate: boolean;
  if (sameDatum) {
    datumShift = 'none';
    approximate = false;
  } else if (a.towgs84 === null && b.towgs84 === null) {
    datumShift = 'null';
    approximate = !(NEAR_WGS84.has(a.key) && NEAR_WGS84.has(b.key));
  } else {
    // Each side reaches WGS 84 either by its parameters or by being (nearly) WGS 84 already.
    datumShift = 'helmert';
    approximate = (a.towgs84 === null && !NEAR_WGS84.has(a.key)) || (b.towgs84 === null && !NEAR_WGS84.has(b.key));
  }

  if (from.proj4 === to.proj4) {
    const identity = (p: Position): Position => p.slice();
    return { from, to, forward: identity, inverse: identity, datumShift, approximate };
  }

  let forward: (p: Position) => Position;
  let inverse: (p: Position) => Position;
  if (datumShift !== 'helmert') {
    // One converter when the datum is shared or the shift is null: proj4js then sees two CRSs without datum
    // parameters and carries longitude and latitude over unchanged.
    const direct = datumShift === 'none' && a.bare !== b.bare ? converter(a.bare, b.bare) : null;
    const toGeographic = converter(a.bare, a.geographic);
    const fromGeographic = converter(b.geographic, b.bare);
    forward = direct ? (p) => run(direct.forward, p) : (p) => run(fromGeographic.forward, run(toGeographic.forward, p));
    inverse = direct ? (p) => run(direct.inverse, p) : (p) => run(toGeographic.inverse, run(fromGeographic.inverse, p));
  } else {
    const toGeographic = converter(a.bare, a.geographic);
    const helmert = converter(a.geographicWithShift, b.towgs84 ? b.geographicWithShift : b.geographic.replace(' +no_defs', ' +towgs84=0,0,0 +no_defs'));
    const fromGeographic = converter(b.geographic, b.bare);
    forward = (p) => run(fromGeographic.forward, run(helmert.forward, run(toGeographic.forward, p)));
    inverse = (p) => run(toGeographic.inverse, run(helmert.inverse, run(fromGeographic.inverse, p)));
  }
  return { from, to, forward, inverse, datumShift, approximate };
}

/** One proj4js call on [x, y]; other ordinates are kept; a failure is [NaN, NaN]. */
function run(f: (p: number[]) => number[], p: Position): Position {
  let out: number[];
  try {
    out = f([p[0], p[1]]);
  } catch {
    out = [NaN, NaN];
  }
  if (p.length > 2) return [out[0], out[1], ...p.slice(2)];
  return [out[0], out[1]];
}

/**
 * A geometry transformed position by position (`direction` 'inverse' goes from `to` back to `from`).
 * @throws InputError CRS_TRANSFORM_FAILED naming the first position that cannot be transformed.
 */
export function transformGeometry<G extends Geometry>(geometry: G, transform: CrsTransform, direction: 'forward' | 'inverse' = 'forward'): G {
  const f = direction === 'forward' ? transform.forward : transform.inverse;
  const [source, target] = direction === 'forward' ? [transform.from, transform.to] : [transform.to, transform.from];
  const point = (p: Position): Position => {
    const out = f(p);
    if (!Number.isFinite(out[0]) || !Number.isFinite(out[1])) throw new InputError('CRS_TRANSFORM_FAILED', { x: p[0], y: p[1], from: source.name, to: target.name });
    return out;
  };
  const line = (ps: Position[]): Position[] => ps.map(point);
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: point(geometry.coordinates) } as G;
    case 'MultiPoint':
    case 'LineString':
      return { type: geometry.type, coordinates: line(geometry.coordinates) } as G;
    case 'MultiLineString':
    case 'Polygon':
      return { type: geometry.type, coordinates: geometry.coordinates.map(line) } as G;
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(line)) } as G;
  }
}

/** The proj4 string of a CRS's own geographic CRS (same ellipsoid, lon/lat degrees), e.g. to sample it in tests. */
export function baseGeographicProj4(crs: CrsInfo): string {
  return side(crs).geographic;
}
