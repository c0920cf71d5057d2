import type { CrsInfo } from './crs-info';
import { knownCrsFromEpsg } from './zone-table';

/**
 * The CRSs this product knows by EPSG code without a database: the Chinese zoo, its geographic CRSs, WGS 84, Web
 * Mercator (zone-table.ts) and WGS 84 / UTM north and south (32601–32660, 32701–32760). Anything else is given as
 * WKT or proj4.
 */
export function crsFromEpsg(code: number): CrsInfo | null {
  if (!Number.isInteger(code)) return null;
  const utm = utmZoneOfEpsg(code);
  if (utm) return utmCrs(utm.zone, utm.south);
  return knownCrsFromEpsg(code);
}

/** WGS 84 / UTM zone `zone` (1–60), north or south. */
export function utmCrs(zone: number, south: boolean): CrsInfo {
  const centralMeridian = zone * 6 - 183;
  return {
    epsg: (south ? 32700 : 32600) + zone,
    name: `WGS 84 / UTM zone ${zone}${south ? 'S' : 'N'}`,
    proj4: `+proj=utm +zone=${zone}${south ? ' +south' : ''} +datum=WGS84 +units=m +no_defs`,
    kind: 'projected',
    ellipsoid: 'WGS84',
    transverseMercator: { centralMeridian, latitudeOfOrigin: 0, scale: 0.9996, falseEasting: 500000, falseNorthing: south ? 10_000_000 : 0, zone: null },
  };
}

function utmZoneOfEpsg(code: number): { zone: number; south: boolean } | null {
  if (code >= 32601 && code <= 32660) return { zone: code - 32600, south: false };
  if (code >= 32701 && code <= 32760) return { zone: code - 32700, south: true };
  return null;
}
