/**
 * A layer as an ESRI shapefile: .shp, .shx, .dbf, .cpg and (with a CRS) .prj, by core's writer (GBK by default with a
 * .cpg saying so and LDID 0x4D; UTF-8 on request), written as one atomic set. DBF field names are cut to 10 bytes
 * the way GDAL cuts them; the result reports every renamed field so the user can map them back.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { crsToEsriWkt, writeShapefile, type Feature, type GeometryType } from '#core';
import { writeFilesAtomic } from './atomic-write';
import type { ExportLayer, ExportOptions, ExportResult } from './export-layer';
import { mixedGeometryError } from './geometry-check';

/** The shapefile layer type of each geometry type: single and multi parts share one. */
const SHAPE_FAMILY: Record<GeometryType, GeometryType> = {
  Point: 'Point', MultiPoint: 'MultiPoint', LineString: 'LineString', MultiLineString: 'LineString', Polygon: 'Polygon', MultiPolygon: 'Polygon',
};

/** Spatial-index sidecars other programs leave beside a shapefile; stale once the .shp changes. */
const STALE_SIDECARS = ['.qix', '.sbn', '.sbx'];

/**
 * Writes one layer as a shapefile at `target` (the .shp path).
 * @throws InputError EXPORT_MIXED_GEOMETRY, the core writer's SHP_WRITE_* and DBF_WRITE_* errors (a value GBK cannot
 *   encode is an error naming field, record and character — never a silent '?'), EXPORT_WRITE_FAILED.
 */
export function writeShapefileSet(target: string, layer: ExportLayer, options: ExportOptions = {}): ExportResult {
  const type = layer.geometryType === null ? 'Point' : SHAPE_FAMILY[layer.geometryType];
  // Fields with a short name go in under it (their values are re-keyed); the rest are cut by core as GDAL cuts them.
  const fields = layer.fields.map((f) => ({ name: f.shortName ?? f.name, type: f.type, width: f.width, decimals: f.decimals }));
  const rekey = layer.fields.some((f) => f.shortName !== undefined);
  const features: Feature[] = [];
  for (const f of layer.features()) {
    if (f.geometry && SHAPE_FAMILY[f.geometry.type] !== type && !(type === 'MultiPoint' && f.geometry.type === 'Point')) {
      throw mixedGeometryError(layer, features.length + 1, f.geometry.type, type, 'Shapefile');
    }
    features.push(rekey ? { ...f, properties: Object.fromEntries(layer.fields.map((d, i) => [fields[i].name, f.properties[d.name] ?? null])) } : f);
  }
  const out = writeShapefile(features, { geometryType: type, fields, encoding: options.encoding ?? 'GBK', prj: layer.crs ? crsToEsriWkt(layer.crs) : null });
  const stem = target.replace(/\.shp$/i, '');
  const upper = path.extname(target) === '.SHP';
  const file = (ext: string) => stem + (upper ? ext.toUpperCase() : ext);
  const parts = [
    { path: file('.shx'), bytes: out.shx },
    { path: file('.dbf'), bytes: out.dbf },
    { path: file('.cpg'), bytes: out.cpg },
    ...(out.prj ? [{ path: file('.prj'), bytes: out.prj }] : []),
    { path: target, bytes: out.shp },
  ];
  writeFilesAtomic(parts);
  // A .prj or spatial index left from an earlier file of this name would now describe the wrong data.
  for (const ext of [...STALE_SIDECARS, ...(out.prj ? [] : ['.prj'])]) rmSync(file(ext), { force: true });
  const renamedFields: Record<string, string> = {};
  layer.fields.forEach((f, i) => {
    const written = out.fieldNames[fields[i].name] ?? fields[i].name;
    if (written !== f.name) renamedFields[f.name] = written;
  });
  return {
    format: 'shp',
    files: [target, ...parts.slice(0, -1).map((p) => p.path)],
    layers: [{ name: layer.name, featureCount: features.length, renamedFields }],
    warnings: out.warnings.map((w) => ({ code: w.code, details: w.details as Record<string, unknown> })),
  };
}
