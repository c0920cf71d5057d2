/**
 * Data export by the target's extension (docs/design/cli.md `vep export`): `.gpkg`, `.shp`, `.geojson`/`.json`,
 * `.kml` and `.txt` (the Ministry boundary-coordinate file). Every format writes through temporary files renamed
 * into place (atomic-write.ts). Coordinates stay in the layer's CRS unless `toCrs` is given; KML is always WGS 84 and
 * the Ministry file keeps the layer's Gauss-Kruger zone.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { createTransform, ellipsoidalAreaFunction, geoJsonChunks, InputError, kmlChunks, transformGeometry, writeCoordinatesTxt, type CoordinatesTxtParcel, type CrsInfo, type Feature, type Properties } from '#core';
import { writeFilesAtomic, writeThroughTemp } from './atomic-write';
import type { ExportFormat, ExportLayer, ExportOptions, ExportResult } from './export-layer';
import { mixedGeometryError } from './geometry-check';
import { writeGeoPackage } from './gpkg-export';
import { writeShapefileSet } from './shapefile-export';

export interface VectorExportOptions extends ExportOptions {
  /** Reproject to this CRS (GeoPackage, shapefile, GeoJSON). */
  toCrs?: CrsInfo | null;
}

const EXTENSIONS: Record<string, ExportFormat> = { '.gpkg': 'gpkg', '.shp': 'shp', '.geojson': 'geojson', '.json': 'geojson', '.kml': 'kml', '.txt': 'txt' };

/** The export format of a target path. @throws InputError EXPORT_FORMAT_UNSUPPORTED */
export function exportFormatOf(target: string): ExportFormat {
  const format = EXTENSIONS[path.extname(target).toLowerCase()];
  if (!format) throw new InputError('EXPORT_FORMAT_UNSUPPORTED', { path: target, formats: Object.keys(EXTENSIONS).join(' ') });
  return format;
}

/**
 * Exports layers to `target`. A GeoPackage takes any number of layers; the other formats exactly one.
 * @throws InputError EXPORT_FORMAT_UNSUPPORTED, EXPORT_ONE_LAYER_ONLY, EXPORT_NO_CRS, EXPORT_NOT_POLYGON, the format
 *   writers' errors, EXPORT_WRITE_FAILED / EXPORT_TARGET_DIR_MISSING.
 */
export async function exportLayers(target: string, layers: readonly ExportLayer[], options: VectorExportOptions = {}): Promise<ExportResult> {
  const format = exportFormatOf(target);
  if (format !== 'gpkg' && layers.length !== 1) throw new InputError('EXPORT_ONE_LAYER_ONLY', { format: format.toUpperCase(), count: layers.length });
  // KML is WGS 84 by definition (its writer reprojects); the Ministry file keeps its Gauss-Kruger zone.
  const toCrs = format === 'kml' || format === 'txt' ? null : (options.toCrs ?? null);
  const ready = toCrs ? layers.map((l) => reprojected(l, toCrs, format)) : layers;
  switch (format) {
    case 'gpkg':
      return writeGeoPackage(target, ready);
    case 'shp':
      return writeShapefileSet(target, ready[0], options);
    case 'geojson':
      return writeTextFile(target, ready[0], 'geojson', (features, crs, l) => geoJsonChunks(features, { crs, name: l.title ?? l.name }));
    case 'kml':
      return writeTextFile(target, ready[0], 'kml', (features, crs, l) => kmlChunks(features, { crs, fields: l.fields, name: l.title ?? l.name, nameField: placemarkNameField(l) }));
    case 'txt':
      return writeCoordinatesFile(target, ready[0], options);
  }
}

function reprojected(layer: ExportLayer, to: CrsInfo, format: ExportFormat): ExportLayer {
  if (layer.geometryType === null) return layer;
  if (!layer.crs) throw new InputError('EXPORT_NO_CRS', { layer: layer.title ?? layer.name, format: format.toUpperCase() });
  if (layer.crs.proj4 === to.proj4) return layer;
  const t = createTransform(layer.crs, to);
  return {
    ...layer,
    crs: to,
    *features(): Iterable<Feature> {
      for (const f of layer.features()) yield f.geometry ? { ...f, geometry: transformGeometry(f.geometry, t) } : f;
    },
  };
}

/** The field that names each KML Placemark (what Google Earth and GIS apps label it with), if the layer has one. */
function placemarkNameField(layer: ExportLayer): string | undefined {
  return ['name', 'dkmc', '名称', '地块名称'].map((c) => layer.fields.find((f) => f.name.toLowerCase() === c)?.name).find((n) => n !== undefined);
}

/** Streams a text format's chunks to the target through a temporary file. */
async function writeTextFile(
  target: string,
  layer: ExportLayer,
  format: 'geojson' | 'kml',
  chunks: (features: Iterable<Feature>, crs: CrsInfo, layer: ExportLayer) => Iterable<string>,
): Promise<ExportResult> {
  if (!layer.crs) throw new InputError('EXPORT_NO_CRS', { layer: layer.title ?? layer.name, format: format === 'kml' ? 'KML' : 'GeoJSON' });
  const crs = layer.crs;
  let count = 0;
  const counted = function* () {
    for (const f of layer.features()) {
      count++;
      yield f;
    }
  };
  await writeThroughTemp(target, (tmp) => {
    const fd = openSync(tmp, 'wx');
    try {
      for (const chunk of chunks(counted(), crs, layer)) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
  });
  return { format, files: [target], layers: [{ name: layer.name, featureCount: count, renamedFields: {} }], warnings: [] };
}

/**
 * The Ministry boundary-coordinate file (docs/methods/sandiao-data.md §7): one parcel per polygon, its 地块面积 in
 * hectares from the 三调 ellipsoidal area on the layer's own ellipsoid (core's ellipsoidalAreaFunction, §6.1), its
 * 地块编号 / 名称 / 图幅号 / 用途 / 地类编码 from fields of those names (or id/BSM and name/名称), GBK unless UTF-8 is asked.
 */
async function writeCoordinatesFile(target: string, layer: ExportLayer, options: ExportOptions): Promise<ExportResult> {
  if (!layer.crs) throw new InputError('EXPORT_NO_CRS', { layer: layer.title ?? layer.name, format: 'TXT' });
  if (layer.geometryType !== 'Polygon' && layer.geometryType !== 'MultiPolygon') throw new InputError('EXPORT_NOT_POLYGON', { layer: layer.title ?? layer.name, found: layer.geometryType ?? 'none' });
  const crs = layer.crs;
  const areaM2 = ellipsoidalAreaFunction(crs);
  const pick = coordinateFieldPicker(layer);
  const parcels: CoordinatesTxtParcel[] = [];
  for (const f of layer.features()) {
    const g = f.geometry;
    if (!g) continue;
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') throw mixedGeometryError(layer, parcels.length + 1, g.type, 'MultiPolygon', 'TXT');
    parcels.push({ geometry: g, properties: pick(f.properties), areaHa: areaM2(g) / 10_000 });
  }
  const bytes = writeCoordinatesTxt(parcels, { crs, encoding: options.encoding ?? 'GBK' });
  writeFilesAtomic([{ path: target, bytes }]);
  return { format: 'txt', files: [target], layers: [{ name: layer.name, featureCount: parcels.length, renamedFields: {} }], warnings: [] };
}

const TXT_FIELDS: Record<'DKBH' | 'DKMC' | 'TFH' | 'DKYT' | 'DLBM', string[]> = {
  DKBH: ['dkbh', '地块编号', 'bsm', 'id', 'parcel_id'],
  DKMC: ['dkmc', '地块名称', 'name', '名称'],
  TFH: ['tfh', '图幅号'],
  DKYT: ['dkyt', '地块用途', '用途'],
  DLBM: ['dlbm', '地类编码'],
};

/** Maps a layer's fields onto the five attributes of a parcel line, by name (case-insensitive). */
function coordinateFieldPicker(layer: ExportLayer): (p: Properties) => Properties {
  const names = layer.fields.map((f) => f.name);
  const source = Object.fromEntries(
    Object.entries(TXT_FIELDS).map(([key, candidates]) => [key, candidates.map((c) => names.find((n) => n.toLowerCase() === c)).find((n) => n !== undefined) ?? null]),
  );
  return (p) => Object.fromEntries(Object.entries(source).map(([key, field]) => [key, field === null ? null : (p[field] ?? null)]));
}
