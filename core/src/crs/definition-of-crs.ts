import type { CrsInfo } from './crs-info';
import type { CrsDefinition } from './crs-definition';
import { definitionFromProj4 } from './proj4-definition';

/**
 * The definition behind a CrsInfo, for writing it out. The proj4 string is the definition (we built it); the datum is
 * the one CrsInfo.ellipsoid names (a CrsInfo does not keep the name of a foreign datum on one of our ellipsoids).
 */
export function definitionOfCrs(crs: CrsInfo): CrsDefinition {
  const def = definitionFromProj4(crs.proj4, crs.name);
  if (crs.ellipsoid !== null && def.method !== 'webmerc') def.datum = { kind: 'known', id: crs.ellipsoid };
  return def;
}
