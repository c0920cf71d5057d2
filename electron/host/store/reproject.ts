/**
 * Reprojection of whole geometries between two CRSs with core's createTransform (the one transform of the product:
 * proj4 with the datum handling of core/src/crs/transform.ts). The store uses it to bring a red line drawn or
 * imported in another CRS into the project CRS; the tile service to go from a layer's CRS to Web Mercator.
 */
import { createTransform, type CrsInfo, type Geometry, type Position } from '#core';

export type PointTransform = (p: Position) => Position;

const cache = new Map<string, { forward: PointTransform; inverse: PointTransform }>();

/** Forward and inverse point transforms between two CRSs (identity when the definitions are equal). */
export function crsTransform(from: CrsInfo, to: CrsInfo): { forward: PointTransform; inverse: PointTransform } {
  const key = `${from.proj4}\n${to.proj4}`;
  let t = cache.get(key);
  if (!t) {
    if (from.proj4 === to.proj4) {
      t = { forward: (p) => [p[0], p[1]], inverse: (p) => [p[0], p[1]] };
    } else {
      const transform = createTransform(from, to);
      t = { forward: (p) => transform.forward([p[0], p[1]]), inverse: (p) => transform.inverse([p[0], p[1]]) };
    }
    cache.set(key, t);
  }
  return t;
}

/** The geometry with every position mapped through `f` (extra ordinates dropped). */
export function mapGeometry<G extends Geometry>(g: G, f: PointTransform): G {
  switch (g.type) {
    case 'Point': return { type: 'Point', coordinates: g.coordinates.length ? f(g.coordinates) : [] } as G;
    case 'MultiPoint': case 'LineString': return { type: g.type, coordinates: g.coordinates.map(f) } as G;
    case 'MultiLineString': case 'Polygon': return { type: g.type, coordinates: g.coordinates.map((l) => l.map(f)) } as G;
    case 'MultiPolygon': return { type: g.type, coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) } as G;
    default: return g;
  }
}

/** Reprojects a geometry from one CRS to another. */
export function reprojectGeometry<G extends Geometry>(g: G, from: CrsInfo, to: CrsInfo): G {
  if (from.proj4 === to.proj4) return g;
  return mapGeometry(g, crsTransform(from, to).forward);
}
