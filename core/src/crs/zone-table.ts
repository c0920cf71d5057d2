import type { CrsInfo } from './crs-info';
import { ELLIPSOIDS, type EllipsoidId } from './ellipsoid';

/**
 * The Chinese Gauss-Kruger zone systems and their EPSG codes (docs/methods/sandiao-data.md §5.1, every code
 * verified against PROJ: core/fixtures/crs/epsg-table.json). All are transverse Mercator with lat_0 = 0, k = 1,
 * y_0 = 0, metres; "prefixed" systems put the zone number in front of the easting (x_0 = zone·10⁶ + 500 000).
 */
export type ChineseDatum = 'CGCS2000' | 'Xian1980' | 'Beijing1954';

interface ZoneSystem {
  datum: ChineseDatum;
  width: 3 | 6;
  prefixed: boolean;
  firstEpsg: number;
  /** Zone numbers covered (prefixed systems) — the CM of zone n is 3n (3°) or 6n − 3 (6°). */
  firstZone: number;
  lastZone: number;
}

const DATUM_LABEL: Record<ChineseDatum, string> = { CGCS2000: 'CGCS2000', Xian1980: 'Xian 1980', Beijing1954: 'Beijing 1954' };
export const GEOGRAPHIC_EPSG: Record<ChineseDatum, number> = { CGCS2000: 4490, Xian1980: 4610, Beijing1954: 4214 };
const GEOGRAPHIC_NAME: Record<ChineseDatum, string> = { CGCS2000: 'China Geodetic Coordinate System 2000', Xian1980: 'Xian 1980', Beijing1954: 'Beijing 1954' };

// Un-prefixed systems are numbered by central meridian 75°E…135°E, which is the same zone range.
const SYSTEMS: ZoneSystem[] = [
  { datum: 'CGCS2000', width: 3, prefixed: true, firstEpsg: 4513, firstZone: 25, lastZone: 45 },
  { datum: 'CGCS2000', width: 3, prefixed: false, firstEpsg: 4534, firstZone: 25, lastZone: 45 },
  { datum: 'CGCS2000', width: 6, prefixed: true, firstEpsg: 4491, firstZone: 13, lastZone: 23 },
  { datum: 'CGCS2000', width: 6, prefixed: false, firstEpsg: 4502, firstZone: 13, lastZone: 23 },
  { datum: 'Xian1980', width: 3, prefixed: true, firstEpsg: 2349, firstZone: 25, lastZone: 45 },
  { datum: 'Xian1980', width: 3, prefixed: false, firstEpsg: 2370, firstZone: 25, lastZone: 45 },
  { datum: 'Xian1980', width: 6, prefixed: true, firstEpsg: 2327, firstZone: 13, lastZone: 23 },
  { datum: 'Xian1980', width: 6, prefixed: false, firstEpsg: 2338, firstZone: 13, lastZone: 23 },
  { datum: 'Beijing1954', width: 3, prefixed: true, firstEpsg: 2401, firstZone: 25, lastZone: 45 },
  { datum: 'Beijing1954', width: 3, prefixed: false, firstEpsg: 2422, firstZone: 25, lastZone: 45 },
  { datum: 'Beijing1954', width: 6, prefixed: true, firstEpsg: 21413, firstZone: 13, lastZone: 23 },
  { datum: 'Beijing1954', width: 6, prefixed: false, firstEpsg: 21453, firstZone: 13, lastZone: 23 },
];

export interface GaussKrugerZone {
  datum: ChineseDatum;
  width: 3 | 6;
  /** Zone number: 25–45 for 3° zones, 13–23 for 6° zones. */
  zone: number;
  /** Whether the easting carries the zone number (x_0 = zone·10⁶ + 500 000). */
  prefixed: boolean;
}

/** Central meridian of a zone, degrees east: 3n for 3° zones, 6n − 3 for 6° zones. */
export function zoneCentralMeridian(width: 3 | 6, zone: number): number {
  return width === 3 ? 3 * zone : 6 * zone - 3;
}

/** The zone whose central meridian is `cm`, or null when `cm` is not a central meridian of that width. */
export function zoneOfCentralMeridian(width: 3 | 6, cm: number): number | null {
  const zone = width === 3 ? cm / 3 : (cm + 3) / 6;
  return Number.isInteger(zone) ? zone : null;
}

function systemOf(z: GaussKrugerZone): ZoneSystem | undefined {
  return SYSTEMS.find((s) => s.datum === z.datum && s.width === z.width && s.prefixed === z.prefixed && z.zone >= s.firstZone && z.zone <= s.lastZone);
}

/** The CrsInfo of a Chinese Gauss-Kruger zone, with its EPSG code when the zone is inside the EPSG table. */
export function gaussKrugerCrs(z: GaussKrugerZone): CrsInfo {
  const cm = zoneCentralMeridian(z.width, z.zone);
  const falseEasting = z.prefixed ? z.zone * 1e6 + 500000 : 500000;
  const system = systemOf(z);
  const degree = z.width === 3 ? '3-degree Gauss-Kruger' : 'Gauss-Kruger';
  const where = z.prefixed ? `zone ${z.zone}` : `CM ${cm}E`;
  return {
    epsg: system ? system.firstEpsg + (z.zone - system.firstZone) : null,
    name: `${DATUM_LABEL[z.datum]} / ${degree} ${where}`,
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${cm} +k=1 +x_0=${falseEasting} +y_0=0 ${ELLIPSOIDS[z.datum].proj4} +units=m +no_defs`,
    kind: 'projected',
    ellipsoid: z.datum,
    transverseMercator: {
      centralMeridian: cm,
      latitudeOfOrigin: 0,
      scale: 1,
      falseEasting,
      falseNorthing: 0,
      zone: { number: z.zone, width: z.width, prefixed: z.prefixed },
    },
  };
}

/** The geographic CRS (longitude, latitude in degrees) of a datum or WGS 84. */
export function geographicCrs(ellipsoid: EllipsoidId): CrsInfo {
  if (ellipsoid === 'WGS84') return { epsg: 4326, name: 'WGS 84', proj4: '+proj=longlat +datum=WGS84 +no_defs', kind: 'geographic', ellipsoid };
  return { epsg: GEOGRAPHIC_EPSG[ellipsoid], name: GEOGRAPHIC_NAME[ellipsoid], proj4: `+proj=longlat ${ELLIPSOIDS[ellipsoid].proj4} +no_defs`, kind: 'geographic', ellipsoid };
}

/** Web Mercator, the display CRS of map tiles. */
export const WEB_MERCATOR: CrsInfo = {
  epsg: 3857,
  name: 'WGS 84 / Pseudo-Mercator',
  proj4: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs',
  kind: 'projected',
  ellipsoid: null,
};

/** The zone an EPSG code of the table stands for, or null when the code is not a Chinese Gauss-Kruger CRS. */
export function zoneOfEpsg(epsg: number): GaussKrugerZone | null {
  for (const s of SYSTEMS) {
    const zone = s.firstZone + (epsg - s.firstEpsg);
    if (zone >= s.firstZone && zone <= s.lastZone) return { datum: s.datum, width: s.width, zone, prefixed: s.prefixed };
  }
  return null;
}

/** The CrsInfo of an EPSG code this product knows (the Chinese zoo, their geographic CRSs, WGS 84, Web Mercator), else null. */
export function knownCrsFromEpsg(epsg: number): CrsInfo | null {
  if (epsg === 3857) return WEB_MERCATOR;
  if (epsg === 4326) return geographicCrs('WGS84');
  const datum = (Object.keys(GEOGRAPHIC_EPSG) as ChineseDatum[]).find((d) => GEOGRAPHIC_EPSG[d] === epsg);
  if (datum) return geographicCrs(datum);
  const zone = zoneOfEpsg(epsg);
  return zone ? gaussKrugerCrs(zone) : null;
}
