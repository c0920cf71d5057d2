/**
 * Geometries cross to the UI in WGS84 lon/lat (what MapLibre draws). The transforms are the store's own proj4
 * converters (store/reproject.ts), so a vertex sent to the UI and back lands where it was to well under a millimetre.
 * CGCS2000 and WGS84 are treated as the same datum here, as proj4 does without a towgs84 clause (they differ by
 * centimetres, below what a map shows).
 */
import type { CrsInfo, Extent, Geometry, Position } from '#core';
import { crsTransform, mapGeometry } from '../store/reproject';

export const WGS84: CrsInfo = {
  epsg: 4326,
  name: 'WGS 84',
  proj4: '+proj=longlat +datum=WGS84 +no_defs',
  kind: 'geographic',
  ellipsoid: 'WGS84',
};

/** A geometry of `crs` in lon/lat. */
export function toLonLat<G extends Geometry>(g: G, crs: CrsInfo): G {
  return mapGeometry(g, crsTransform(crs, WGS84).forward);
}

/** A lon/lat geometry in `crs`. */
export function fromLonLat<G extends Geometry>(g: G, crs: CrsInfo): G {
  return mapGeometry(g, crsTransform(crs, WGS84).inverse);
}

/**
 * The lon/lat box of an extent of `crs`, from points along its edges (a projected box's edges are curves in
 * degrees, so corners alone can miss a bulge).
 */
export function extentToLonLat(extent: Extent, crs: CrsInfo): Extent {
  return boxThrough(edgePoints(extent), crsTransform(crs, WGS84).forward);
}

/** The box of `crs` that covers a lon/lat box. */
export function extentFromLonLat(box: Extent, crs: CrsInfo): Extent {
  return boxThrough(edgePoints(box), crsTransform(crs, WGS84).inverse);
}

function edgePoints([x0, y0, x1, y1]: Extent, steps = 8): Position[] {
  const pts: Position[] = [];
  for (let i = 0; i <= steps; i++) {
    const fx = x0 + ((x1 - x0) * i) / steps;
    const fy = y0 + ((y1 - y0) * i) / steps;
    pts.push([fx, y0], [fx, y1], [x0, fy], [x1, fy]);
  }
  return pts;
}

function boxThrough(points: Position[], f: (p: Position) => Position): Extent {
  const box: Extent = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    const [x, y] = f(p);
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }
  return box;
}
