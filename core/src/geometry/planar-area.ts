import type { Geometry, Position } from '../types';
import { assertFiniteCoordinates, polygonParts } from './polygonal';

/**
 * Signed shoelace area of one ring in its own plane units², counter-clockwise (x east, y north) positive.
 * Coordinates are taken relative to the first vertex: with 8-digit zone-prefixed eastings the products x·y would
 * otherwise be ~1e14 and lose the centimetres.
 */
export function ringSignedArea(ring: readonly Position[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  const x0 = ring[0][0];
  const y0 = ring[0][1];
  let sum = 0;
  let px = 0;
  let py = 0;
  // The closing edge back to vertex 0 contributes px·0 − 0·py = 0, so unclosed rings need no special case.
  for (let i = 1; i < n; i++) {
    const x = ring[i][0] - x0;
    const y = ring[i][1] - y0;
    sum += px * y - x * py;
    px = x;
    py = y;
  }
  return sum / 2;
}

/**
 * Planar area of a Polygon or MultiPolygon in the square units of its CRS (m² for a projected CRS): for every
 * part, |shell| − Σ|holes|, summed over parts — the same hole and part rule as the ellipsoidal area
 * (docs/methods/sandiao-data.md §6.1 Step 3), so orientation in the file does not matter.
 *
 * @param geometry Polygon or MultiPolygon, coordinates [easting, northing].
 * @returns the area (not rounded).
 * @throws InputError GEOMETRY_NOT_POLYGONAL for other geometry types, GEOMETRY_NON_FINITE for NaN/∞ coordinates.
 * @example planarAreaM2({ type: 'Polygon', coordinates: [[[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]]] }) // 10000
 */
export function planarAreaM2(geometry: Geometry): number {
  const parts = polygonParts(geometry);
  let total = 0;
  for (const part of parts) {
    let area = 0;
    for (let r = 0; r < part.length; r++) {
      const a = Math.abs(ringSignedArea(part[r]));
      area += r === 0 ? a : -a;
    }
    total += area;
  }
  if (!Number.isFinite(total)) assertFiniteCoordinates(parts);
  return total;
}
