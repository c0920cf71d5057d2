/** What an import is asked to do, and what a source looks like to the import pipeline. */
import type { CrsInfo, Feature, FlatGeometry, PropertyValue, VectorLayerInfo } from '#core';

export interface ImportOptions {
  /** The layer's title in the project (default: the source file's stem, or the GeoPackage table name). */
  title?: string;
  /** The CRS of the source; overrides or supplies what the files say (`--crs`). */
  crs?: CrsInfo | null;
  /** Attribute encoding override for shapefiles (`--encoding`). */
  encoding?: string | null;
  /** The table to read from a GeoPackage source (`--layer`). */
  layer?: string | null;
  /** Create the project file when it does not exist (the CLI's `vep import FILE --out NEW.gpkg`). */
  createProject?: boolean;
  /** Rows per transaction (default 10 000). */
  batchSize?: number;
  /** Recorded in a project this import creates. */
  appVersion?: string;
}

/** A source opened for import: its description, its features, and, where the reader has one, a bulk record path. */
export interface ImportSource {
  title: string;
  info: VectorLayerInfo;
  files: { path: string; sizeBytes: number }[];
  features(): Iterable<Feature>;
  /** Flat records with values in `info.fields` order: the fast path (shapefiles). */
  records?: () => Iterable<{ geometry: FlatGeometry | null; values: PropertyValue[] }>;
  close(): void;
}
