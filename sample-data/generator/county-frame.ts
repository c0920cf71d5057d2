/**
 * Where the synthetic county sits: CGCS2000 3° Gauss-Kruger zone 40 with the zone prefix (EPSG:4528), centred in
 * the hills south-west of Anji town. The generator works in a local metre frame whose origin is a whole-metre
 * easting and northing computed from the centre's longitude and latitude.
 */
import { createTransform, crsFromEpsg, type CrsInfo } from '#core';
import type { Origin } from './gk-geometry';

/** EPSG:4528, CGCS2000 / 3-degree Gauss-Kruger zone 40 (x_0 = 40 500 000, central meridian 120°E). */
export const SAMPLE_EPSG = 4528;

/** Longitude and latitude of the sample's centre (degrees, CGCS2000): hill country near Anji, Zhejiang. */
export const CENTRE_LON_LAT: readonly [number, number] = [119.56, 30.55];

/** The CRS of every generated layer and raster. */
export function sampleCrs(): CrsInfo {
  const crs = crsFromEpsg(SAMPLE_EPSG);
  if (!crs) throw new Error(`EPSG:${SAMPLE_EPSG} is not known to core`);
  return crs;
}

/**
 * The origin that puts `centreLocal` (local metres) on the given longitude and latitude, rounded to whole metres.
 */
export function originFor(centreLocal: readonly [number, number], lonLat: readonly [number, number] = CENTRE_LON_LAT): Origin {
  const geographic = crsFromEpsg(4490)!;
  const [e, n] = createTransform(geographic, sampleCrs()).forward([lonLat[0], lonLat[1]]);
  return { easting: Math.round(e - centreLocal[0]), northing: Math.round(n - centreLocal[1]) };
}
