/**
 * Opens the file(s) named for an import with the reader for their format. GeoPackages are read here (SQLite is a
 * host matter); shapefiles and bare .dbf tables by core's streaming readers over file ByteSources; GeoJSON, KML and
 * the Ministry coordinate text file by core's readers from the whole file (size-checked first).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_GEOJSON_MAX_BYTES, DEFAULT_KML_MAX_BYTES, InputError, openCoordinatesTxt, openDbfTable, openGeoJson, openKml,
  type TaskContext, type VectorSource,
} from '#core';
import { openFileSource } from '../io/file-source';
import { openGpkgSource } from './gpkg-source';
import type { ImportOptions, ImportSource } from './import-types';
import { resolveGpkgCrs } from './resolve-crs';
import { openShapefileSource } from './shapefile-source';

/** Formats read whole from memory, with the size each reader accepts (checked before the file is read). */
const IN_MEMORY: Record<string, { maxBytes: number; open: (bytes: Uint8Array, file: string, options: ImportOptions) => VectorSource }> = {
  '.geojson': { maxBytes: DEFAULT_GEOJSON_MAX_BYTES, open: (bytes, file, o) => openGeoJson(bytes, { file, crs: o.crs }) },
  '.json': { maxBytes: DEFAULT_GEOJSON_MAX_BYTES, open: (bytes, file, o) => openGeoJson(bytes, { file, crs: o.crs }) },
  '.kml': { maxBytes: DEFAULT_KML_MAX_BYTES, open: (bytes, file) => openKml(bytes, { file }) },
  '.txt': { maxBytes: 256 * 1024 * 1024, open: (bytes, file, o) => openCoordinatesTxt(bytes, { file, crs: o.crs }) },
};

/**
 * Opens an import source.
 * @param files the source file first (a .shp's sidecars are found beside it).
 * @param ctx progress and cancel of the opening scan (shapefiles read every record header once).
 * @throws InputError IMPORT_FILE_NOT_FOUND, IMPORT_UNSUPPORTED_FORMAT, LIMIT_EXCEEDED, and the reader's own errors.
 */
export function openImportSource(files: readonly string[], options: ImportOptions, ctx: TaskContext = {}): ImportSource {
  const main = files[0];
  const ext = path.extname(main).toLowerCase();
  if (!existsSync(main) || !statSync(main).isFile()) throw new InputError('IMPORT_FILE_NOT_FOUND', { file: main });
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
  const name = path.basename(main);
  const read = [{ path: path.resolve(main), sizeBytes: statSync(main).size }];
  if (ext === '.dbf') {
    const dbf = openFileSource(main);
    try {
      const cpg = readSidecarText(main, '.cpg');
      const source = openDbfTable(dbf, { file: name, cpg, encoding: options.encoding });
      return { title: options.title ?? path.basename(main, path.extname(main)), info: source.info, files: read, features: () => source.features(), close: () => dbf.close() };
    } catch (e) {
      dbf.close();
      throw e;
    }
  }
  const reader = IN_MEMORY[ext];
  if (!reader) throw new InputError('IMPORT_UNSUPPORTED_FORMAT', { file: main });
  if (read[0].sizeBytes > reader.maxBytes) throw new InputError('LIMIT_EXCEEDED', { what: name, limit: `${reader.maxBytes} bytes`, value: read[0].sizeBytes });
  const source = reader.open(readFileSync(main), name, options);
  return { title: options.title ?? path.basename(main, path.extname(main)), info: source.info, files: read, features: () => source.features(), close: () => {} };
}

/** The text of a sidecar (e.g. DLTB.cpg beside DLTB.dbf), matched case-insensitively, or null. */
function readSidecarText(file: string, ext: string): string | null {
  const dir = path.dirname(file);
  const want = (path.basename(file, path.extname(file)) + ext).toLowerCase();
  const name = readdirSync(dir).find((n) => n.toLowerCase() === want);
  return name ? readFileSync(path.join(dir, name), 'utf8').trim() : null;
}
