/**
 * GeoJSON text laid out the way GDAL's GeoJSON driver writes it (one feature per line), either in a projected
 * CRS with the legacy `crs` member GDAL adds (`urn:ogc:def:crs:EPSG::4528`), or as RFC 7946 (WGS 84 longitude and
 * latitude, no `crs` member).
 */
import type { Geometry, Properties } from '#core';

export interface GeoJsonFeature {
  properties: Properties;
  geometry: Geometry;
}

/**
 * @param epsg the CRS to name in the `crs` member, or null for RFC 7946 WGS 84.
 * @param decimals coordinate decimals (3 for metres = millimetres, 9 for degrees ≈ 0.1 mm).
 */
export function geoJsonText(name: string, features: readonly GeoJsonFeature[], epsg: number | null, decimals: number): string {
  const lines = ['{', '"type": "FeatureCollection",', `"name": ${JSON.stringify(name)},`];
  if (epsg !== null) lines.push(`"crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:EPSG::${epsg}" } },`);
  lines.push('"features": [');
  features.forEach((f, i) => {
    const props = Object.entries(f.properties).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ');
    const sep = i + 1 < features.length ? ',' : '';
    lines.push(`{ "type": "Feature", "properties": { ${props} }, "geometry": { "type": "${f.geometry.type}", "coordinates": ${coordinates(f.geometry, decimals)} } }${sep}`);
  });
  lines.push(']', '}');
  return lines.join('\n') + '\n';
}

function coordinates(g: Geometry, decimals: number): string {
  const pos = (p: number[]) => `[ ${p.map((v) => v.toFixed(decimals)).join(', ')} ]`;
  const list = <T>(items: readonly T[], f: (t: T) => string) => `[ ${items.map(f).join(', ')} ]`;
  switch (g.type) {
    case 'Point':
      return pos(g.coordinates);
    case 'MultiPoint':
    case 'LineString':
      return list(g.coordinates, pos);
    case 'MultiLineString':
    case 'Polygon':
      return list(g.coordinates, (r) => list(r, pos));
    case 'MultiPolygon':
      return list(g.coordinates, (poly) => list(poly, (r) => list(r, pos)));
  }
}
