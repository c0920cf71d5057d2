/**
 * A polygon or multipolygon moved into a grid's pixel space (column, row; cell (c, r) is the unit square
 * [c, c+1] × [r, r+1]) — where GDAL's rasterizer works too, so rotated grids need nothing special and areas in
 * pixel space are proportional to areas on the ground (the geotransform is affine).
 */
import { InputError } from '../errors';
import type { PolygonalGeometry, Position } from '../types';
import { worldToPixel, worldToPixelPrecise, type GeoTransform } from './geo-transform';

export interface PixelPolygon {
  /** Each ring as interleaved x, y pixel coordinates, closed or not. */
  rings: Float64Array[];
  /** Whether ring i is the outer ring of its polygon (false for holes). */
  outer: boolean[];
  /** Index of the polygon (of a MultiPolygon) ring i belongs to. */
  polygonOf: number[];
  /** [minX, minY, maxX, maxY] over all vertices. */
  bounds: [number, number, number, number];
}

/**
 * Moves a polygonal geometry into pixel space.
 * @param gt the grid's geotransform and `inverse` its inverse.
 * @param mode 'gdal' applies the inverse geotransform as GDAL's rasterizer does (so cell-centre ties round the same
 *   way); 'precise' works from offsets to the origin (~1e-9 cell more accurate with large eastings), for areas.
 * @param toGrid optional transformation of positions into the grid's CRS first.
 * @throws InputError GEOMETRY_NON_FINITE for a vertex that is not finite, or cannot be transformed into the grid.
 */
export function toPixelPolygon(geometry: PolygonalGeometry, gt: GeoTransform, inverse: GeoTransform, mode: 'gdal' | 'precise', toGrid?: (p: Position) => Position): PixelPolygon {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const rings: Float64Array[] = [];
  const outer: boolean[] = [];
  const polygonOf: number[] = [];
  const bounds: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  polygons.forEach((polygon, p) => {
    polygon.forEach((ring, i) => {
      const xy = new Float64Array(ring.length * 2);
      ring.forEach((position, k) => {
        const [x, y] = toGrid ? toGrid(position) : position;
        const [px, py] = mode === 'gdal' ? worldToPixel(inverse, x, y) : worldToPixelPrecise(gt, inverse, x, y);
        if (!Number.isFinite(px) || !Number.isFinite(py)) {
          throw new InputError('GEOMETRY_NON_FINITE', { what: 'parcel piece', part: p + 1, ring: i + 1, vertex: k + 1, x: String(position[0]), y: String(position[1]) });
        }
        xy[2 * k] = px;
        xy[2 * k + 1] = py;
        if (px < bounds[0]) bounds[0] = px;
        if (py < bounds[1]) bounds[1] = py;
        if (px > bounds[2]) bounds[2] = px;
        if (py > bounds[3]) bounds[3] = py;
      });
      rings.push(xy);
      outer.push(i === 0);
      polygonOf.push(p);
    });
  });
  return { rings, outer, polygonOf, bounds };
}

/** Twice the signed area of a ring (shoelace), positive when counter-clockwise in a y-up frame. */
export function ringDoubleArea(ring: Float64Array): number {
  const n = ring.length / 2;
  let sum = 0;
  for (let i = 0, j = n - 1; i < n; j = i++) sum += (ring[2 * j] - ring[2 * i]) * (ring[2 * j + 1] + ring[2 * i + 1]);
  return sum;
}
