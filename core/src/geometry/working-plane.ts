import proj4 from 'proj4';
import type { CrsInfo } from '../crs/crs-info';
import { ELLIPSOIDS } from '../crs/ellipsoid';
import { gaussKrugerCrs } from '../crs/zone-table';
import { InputError } from '../errors';
import type { Position, Ring } from '../types';

/**
 * The metric plane in which buffers are computed (docs/design/cli.md `--buffer`): a projected layer's own CRS, or for
 * a geographic layer the 3° Gauss-Kruger zone (no zone prefix) of the geometry's centroid on the layer's own
 * ellipsoid. The buffer distance is a distance in that plane (docs/design/cli.md); a GK plane stretches ground
 * distances by m ≈ 1 + y′²/(2R²), y′ the distance from the central meridian: 6e-5 at 70 km, 3e-4 at a 3° zone's
 * edge (~150 km) — 0.06 m and 0.3 m on a 1 km buffer.
 */
export interface WorkingPlane {
  /** The plane's CRS (the input CRS itself for projected layers). */
  crs: CrsInfo;
  toPlane(parts: readonly Ring[][]): Ring[][];
  fromPlane(parts: readonly Ring[][]): Ring[][];
}

/** @throws InputError GEOMETRY_CRS_NO_ELLIPSOID for a geographic CRS without an ellipsoid. */
export function workingPlane(parts: readonly Ring[][], crs: CrsInfo): WorkingPlane {
  if (crs.kind === 'projected') return { crs, toPlane: (p) => p.map((part) => part.map((r) => r.slice())), fromPlane: (p) => p.map((part) => part.slice()) };
  const ellipsoid = crs.ellipsoid;
  if (!ellipsoid) throw new InputError('GEOMETRY_CRS_NO_ELLIPSOID', { crs: crs.name });
  const zone = Math.round(centroidLongitude(parts) / 3);
  const plane: CrsInfo = ellipsoid === 'WGS84'
    ? { ...gaussKrugerCrs({ datum: 'CGCS2000', width: 3, zone, prefixed: false }), epsg: null, name: `WGS 84 / 3-degree Gauss-Kruger CM ${3 * zone}E`, ellipsoid, proj4: `+proj=tmerc +lat_0=0 +lon_0=${3 * zone} +k=1 +x_0=500000 +y_0=0 ${ELLIPSOIDS.WGS84.proj4} +units=m +no_defs` }
    : gaussKrugerCrs({ datum: ellipsoid, width: 3, zone, prefixed: false });
  // Both ends on the same ellipsoid and neither with datum-shift parameters: proj4 projects, it does not shift.
  const converter = proj4(`+proj=longlat ${ELLIPSOIDS[ellipsoid].proj4} +no_defs`, plane.proj4);
  const map = (parts: readonly Ring[][], f: (p: Position) => Position) => parts.map((part) => part.map((ring) => ring.map(f)));
  return {
    crs: plane,
    toPlane: (p) => map(p, (q) => converter.forward([q[0], q[1]])),
    fromPlane: (p) => map(p, (q) => converter.inverse([q[0], q[1]])),
  };
}

/** Longitude of the area centroid of the shells (planar in degrees: fine for choosing a 3° zone). */
function centroidLongitude(parts: readonly Ring[][]): number {
  let sumA = 0;
  let sumX = 0;
  let first = NaN;
  for (const part of parts) {
    const ring = part[0];
    if (!ring || ring.length === 0) continue;
    if (Number.isNaN(first)) first = ring[0][0];
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x1, y1] = ring[i];
      const [x2, y2] = ring[i + 1];
      const cross = x1 * y2 - x2 * y1;
      sumA += cross;
      sumX += (x1 + x2) * cross;
    }
  }
  const lon = sumA !== 0 ? sumX / (3 * sumA) : first;
  if (!(Math.abs(lon) <= 180)) throw new InputError('GEOMETRY_NOT_LONLAT', { x: lon, y: '' });
  return lon;
}
