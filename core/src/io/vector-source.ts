import type { CrsInfo } from '../crs/crs-info';
import type { Extent, Feature, FieldDef, GeometryType } from '../types';

export type VectorFormat = 'shapefile' | 'dbf' | 'geojson' | 'kml' | 'gpkg' | 'coordinates';

/** What every vector reader knows about its layer before (or without) reading the features. */
export interface VectorLayerInfo {
  format: VectorFormat;
  featureCount: number;
  /** Null for a table without geometry (a bare .dbf). */
  geometryType: GeometryType | null;
  crs: CrsInfo | null;
  /** The attribute encoding that was used (e.g. "GBK"), with how it was decided; null where the format fixes it. */
  encoding: { name: string; source: 'cpg' | 'ldid' | 'detected' | 'user' | 'format' } | null;
  fields: FieldDef[];
  extent: Extent | null;
  /** Recognised schema, e.g. "sandiao-dltb" for a 三调 地类图斑 layer. */
  schema: string | null;
  /** Non-fatal findings while opening (e.g. "the .prj says zone 39 but the coordinates are in zone 40"). */
  warnings: { code: string; details: Record<string, unknown> }[];
}

/**
 * An opened vector layer. `features()` streams records one at a time, so a 300 MB layer is never held whole;
 * it may be called more than once.
 */
export interface VectorSource {
  info: VectorLayerInfo;
  features(): Iterable<Feature>;
}
