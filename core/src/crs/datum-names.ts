import { ELLIPSOIDS, type EllipsoidId } from './ellipsoid';
import { ellipsoidIdOf, knownEllipsoid, type DatumRef, type EllipsoidDef } from './crs-definition';

/**
 * Datum identification by name *and* by ellipsoid numbers (docs/methods/sandiao-data.md §5.2–5.3).
 *
 * The name alone is not enough (a file may say "D_Xian_1980" over GRS80 numbers), and the numbers alone are not
 * enough either (New Beijing sits on the Krasovsky ellipsoid of Beijing 1954, NAD83 on the GRS80 of CGCS2000), so:
 *  - a name of one of our datums is accepted when the numbers agree (to the digits files carry);
 *  - an unnamed datum ("unknown", "D_unknown", "Unknown based on GRS80 ellipsoid", empty) is taken to be ours when
 *    the numbers are those of one of our ellipsoids — a GK .prj written by a tool that lost the datum name;
 *  - any other name is another datum: never identified with an EPSG code of our tables.
 */

/** Normalised spellings of our datums, as ESRI, OGC WKT1, WKT2 and Chinese tools write them. */
const DATUM_PATTERNS: [EllipsoidId, RegExp][] = [
  ['CGCS2000', /^(china2000|cgcs2000|chinageodeticcoordinatesystem2000|china2000geodeticcoordinatesystem)$/],
  ['Xian1980', /^(xian1980|xian80|xian1980coordinatesystem)$/],
  ['Beijing1954', /^(beijing1954|beijing54)$/],
  ['WGS84', /^(wgs1984|wgs84|worldgeodeticsystem1984(ensemble)?)$/],
];

// GDAL names datums it cannot name "Unknown based on GRS80 ellipsoid" or "unknown using towgs84=…".
const UNNAMED = /^(|unknown.*|notspecified.*|undefined|none|unnamed|custom)$/;

/** How a datum name reads: one of ours, deliberately unnamed, or another datum. */
export function classifyDatumName(name: string | null): DatumRef {
  // ESRI prefixes datum names with "D_".
  const key = normalizeName((name ?? '').trim().replace(/^d_/i, ''));
  for (const [id, pattern] of DATUM_PATTERNS) if (pattern.test(key)) return { kind: 'known', id };
  if (UNNAMED.test(key)) return { kind: 'unknown' };
  return { kind: 'other', name: (name ?? '').trim() };
}

/**
 * The datum and ellipsoid a definition ends up with, given what its datum is called and its ellipsoid numbers.
 * A named datum of ours whose numbers are a rounding of the right ones (|Δa| < 1 m, |Δrf| < 1e-3) keeps its name
 * and gets the exact numbers; one whose numbers are another ellipsoid's becomes an "other" datum.
 */
export function resolveDatum(named: DatumRef, ellipsoid: EllipsoidDef): { datum: DatumRef; ellipsoid: EllipsoidDef } {
  const byNumbers = ellipsoidIdOf(ellipsoid);
  if (named.kind === 'known') {
    if (byNumbers === named.id) return { datum: named, ellipsoid };
    const want = ELLIPSOIDS[named.id];
    if (Math.abs(want.a - ellipsoid.a) < 1 && Math.abs(want.rf - ellipsoid.rf) < 1e-3) {
      return { datum: named, ellipsoid: { ...knownEllipsoid(named.id), name: ellipsoid.name } };
    }
    return { datum: { kind: 'other', name: named.id }, ellipsoid };
  }
  if (named.kind === 'unknown' && byNumbers !== null) return { datum: { kind: 'known', id: byNumbers }, ellipsoid };
  return { datum: named, ellipsoid };
}

/** Lower-case letters and digits only: "D_China_2000" → "dchina2000", "Xi'an 1980" → "xian1980". */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}
