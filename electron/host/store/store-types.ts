/** The shapes the project store hands out (plain data: they cross worker and IPC boundaries as they are). */
import type { CrsInfo, Extent, FieldDef, GeometryType, PropertyValue } from '#core';

/** A field of a stored layer: the source field (name, type, width as read) and the column that holds it. */
export interface LayerField extends FieldDef {
  /** The SQL column; equal to `name` unless the name clashed with `fid`/`geom` or an earlier field. */
  column: string;
}

/** Where a layer came from, kept for provenance and for exporting back (encodings, widths). */
export interface LayerSource {
  files: { path: string; sizeBytes: number }[];
  format: string;
  encoding: string | null;
  schema: string | null;
}

export interface LayerInfo {
  /** The table name: ASCII, unique in the project; used in tile URLs and every layer API. */
  id: string;
  /** The name shown to the user (usually the source file's stem). */
  title: string;
  /** The geometry type as stored (polygons and lines are stored as their multi types); null for a table. */
  geometryType: GeometryType | null;
  featureCount: number;
  /** [minX, minY, maxX, maxY] in the layer CRS, or null when it has no geometry. */
  extent: Extent | null;
  crs: CrsInfo | null;
  srsId: number | null;
  fields: LayerField[];
  source: LayerSource;
  /** The column with the computed 三调 ellipsoidal area in m², when it was computed at import. */
  areaColumn: string | null;
  importedAt: string;
}

export interface ProjectInfo {
  path: string;
  name: string;
  schemaVersion: number;
  createdAt: string;
  createdBy: string;
  modifiedAt: string;
  /** The CRS of the project's red lines, zones and result pieces (the first one the project met), or null. */
  crs: CrsInfo | null;
}

/** How many features of a layer have each value of a field (the legend's land classes). */
export interface ClassCount {
  value: PropertyValue;
  /** A second field's value on the same rows (DLMC beside DLBM), or null. */
  label: string | null;
  count: number;
}
