/**
 * The union of several polygons (parcels chosen as one red line, or the parts of an imported red-line file) with
 * JTS: shared parcel boundaries dissolve, so the red line is one clean outline. Unions are taken pairwise in a
 * balanced tree (as JTS's cascaded union does), so n parcels cost about n log n, not n².
 */
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import type Geometry from 'jsts/org/locationtech/jts/geom/Geometry.js';
import GeoJSONReader from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
import GeoJSONWriter from 'jsts/org/locationtech/jts/io/GeoJSONWriter.js';
import type { MultiPolygon, Polygon } from '#core';

/** The union of `polygons` as one polygon or multipolygon (same coordinates; no CRS change). */
export function unionPolygons(polygons: readonly (Polygon | MultiPolygon)[]): Polygon | MultiPolygon {
  if (polygons.length === 1) return polygons[0];
  // jsts's bundled typings disagree with its own module paths about GeometryFactory; the runtime object is right.
  const reader = new GeoJSONReader(new GeometryFactory() as never);
  let level: Geometry[] = polygons.map((p) => reader.read(p as never) as unknown as Geometry);
  while (level.length > 1) {
    const next: Geometry[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? (level[i] as unknown as { union(o: Geometry): Geometry }).union(level[i + 1]) : level[i]);
    level = next;
  }
  return new GeoJSONWriter().write(level[0] as never) as unknown as Polygon | MultiPolygon;
}
