/**
 * What the exporters write: one or more layers, each a CRS, a geometry type (null for an attribute table such as
 * the account summary), fields and a stream of features; and what they report back.
 */
import type { CrsInfo, Feature, FieldDef, GeometryType } from '#core';

/** A field; `shortName` is the name to use where names are short (a DBF's 10 bytes), instead of GDAL-style cutting. */
export interface ExportField extends FieldDef {
  shortName?: string;
}

export interface ExportLayer {
  /** The table name in a GeoPackage / the file stem hint; ASCII letters, digits and `_`. */
  name: string;
  /** The name a user sees (GeoPackage identifier, KML folder name); default: `name`. */
  title?: string;
  /** The CRS of the coordinates; null when unknown (formats that need WGS 84 then refuse). */
  crs: CrsInfo | null;
  /** The layer's geometry type; null for a table without geometry. */
  geometryType: GeometryType | null;
  fields: readonly ExportField[];
  /** The features in order; may be called more than once (each call streams them again). */
  features(): Iterable<Feature>;
}

export type ExportFormat = 'gpkg' | 'shp' | 'geojson' | 'kml' | 'txt';

export interface ExportedLayer {
  name: string;
  featureCount: number;
  /** Field name → the name written, where the format had to change it (a shapefile's 10-byte DBF names). */
  renamedFields: Record<string, string>;
}

export interface ExportResult {
  format: ExportFormat;
  /** Every file written, main file first. */
  files: string[];
  layers: ExportedLayer[];
  /** Non-fatal findings (e.g. a text value cut to the DBF's 254 bytes). */
  warnings: { code: string; details: Record<string, unknown> }[];
}

/** Options every exporter understands. */
export interface ExportOptions {
  /** Shapefile attribute encoding (default GBK, as 三调 data is delivered). */
  encoding?: 'GBK' | 'UTF-8';
}
