import geodesic from 'geographiclib-geodesic';
import proj4 from 'proj4';
import { ELLIPSOIDS, type EllipsoidId } from '../crs/ellipsoid';
import { InputError } from '../errors';
import type { Ring } from '../types';
import type { RingsAreaFn } from './gauss-kruger-area';

/**
 * Ellipsoidal areas from longitude/latitude with geodesic edges (docs/methods/sandiao-data.md §6.1 implementation
 * notes: geographic layers skip Step 1; their edges are geodesics by GIS convention, and GeographicLib's
 * PolygonArea — the algorithm behind pyproj.Geod — integrates them exactly). Rings: |shell| − Σ|holes| per part.
 */

/** Area function for rings of [longitude, latitude] in degrees on the given ellipsoid. */
export function geographicArea(ellipsoid: EllipsoidId): RingsAreaFn {
  const { a, rf } = ELLIPSOIDS[ellipsoid];
  const polygon = new geodesic.Geodesic.Geodesic(a, 1 / rf).Polygon(false);
  const ringArea = (ring: Ring): number => {
    polygon.Clear();
    const n = closedLength(ring);
    for (let i = 0; i < n; i++) {
      const lon = ring[i][0];
      const lat = ring[i][1];
      // Written so that NaN fails too; a projected layer declared geographic lands here.
      if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 540)) throw new InputError('GEOMETRY_NOT_LONLAT', { x: lon, y: lat });
      polygon.AddPoint(lat, lon);
    }
    // `area` is optional in the typings because polylines have none; a polygon always has one.
    return n < 3 ? 0 : Math.abs(polygon.Compute(false, true).area ?? 0);
  };
  return (parts) => sumParts(parts, ringArea);
}

/**
 * Area function for a projected CRS that is not transverse Mercator (Albers, Lambert…): each edge is first split
 * into pieces of at most `densifyM` in the projected plane (as Step 0 does for Gauss-Kruger, so the edge follows
 * the straight line of the data's own plane), every vertex is inverse-projected with proj4 — projection only, no
 * datum shift — and the ring is measured with geodesic edges between those closely spaced vertices.
 */
export function projectedArea(proj4Def: string, ellipsoid: EllipsoidId, densifyM: number | null): RingsAreaFn {
  const { a, rf } = ELLIPSOIDS[ellipsoid];
  // Without +datum/+towgs84 the target has no datum, so proj4 applies no datum transformation.
  const toLonLat = proj4(proj4Def, `+proj=longlat +a=${a} +rf=${rf} +no_defs`);
  const polygon = new geodesic.Geodesic.Geodesic(a, 1 / rf).Polygon(false);
  const xy = [0, 0];
  const add = (x: number, y: number): void => {
    xy[0] = x;
    xy[1] = y;
    const [lon, lat] = toLonLat.forward(xy);
    if (!(Math.abs(lat) <= 90 && Number.isFinite(lon))) throw new InputError('GEOMETRY_OUTSIDE_PROJECTION', { x, y, crs: proj4Def });
    polygon.AddPoint(lat, lon);
  };
  const ringArea = (ring: Ring): number => {
    const n = closedLength(ring);
    if (n < 3) return 0;
    polygon.Clear();
    for (let i = 0; i < n; i++) {
      const [x1, y1] = ring[i];
      const [x2, y2] = ring[(i + 1) % n];
      const lengthM = Math.hypot(x2 - x1, y2 - y1);
      // No edge of a real polygon is longer than half a meridian; a longer one would densify without end.
      if (!(lengthM <= MAX_EDGE_M)) throw new InputError('GEOMETRY_OUTSIDE_PROJECTION', { x: x2, y: y2, crs: proj4Def });
      const pieces = densifyM === null ? 1 : Math.max(1, Math.ceil(lengthM / densifyM));
      for (let j = 0; j < pieces; j++) add(x1 + ((x2 - x1) * j) / pieces, y1 + ((y2 - y1) * j) / pieces);
    }
    return Math.abs(polygon.Compute(false, true).area ?? 0);
  };
  return (parts) => sumParts(parts, ringArea);
}

const MAX_EDGE_M = 2e7;

/** Number of distinct vertices (drops the closing repeat). */
function closedLength(ring: Ring): number {
  const n = ring.length;
  return n > 1 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1] ? n - 1 : n;
}

function sumParts(parts: readonly Ring[][], ringArea: (ring: Ring) => number): number {
  let total = 0;
  for (const part of parts) {
    for (let r = 0; r < part.length; r++) total += r === 0 ? ringArea(part[r]) : -ringArea(part[r]);
  }
  return total;
}
