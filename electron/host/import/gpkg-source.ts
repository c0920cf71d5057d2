/**
 * A GeoPackage made elsewhere (QGIS, ogr2ogr, ArcGIS) read as a layer source: its feature tables, geometry column,
 * SRS, fields and features, streamed from its own read-only connection.
 */
import Database from 'better-sqlite3';
import { InputError, decodeGpkgGeometry, type CrsInfo, type Feature, type FieldDef, type FieldType, type GeometryType, type Properties, type PropertyValue, type VectorLayerInfo, type VectorSource } from '#core';
import { gpkgProblem } from '../store/gpkg-schema';
import { quoteId } from '../store/sql-names';

/** The gpkg_spatial_ref_sys row of the layer, for the caller to turn into a CrsInfo. */
export interface GpkgSrs {
  srsId: number;
  organization: string;
  organizationCoordsysId: number;
  definition: string;
}

export interface GpkgSourceOptions {
  /** The table to read (default: the first feature table in gpkg_contents). */
  layer?: string | null;
  /** Resolves the layer's SRS to a CrsInfo; null leaves the CRS unknown (the import then asks for one). */
  resolveCrs?: (srs: GpkgSrs, file: string) => CrsInfo | null;
  /** Overrides the file's CRS. */
  crs?: CrsInfo | null;
}

export interface GpkgSource extends VectorSource {
  /** The table read. */
  table: string;
  srs: GpkgSrs | null;
  close(): void;
}

const GEOMETRY_TYPES: Record<string, GeometryType | null> = {
  POINT: 'Point', LINESTRING: 'LineString', POLYGON: 'Polygon', MULTIPOINT: 'MultiPoint', MULTILINESTRING: 'MultiLineString', MULTIPOLYGON: 'MultiPolygon', GEOMETRY: null,
};

/** The feature tables of a GeoPackage, in gpkg_contents order. */
export function listGpkgLayers(file: string): string[] {
  const db = openReadonly(file);
  try {
    return featureTables(db).map((t) => t.table_name);
  } finally {
    db.close();
  }
}

/**
 * Opens one feature table of a GeoPackage for streaming.
 * @throws InputError PROJECT_NOT_GEOPACKAGE when the file is not a GeoPackage, GPKG_SOURCE_NO_LAYER when it has
 *   no (such) feature table; GPKG_GEOMETRY_* while reading a bad or curved geometry.
 */
export function openGpkgSource(file: string, options: GpkgSourceOptions = {}): GpkgSource {
  const db = openReadonly(file);
  try {
    const tables = featureTables(db);
    const t = options.layer ? tables.find((x) => x.table_name.toLowerCase() === options.layer!.toLowerCase()) : tables[0];
    if (!t) throw new InputError('GPKG_SOURCE_NO_LAYER', { file, layer: options.layer ? ` ${options.layer}` : '' });
    const columns = db.prepare(`PRAGMA table_info(${quoteId(t.table_name)})`).all() as { name: string; type: string; pk: number }[];
    const pk = columns.find((c) => c.pk === 1 && c.type.toUpperCase() === 'INTEGER')?.name ?? 'rowid';
    const fieldColumns = columns.filter((c) => c.name !== pk && c.name.toLowerCase() !== t.column_name.toLowerCase() && fieldType(c.type) !== null);
    const fields: FieldDef[] = fieldColumns.map((c) => ({ name: c.name, type: fieldType(c.type)!, width: textWidth(c.type) }));
    const srsRow = db.prepare('SELECT srs_id AS srsId, organization, organization_coordsys_id AS organizationCoordsysId, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?').get(t.srs_id) as GpkgSrs | undefined;
    const srs = srsRow ?? null;
    const crs = options.crs ?? (srs && srs.srsId > 0 && options.resolveCrs ? options.resolveCrs(srs, file) : null);
    const featureCount = db.prepare(`SELECT COUNT(*) FROM ${quoteId(t.table_name)}`).pluck().get() as number;
    let geometryType = GEOMETRY_TYPES[t.geometry_type_name.toUpperCase()];
    if (geometryType === undefined) throw new InputError('GPKG_GEOMETRY_UNSUPPORTED', { type: t.geometry_type_name });
    if (geometryType === null) {
      // A GEOMETRY column: take the type of the first geometry (the writer refuses later ones that do not fit).
      const first = db.prepare(`SELECT ${quoteId(t.column_name)} FROM ${quoteId(t.table_name)} WHERE ${quoteId(t.column_name)} IS NOT NULL LIMIT 1`).pluck().get() as Uint8Array | undefined;
      geometryType = first ? decodeGpkgGeometry(first).geometry.type : 'Point';
    }
    const hasExtent = [t.min_x, t.min_y, t.max_x, t.max_y].every((v) => typeof v === 'number');
    const info: VectorLayerInfo = {
      format: 'gpkg', featureCount, geometryType, crs, encoding: null, fields,
      extent: hasExtent ? [t.min_x!, t.min_y!, t.max_x!, t.max_y!] : null, schema: null, warnings: [],
    };
    const select = `SELECT ${quoteId(pk)}, ${quoteId(t.column_name)}${fieldColumns.map((c) => ', ' + quoteId(c.name)).join('')} FROM ${quoteId(t.table_name)} ORDER BY ${quoteId(pk)}`;
    return {
      info,
      table: t.table_name,
      srs,
      *features(): Iterable<Feature> {
        for (const row of db.prepare(select).raw().iterate() as IterableIterator<unknown[]>) {
          const blob = row[1] as Uint8Array | null;
          const properties: Properties = {};
          fields.forEach((f, i) => {
            const v = row[2 + i] as PropertyValue;
            properties[f.name] = f.type === 'boolean' && v !== null ? v === 1 : v;
          });
          yield { type: 'Feature', id: row[0] as number, geometry: blob ? decodeGpkgGeometry(blob).geometry : null, properties };
        }
      },
      close: () => db.close(),
    };
  } catch (e) {
    db.close();
    throw e;
  }
}

interface ContentsRow {
  table_name: string; column_name: string; geometry_type_name: string; srs_id: number;
  min_x: number | null; min_y: number | null; max_x: number | null; max_y: number | null;
}

function featureTables(db: Database.Database): ContentsRow[] {
  return db
    .prepare(
      `SELECT c.table_name, g.column_name, g.geometry_type_name, g.srs_id, c.min_x, c.min_y, c.max_x, c.max_y
       FROM gpkg_contents c JOIN gpkg_geometry_columns g ON lower(g.table_name) = lower(c.table_name)
       WHERE c.data_type = 'features' ORDER BY c.rowid`,
    )
    .all() as ContentsRow[];
}

function openReadonly(file: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new InputError('PROJECT_NOT_GEOPACKAGE', { path: file, reason: (e as Error).message });
  }
  let problem: string | null;
  try {
    problem = gpkgProblem(db);
  } catch (e) {
    problem = (e as Error).message;
  }
  if (problem) {
    db.close();
    throw new InputError('PROJECT_NOT_GEOPACKAGE', { path: file, reason: problem });
  }
  return db;
}

/** The field type of a GeoPackage column type (§1.1.1.1.3); null for BLOB columns, which are not carried over. */
function fieldType(sqlType: string): FieldType | null {
  const t = sqlType.toUpperCase().replace(/\(.*$/, '').trim();
  if (t === 'BOOLEAN') return 'boolean';
  if (['INTEGER', 'INT', 'MEDIUMINT', 'SMALLINT', 'TINYINT'].includes(t)) return 'integer';
  if (['REAL', 'DOUBLE', 'FLOAT'].includes(t)) return 'number';
  if (t === 'DATE') return 'date';
  if (t === 'BLOB') return null;
  return 'string'; // TEXT, TEXT(n), DATETIME and anything unusual
}

function textWidth(sqlType: string): number | null {
  const m = /^TEXT\((\d+)\)$/i.exec(sqlType.trim());
  return m ? Number(m[1]) : null;
}
