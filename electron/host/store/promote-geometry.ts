/**
 * Layers store one geometry type per table (GeoPackage requires it, and a shapefile "polygon" layer holds both
 * single- and multi-part polygons), so polygons and lines are stored as their multi types, as GDAL's
 * PROMOTE_TO_MULTI does.
 */
import type { Geometry, GeometryType, MultiPolygon, PolygonalGeometry } from '#core';
import type { GpkgGeometryTypeName } from './spatial-table';

/** The stored geometry type for a source geometry type. Points stay points, unless the source says MultiPoint. */
export function storedGeometryType(source: GeometryType): GeometryType {
  switch (source) {
    case 'Polygon': case 'MultiPolygon': return 'MultiPolygon';
    case 'LineString': case 'MultiLineString': return 'MultiLineString';
    default: return source;
  }
}

/** The GeoPackage geometry_type_name of a geometry type. */
export function gpkgTypeName(type: GeometryType): GpkgGeometryTypeName {
  return type.toUpperCase() as GpkgGeometryTypeName;
}

/** The geometry converted to `target` when that is its own type or its multi type; null when it cannot be. */
export function promoteGeometry(g: Geometry, target: GeometryType): Geometry | null {
  if (g.type === target) return g;
  if (g.type === 'Polygon' && target === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: [g.coordinates] };
  if (g.type === 'LineString' && target === 'MultiLineString') return { type: 'MultiLineString', coordinates: [g.coordinates] };
  if (g.type === 'Point' && target === 'MultiPoint') return { type: 'MultiPoint', coordinates: [g.coordinates] };
  return null;
}

/** A polygon or multipolygon as a multipolygon. */
export function toMultiPolygon(g: PolygonalGeometry): MultiPolygon {
  return g.type === 'MultiPolygon' ? g : { type: 'MultiPolygon', coordinates: [g.coordinates] };
}
