import type { CrsInfo } from './crs-info';
import { crsFromEpsg, utmCrs } from './crs-from-epsg';
import { definitionToProj4, ellipsoidIdOf, num, sameNumber, type CrsDefinition } from './crs-definition';
import { WEB_MERCATOR, gaussKrugerCrs, geographicCrs, zoneOfCentralMeridian, type ChineseDatum } from './zone-table';

/** What a source says about a CRS besides its geometry. */
export interface CrsHints {
  /** The name it gives the CRS (PROJCS / GEOGCS / PROJCRS name), or null. */
  name: string | null;
  /** The EPSG code it declares (AUTHORITY / ID), or null. */
  declaredEpsg: number | null;
}

const CHINESE: readonly string[] = ['CGCS2000', 'Xian1980', 'Beijing1954'];

/**
 * The CrsInfo of a definition: the canonical CrsInfo of an EPSG code when the parameters match one exactly (so a CRS
 * read from any text form compares equal to `crsFromEpsg(code)`), else a CrsInfo built from the definition.
 *
 * A declared EPSG code is believed only where we cannot check it (a code outside our tables): a code we know
 * whose parameters disagree is dropped, because the parameters are what the coordinates were computed with.
 */
export function crsFromDefinition(def: CrsDefinition, hints: CrsHints): CrsInfo {
  const identified = identify(def, hints.name);
  if (identified) return def.towgs84 ? { ...identified, proj4: withTowgs84(identified.proj4, def.towgs84) } : identified;

  const declared = hints.declaredEpsg !== null && crsFromEpsg(hints.declaredEpsg) === null ? hints.declaredEpsg : null;
  const crs: CrsInfo = {
    epsg: declared,
    name: hints.name?.trim() || 'unknown',
    proj4: definitionToProj4(def),
    kind: def.method === 'longlat' ? 'geographic' : 'projected',
    ellipsoid: def.method === 'webmerc' ? null : ellipsoidIdOf(def.ellipsoid),
  };
  if (def.method === 'tmerc') {
    const p = def.params;
    crs.transverseMercator = { centralMeridian: p.lon0, latitudeOfOrigin: p.lat0, scale: p.k, falseEasting: p.x0, falseNorthing: p.y0, zone: null };
  }
  return crs;
}

function identify(def: CrsDefinition, name: string | null): CrsInfo | null {
  if (def.method === 'webmerc') return WEB_MERCATOR;
  if (def.datum.kind !== 'known') return null;
  const datum = def.datum.id;
  if (def.method === 'longlat') return geographicCrs(datum);
  if (def.method !== 'tmerc') return null;
  const p = def.params;
  if (CHINESE.includes(datum)) return chineseZone(datum as ChineseDatum, def, name);
  if (datum === 'WGS84' && sameNumber(p.k, 0.9996) && sameNumber(p.lat0, 0) && sameNumber(p.x0, 500000) && (sameNumber(p.y0, 0) || sameNumber(p.y0, 10_000_000))) {
    const zone = (p.lon0 + 183) / 6;
    if (Number.isInteger(zone) && zone >= 1 && zone <= 60) return utmCrs(zone, p.y0 !== 0);
  }
  return null;
}

/**
 * The Chinese Gauss-Kruger zone of a transverse Mercator definition (docs/methods/sandiao-data.md §5.1, §5.3 step 4):
 * lat_0 = 0, k = 1, y_0 = 0 and either x_0 = zone·10⁶ + 500 000 with the zone's central meridian, or x_0 = 500 000
 * with the central meridian of a zone.
 *
 * Without a prefix, a CM that is a 6° CM (6n − 3: 75, 81, …, 135) is also a 3° CM, and the two EPSG definitions are
 * numerically identical (e.g. EPSG:4548 and EPSG:4509 for 117°E). The name decides: "3_Degree"/"3-degree" means the
 * 3° code; a Gauss-Kruger name without it ("CGCS2000_GK_CM_117E", "Beijing_1954_Gauss_Kruger_CM_117E",
 * "… / Gauss-Kruger CM 117E") means the 6° code; no telling name means the 3° code, because 三调 and cadastral data
 * use 3° zones (§1).
 */
function chineseZone(datum: ChineseDatum, def: CrsDefinition, name: string | null): CrsInfo | null {
  const p = def.params;
  if (!sameNumber(p.lat0, 0) || !sameNumber(p.k, 1) || !sameNumber(p.y0, 0)) return null;
  const cm = Math.round(p.lon0 * 1e9) / 1e9;
  if (sameNumber(p.x0, 500000)) {
    const zone3 = zoneOfCentralMeridian(3, cm);
    const zone6 = zoneOfCentralMeridian(6, cm);
    if (zone6 !== null && zone6 >= 13 && zone6 <= 23 && namesSixDegree(name)) return gaussKrugerCrs({ datum, width: 6, zone: zone6, prefixed: false });
    if (zone3 !== null && zone3 >= 25 && zone3 <= 45) return gaussKrugerCrs({ datum, width: 3, zone: zone3, prefixed: false });
    return null;
  }
  const zone = (p.x0 - 500000) / 1e6;
  if (!Number.isInteger(zone)) return null;
  if (zone >= 25 && zone <= 45 && cm === 3 * zone) return gaussKrugerCrs({ datum, width: 3, zone, prefixed: true });
  if (zone >= 13 && zone <= 23 && cm === 6 * zone - 3) return gaussKrugerCrs({ datum, width: 6, zone, prefixed: true });
  return null;
}

/** A proj4 string with the datum's Helmert parameters added before its unit clause, where PROJ prints them. */
function withTowgs84(proj4: string, towgs84: number[]): string {
  return proj4.replace(/ \+units=m| \+no_defs/, (rest) => ` +towgs84=${towgs84.map(num).join(',')}${rest}`);
}

function namesSixDegree(name: string | null): boolean {
  if (!name) return false;
  if (/3[\s_-]*deg/i.test(name)) return false;
  return /6[\s_-]*deg|(^|[^a-z])gk([^a-z]|$)|gauss/i.test(name);
}
