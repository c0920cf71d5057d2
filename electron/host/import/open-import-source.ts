/**
 * Opens the file(s) named for an import with the reader for their format. GeoPackages are read here (SQLite is a
 * host matter); the other formats are read by core's streaming readers over file ByteSources.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { InputError, type TaskContext } from '#core';
import { openGpkgSource } from './gpkg-source';
import type { ImportOptions, ImportSource } from './import-types';
import { resolveGpkgCrs } from './resolve-crs';
import { openShapefileSource } from './shapefile-source';

const READERS_TO_COME: Record<string, string> = {
  '.dbf': 'dbf', '.geojson': 'GeoJSON', '.json': 'GeoJSON', '.kml': 'KML', '.txt': 'coordinate text',
};

/**
 * Opens an import source.
 * @param files the source file first (a .shp's sidecars are found beside it).
 * @param ctx progress and cancel of the opening scan (shapefiles read every record header once).
 * @throws InputError IMPORT_UNSUPPORTED_FORMAT, IMPORT_READER_MISSING, and the reader's own errors.
 */
export function openImportSource(files: readonly string[], options: ImportOptions, ctx: TaskContext = {}): ImportSource {
  const main = files[0];
  const ext = path.extname(main).toLowerCase();
  if (ext === '.shp' || ext === '.zip') return openShapefileSource(main, options, ctx);
  if (ext === '.gpkg') {
    const source = openGpkgSource(main, { layer: options.layer, crs: options.crs, resolveCrs: resolveGpkgCrs });
    return {
      title: options.title ?? source.table,
      info: source.info,
      files: [{ path: path.resolve(main), sizeBytes: statSync(main).size }],
      features: () => source.features(),
      close: () => source.close(),
    };
  }
  if (ext in READERS_TO_COME) throw new InputError('IMPORT_READER_MISSING', { file: main, format: READERS_TO_COME[ext] });
  throw new InputError('IMPORT_UNSUPPORTED_FORMAT', { file: main });
}
