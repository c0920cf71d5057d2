/**
 * Opens any vector file VEP Studio reads, the one way every door does it (inspect, area, account, export): the import
 * readers (shapefile / zip / GeoPackage / GeoJSON / KML / coordinate text file / .dbf), then a `--crs` override, then
 * the CRS checked against the coordinates (zone prefix, sandiao-data.md §5.1) and corrected with a warning when they
 * disagree.
 */
import path from 'node:path';
import { detectDltbSchema, reconcileCrsWithExtent, type CrsInfo, type Feature, type TaskContext, type VectorLayerInfo } from '#core';
import { openImportSource } from '../import/open-import-source';

export interface OpenVectorOptions {
  /** Replaces the CRS the file declares (`--crs`). */
  crs?: CrsInfo | null;
  /** Attribute encoding of a shapefile or .dbf (`--encoding`). */
  encoding?: string | null;
  /** The layer of a GeoPackage or of a zip holding several shapefiles (`--layer`). */
  layer?: string | null;
}

export interface OpenedVector {
  /** The layer's name: the file stem, or the GeoPackage table. */
  title: string;
  info: VectorLayerInfo;
  /** Every file read, for provenance hashes. */
  files: string[];
  features(): Iterable<Feature>;
  close(): void;
}

export const VECTOR_EXTENSIONS = ['.shp', '.zip', '.gpkg', '.geojson', '.json', '.kml', '.txt', '.dbf'] as const;

/**
 * @throws InputError IMPORT_FILE_NOT_FOUND, IMPORT_UNSUPPORTED_FORMAT, the readers' errors (SHP_*, DBF_*, GEOJSON_*,
 *   KML_*, TXT_*, CRS_*) for bad files, CRS_COORDINATES_ABSURD / CRS_ZONES_MIXED from the zone check.
 */
export function openVector(file: string, options: OpenVectorOptions = {}, ctx: TaskContext = {}): OpenedVector {
  const source = openImportSource([file], { crs: options.crs, encoding: options.encoding, layer: options.layer }, ctx);
  try {
    let info = source.info;
    if (info.schema === null) info = { ...info, schema: detectDltbSchema(info.fields) };
    const declared = options.crs ?? info.crs;
    if (declared) {
      const checked = reconcileCrsWithExtent(declared, info.extent, path.basename(file));
      info = { ...info, crs: checked.crs, warnings: checked.warning ? [...info.warnings, checked.warning] : info.warnings };
    }
    return { title: source.title, info, files: source.files.map((f) => f.path), features: () => source.features(), close: () => source.close() };
  } catch (e) {
    source.close();
    throw e;
  }
}
