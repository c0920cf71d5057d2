/**
 * Cursor coordinates in the project CRS as Chinese surveyors write them: X = northing, Y = easting (with the zone
 * prefix when the CRS has one, e.g. Y = 40 512 345.67), to 0.01 m. proj4 is the same library the host reprojects with.
 */
import proj4 from 'proj4';
import type { CrsInfo } from '#core';

export interface SurveyXY {
  /** Northing, m. */
  x: number;
  /** Easting, m (including the false easting and zone prefix). */
  y: number;
}

const converters = new Map<string, proj4.Converter>();

/** The project-CRS coordinates of a lon/lat point, or null when the CRS is geographic (then degrees are shown). */
export function toSurveyXY(lon: number, lat: number, crs: CrsInfo): SurveyXY | null {
  if (crs.kind !== 'projected') return null;
  let c = converters.get(crs.proj4);
  if (!c) {
    c = proj4('+proj=longlat +datum=WGS84 +no_defs', crs.proj4);
    converters.set(crs.proj4, c);
  }
  const [easting, northing] = c.forward([lon, lat]);
  return { x: northing, y: easting };
}

/** Degrees as d.dddddd° with a hemisphere letter (E/W, N/S). */
export function formatDegrees(value: number, positive: string, negative: string): string {
  return `${Math.abs(value).toFixed(6)}°${value >= 0 ? positive : negative}`;
}
