/**
 * Data export by the target's extension (docs/design/cli.md `vep export`): `.gpkg`, `.shp`, `.geojson`/`.json`,
 * `.kml` and `.txt` (the Ministry boundary-coordinate file). Every format writes through temporary files renamed
 * into place (atomic-write.ts). Coordinates stay in the layer's CRS unless `toCrs` is given; KML is always WGS 84.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { createTransform, crsFromEpsg, geoJsonChunks, InputError, transformGeometry, type CrsInfo, type Feature } from '#core';
import { writeThroughTemp } from './atomic-write';
import type { ExportFormat, ExportLayer, ExportOptions, ExportResult } from './export-layer';
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
  const toCrs = format === 'kml' ? WGS84_LONLAT : (options.toCrs ?? null);
  const ready = toCrs ? layers.map((l) => reprojected(l, toCrs, format)) : layers;
  switch (format) {
    case 'gpkg':
      return writeGeoPackage(target, ready);
    case 'shp':
      return writeShapefileSet(target, ready[0], options);
    case 'geojson':
      return writeGeoJsonFile(target, ready[0]);
    case 'kml':
    case 'txt':
      return writeWithCoreWriter(target, ready[0], format, options);
  }
}

const WGS84_LONLAT: CrsInfo = crsFromEpsg(4326)!;

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

async function writeGeoJsonFile(target: string, layer: ExportLayer): Promise<ExportResult> {
  if (!layer.crs) throw new InputError('EXPORT_NO_CRS', { layer: layer.title ?? layer.name, format: 'GeoJSON' });
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
      for (const chunk of geoJsonChunks(counted(), { crs, name: layer.title ?? layer.name })) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
  });
  return { format: 'geojson', files: [target], layers: [{ name: layer.name, featureCount: count, renamedFields: {} }], warnings: [] };
}

async function writeWithCoreWriter(target: string, _layer: ExportLayer, format: 'kml' | 'txt', _options: ExportOptions): Promise<ExportResult> {
  throw new InputError('EXPORT_FORMAT_UNSUPPORTED', { path: target, formats: `.gpkg .shp .geojson (${format} to come)` });
}
