import type { EllipsoidId } from './ellipsoid';

/**
 * A coordinate reference system as core uses it: enough to reproject (proj4), to compute 三调 ellipsoidal
 * areas (ellipsoid + Gauss-Kruger parameters) and to name it to the user.
 */
export interface CrsInfo {
  /** The EPSG code when the definition matches one exactly, else null. */
  epsg: number | null;
  /** Human-readable name, e.g. "CGCS2000 / 3-degree Gauss-Kruger zone 40". */
  name: string;
  /** A proj4 definition string; axis order is always (easting, northing) / (lon, lat). */
  proj4: string;
  kind: 'projected' | 'geographic';
  ellipsoid: EllipsoidId | null;
  /** Present for transverse-Mercator (Gauss-Kruger) CRSs. */
  transverseMercator?: TransverseMercatorParams;
}

export interface TransverseMercatorParams {
  /** Central meridian, degrees east. */
  centralMeridian: number;
  /** Latitude of origin, degrees. */
  latitudeOfOrigin: number;
  /** Scale factor on the central meridian. */
  scale: number;
  /** False easting in metres, including the zone prefix (e.g. 40 500 000 for 3° zone 40). */
  falseEasting: number;
  falseNorthing: number;
  /** The zone number and width when this is one of the standard Chinese zone systems, else null. */
  zone: { number: number; width: 3 | 6; prefixed: boolean } | null;
}
