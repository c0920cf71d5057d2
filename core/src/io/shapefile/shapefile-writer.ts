/**
 * Writes a whole shapefile in memory: .shp, .shx, .dbf, .cpg and (when given) .prj, GBK by default as 三调 users
 * expect (docs/design/cli.md: `--encoding GBK` default for shapefiles).
 */
import type { Feature, FieldDef, GeometryType } from '../../types';
import type { LayerWarning } from '../dbf/dbf-encoding';
import { writeDbf } from '../dbf/dbf-writer';
import { encodeText } from '../text-codec';
import { writeShp } from './shp-writer';

export interface WriteShapefileOptions {
  /** The layer type: Point, MultiPoint, LineString/MultiLineString or Polygon/MultiPolygon. */
  geometryType: GeometryType;
  /** The attribute fields, in order; properties not listed are not written. */
  fields: readonly FieldDef[];
  /** Attribute encoding; default GBK (.cpg "GBK", LDID 0x4D); UTF-8 gives .cpg "UTF-8", LDID 0. */
  encoding?: 'GBK' | 'UTF-8';
  /** The .prj text (ESRI WKT) to write alongside, if any. */
  prj?: string | null;
}

export interface WrittenShapefile {
  shp: Uint8Array;
  shx: Uint8Array;
  dbf: Uint8Array;
  cpg: Uint8Array;
  prj: Uint8Array | null;
  /** Fields as written (names cut to 10 bytes and de-duplicated the way GDAL does; widths sized to the values). */
  fields: FieldDef[];
  /** Caller's field name → name in the .dbf. */
  fieldNames: Record<string, string>;
  warnings: LayerWarning[];
}

/**
 * Writes features as a shapefile.
 * @param features the records in order; geometry in the layer CRS (2D), properties keyed by `fields` names.
 * @throws InputError from writeShp (SHP_WRITE_GEOMETRY_TYPE, SHP_WRITE_NON_FINITE, SHP_WRITE_TOO_LARGE) and writeDbf
 *   (DBF_WRITE_UNENCODABLE for text GBK cannot hold — never a silent '?' —, DBF_WRITE_VALUE_TYPE, …).
 * @example
 *   const out = writeShapefile(parcels, { geometryType: 'Polygon', fields, prj });
 *   // out.shp, out.shx, out.dbf, out.cpg, out.prj → DLTB.shp, DLTB.shx, …
 */
export function writeShapefile(features: Iterable<Feature>, options: WriteShapefileOptions): WrittenShapefile {
  const list = Array.isArray(features) ? (features as readonly Feature[]) : Array.from(features);
  const { shp, shx } = writeShp(list.map((f) => f.geometry), options.geometryType);
  const table = writeDbf(list.map((f) => f.properties), options.fields, { encoding: options.encoding ?? 'GBK' });
  const prj = options.prj != null ? encodeText(options.prj, 'UTF-8') : null;
  return { shp, shx, dbf: table.dbf, cpg: table.cpg, prj, fields: table.fields, fieldNames: table.fieldNames, warnings: table.warnings };
}
