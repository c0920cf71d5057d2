/**
 * From the generator's local metre frame to Gauss-Kruger coordinates as a survey delivers them: origin added, then
 * rounded to the millimetre. A vertex shared by two parcels rounds the same way for both, so they still meet
 * exactly; vertices that round onto their neighbour are dropped, and a ring that collapses goes with them.
 */
import type { MultiPolygon, Polygon, Position } from '#core';
import type { IdPolygon } from './rings';

/** Where the local frame sits in the projected CRS: the easting and northing of local (0, 0), whole metres. */
export interface Origin {
  easting: number;
  northing: number;
}

/** Rounds a projected coordinate to 0.001 m. */
export function toMillimetre(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * The geometry of a parcel: a Polygon for one part, a MultiPolygon for several. Rings are closed and keep the
 * local frame's winding (outer counter-clockwise, holes clockwise).
 * @returns null when every part collapsed (cannot happen for cells of normal size).
 */
export function gkGeometry(polygons: readonly IdPolygon[], vx: Float64Array, vy: Float64Array, origin: Origin): Polygon | MultiPolygon | null {
  const parts: Position[][][] = [];
  for (const polygon of polygons) {
    const rings: Position[][] = [];
    for (const ids of polygon) {
      const ring = gkRing(ids, vx, vy, origin);
      if (ring) rings.push(ring);
      else if (rings.length === 0) break; // a collapsed outer ring takes its holes with it
    }
    if (rings.length > 0) parts.push(rings);
  }
  if (parts.length === 0) return null;
  return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
}

function gkRing(ids: readonly number[], vx: Float64Array, vy: Float64Array, origin: Origin): Position[] | null {
  const ring: Position[] = [];
  for (const id of ids) {
    const p = [toMillimetre(origin.easting + vx[id]), toMillimetre(origin.northing + vy[id])];
    const last = ring[ring.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) ring.push(p);
  }
  while (ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1]) ring.pop();
  if (ring.length < 3) return null;
  ring.push(ring[0]);
  return ring;
}
