/**
 * Opens the file(s) named for an import with the reader for their format. GeoPackages are read here (SQLite is a
 * host matter); the other formats are read by core's streaming readers over file ByteSources.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '#core';
import { openGpkgSource } from './gpkg-source';
import type { ImportOptions, ImportSource } from './import-types';
import { resolveGpkgCrs } from './resolve-crs';

const READERS_TO_COME: Record<string, string> = {
  '.shp': 'shapefile', '.zip': 'shapefile', '.dbf': 'dbf', '.geojson': 'GeoJSON', '.json': 'GeoJSON', '.kml': 'KML', '.txt': 'coordinate text',
};

/**
 * Opens an import source.
 * @param files the source file first (a .shp may be followed by its sidecars; they are also found beside it).
 * @throws InputError IMPORT_UNSUPPORTED_FORMAT, IMPORT_READER_MISSING, and the reader's own errors.
 */
export function openImportSource(files: readonly string[], options: ImportOptions): ImportSource {
  const main = files[0];
  const ext = path.extname(main).toLowerCase();
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
