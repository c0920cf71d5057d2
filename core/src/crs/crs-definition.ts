import { ELLIPSOIDS, type EllipsoidId } from './ellipsoid';

/**
 * A CRS reduced to what defines its geometry: the projection method and its parameters, the ellipsoid and the datum.
 * Every text form (ESRI/OGC WKT1, WKT2, proj4) is read into this, and every text form we write comes out of it, so
 * the proj4 string is always built by us (docs/methods/sandiao-data.md §5.3) and never by a library's name tables.
 *
 * Units are fixed: angles in degrees (Greenwich), lengths in metres. Readers refuse anything else rather than
 * convert, because CrsInfo has no unit and every consumer (areas, buffers, the GK zone rules) assumes metres.
 */
export type ProjectionMethod =
  | 'longlat'
  /** Transverse Mercator = Gauss-Kruger (the exact ellipsoidal form in PROJ and proj4js). */
  | 'tmerc'
  /** Albers equal-area conic, two standard parallels. */
  | 'aea'
  /** Lambert conformal conic with one standard parallel (= lat0) and a scale factor. */
  | 'lcc1sp'
  /** Lambert conformal conic with two standard parallels. */
  | 'lcc2sp'
  /** Mercator with a scale factor at the equator. */
  | 'merc1sp'
  /** Mercator with a standard parallel (lat1). */
  | 'merc2sp'
  /** Spherical "Web" Mercator on WGS 84 lon/lat (EPSG:3857). */
  | 'webmerc';

export interface ProjectionParams {
  /** Latitude of origin / of the false origin, degrees. */
  lat0: number;
  /** Central meridian / longitude of origin, degrees east. */
  lon0: number;
  /** First / second standard parallel, degrees (aea, lcc2sp; merc2sp uses lat1). */
  lat1: number;
  lat2: number;
  /** Scale factor (tmerc, lcc1sp, merc1sp). */
  k: number;
  /** False easting / northing, metres. */
  x0: number;
  y0: number;
}

/** An ellipsoid by its defining numbers; `rf` = 0 means a sphere of radius `a`. */
export interface EllipsoidDef {
  a: number;
  rf: number;
  /** The name the source gave it, if any (kept for the WKT we write back). */
  name: string | null;
}

/**
 * The datum as far as we can tell it: one of ours (by name, or by an unnamed datum on that ellipsoid), explicitly
 * unnamed, or another datum we do not know (New Beijing, NAD83 …), which must not be mistaken for ours even if it
 * shares the ellipsoid.
 */
export type DatumRef = { kind: 'known'; id: EllipsoidId } | { kind: 'unknown' } | { kind: 'other'; name: string };

export interface CrsDefinition {
  method: ProjectionMethod;
  params: ProjectionParams;
  ellipsoid: EllipsoidDef;
  datum: DatumRef;
  /** Seven Helmert parameters to WGS 84 (position-vector convention, m, arc-seconds, ppm), or null. */
  towgs84: number[] | null;
}

export const ZERO_PARAMS: ProjectionParams = { lat0: 0, lon0: 0, lat1: 0, lat2: 0, k: 1, x0: 0, y0: 0 };

const NUMBER_TOLERANCE = 1e-9;
/** The tolerance for recognising an ellipsoid: exact to the digits files carry (some write rf to 7–9 decimals). */
const A_TOLERANCE_M = 1e-3;
const RF_TOLERANCE = 1e-6;

/** Whether two numbers are equal to the precision WKT files carry. */
export function sameNumber(x: number, y: number): boolean {
  return Math.abs(x - y) <= NUMBER_TOLERANCE * Math.max(1, Math.abs(x), Math.abs(y));
}

/** The ellipsoid of our table with these numbers, or null. GRS80 counts as CGCS2000 (they differ by 0.1 mm in b). */
export function ellipsoidIdOf(e: EllipsoidDef): EllipsoidId | null {
  for (const id of Object.keys(ELLIPSOIDS) as EllipsoidId[]) {
    const known = ELLIPSOIDS[id];
    if (Math.abs(known.a - e.a) <= A_TOLERANCE_M && Math.abs(known.rf - e.rf) <= RF_TOLERANCE) return id;
  }
  return null;
}

/** The EllipsoidDef of one of our ellipsoids. */
export function knownEllipsoid(id: EllipsoidId): EllipsoidDef {
  return { a: ELLIPSOIDS[id].a, rf: ELLIPSOIDS[id].rf, name: null };
}

/** The proj4 ellipsoid (and datum) clause of a definition. */
export function ellipsoidClause(def: Pick<CrsDefinition, 'ellipsoid' | 'datum' | 'towgs84'>): string {
  const id = ellipsoidIdOf(def.ellipsoid);
  let clause: string;
  if (id === 'WGS84' && def.towgs84 === null && def.datum.kind !== 'other') clause = ELLIPSOIDS.WGS84.proj4;
  else if (id === 'WGS84') clause = '+ellps=WGS84';
  else if (id !== null) clause = ELLIPSOIDS[id].proj4;
  else if (def.ellipsoid.rf === 0) clause = `+a=${num(def.ellipsoid.a)} +b=${num(def.ellipsoid.a)}`;
  else clause = `+a=${num(def.ellipsoid.a)} +rf=${num(def.ellipsoid.rf)}`;
  if (def.towgs84) clause += ` +towgs84=${def.towgs84.map(num).join(',')}`;
  return clause;
}

/**
 * The proj4 string of a definition (docs/methods/sandiao-data.md §5.3), in the parameter order PROJ prints.
 * @example definitionToProj4(gk40) // '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs'
 */
export function definitionToProj4(def: CrsDefinition): string {
  const p = def.params;
  const ell = ellipsoidClause(def);
  switch (def.method) {
    case 'longlat':
      return `+proj=longlat ${ell} +no_defs`;
    case 'tmerc':
      return `+proj=tmerc +lat_0=${num(p.lat0)} +lon_0=${num(p.lon0)} +k=${num(p.k)} +x_0=${num(p.x0)} +y_0=${num(p.y0)} ${ell} +units=m +no_defs`;
    case 'aea':
      return `+proj=aea +lat_0=${num(p.lat0)} +lon_0=${num(p.lon0)} +lat_1=${num(p.lat1)} +lat_2=${num(p.lat2)} +x_0=${num(p.x0)} +y_0=${num(p.y0)} ${ell} +units=m +no_defs`;
    case 'lcc2sp':
      return `+proj=lcc +lat_0=${num(p.lat0)} +lon_0=${num(p.lon0)} +lat_1=${num(p.lat1)} +lat_2=${num(p.lat2)} +x_0=${num(p.x0)} +y_0=${num(p.y0)} ${ell} +units=m +no_defs`;
    case 'lcc1sp':
      // PROJ writes LCC 1SP with lat_1 = lat_0 and the scale factor as k_0.
      return `+proj=lcc +lat_1=${num(p.lat0)} +lat_0=${num(p.lat0)} +lon_0=${num(p.lon0)} +k_0=${num(p.k)} +x_0=${num(p.x0)} +y_0=${num(p.y0)} ${ell} +units=m +no_defs`;
    case 'merc1sp':
      return `+proj=merc +lon_0=${num(p.lon0)} +k=${num(p.k)} +x_0=${num(p.x0)} +y_0=${num(p.y0)} ${ell} +units=m +no_defs`;
    case 'merc2sp':
      return `+proj=merc +lon_0=${num(p.lon0)} +lat_ts=${num(p.lat1)} +x_0=${num(p.x0)} +y_0=${num(p.y0)} ${ell} +units=m +no_defs`;
    case 'webmerc':
      return '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs';
  }
}

/** A number as proj4 and WKT want it: shortest round-trip decimal, no exponent for the magnitudes CRSs use. */
export function num(x: number): string {
  const s = String(x === 0 ? 0 : x);
  if (!/e/i.test(s)) return s;
  // 1e-7 and the like: write in plain decimals so every parser reads them.
  return x.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}
