/**
 * Feature tables as GeoPackage wants them: an INTEGER PRIMARY KEY `fid`, one geometry column `geom` whose declared
 * type equals gpkg_geometry_columns.geometry_type_name, the registration rows, and the R-tree spatial index
 * extension (GeoPackage 1.3 Annex F.3) with the six triggers worded as GDAL words them.
 */
import type Database from 'better-sqlite3';
import type { Extent } from '#core';
import { quoteId } from './sql-names';

export const FID_COLUMN = 'fid';
export const GEOM_COLUMN = 'geom';

export type GpkgGeometryTypeName = 'POINT' | 'LINESTRING' | 'POLYGON' | 'MULTIPOINT' | 'MULTILINESTRING' | 'MULTIPOLYGON' | 'GEOMETRY';

export interface ColumnDef {
  name: string;
  /** A GeoPackage data type (§1.1.1.1.3): TEXT, TEXT(n), INTEGER, REAL, DOUBLE, BOOLEAN, DATE, DATETIME, BLOB. */
  sqlType: string;
  /** Extra column constraint, e.g. "NOT NULL". */
  constraint?: string;
}

export interface FeatureTableSpec {
  table: string;
  geometryType: GpkgGeometryTypeName;
  srsId: number;
  columns: readonly ColumnDef[];
  /** Human-readable name, unique in the file (gpkg_contents.identifier). */
  identifier: string;
  description?: string;
}

/** The R-tree table of a feature table. */
export function rtreeName(table: string): string {
  return `rtree_${table}_${GEOM_COLUMN}`;
}

/** CREATE TABLE for the feature table (and, unless `rtree` is false, its empty R-tree), without triggers or registration. */
export function createFeatureTable(db: Database.Database, spec: FeatureTableSpec, rtree = true): void {
  const columns = spec.columns.map((c) => `${quoteId(c.name)} ${c.sqlType}${c.constraint ? ` ${c.constraint}` : ''}`);
  db.exec(
    `CREATE TABLE ${quoteId(spec.table)} ( ${quoteId(FID_COLUMN)} INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, ` +
      `${quoteId(GEOM_COLUMN)} ${spec.geometryType}${columns.length ? ', ' + columns.join(', ') : ''})`,
  );
  if (rtree) createRtree(db, spec.table);
}

/** The empty R-tree of a feature table (GeoPackage Annex F.3: `rtree_<t>_<c>` with id, minx, maxx, miny, maxy). */
export function createRtree(db: Database.Database, table: string): void {
  db.exec(`CREATE VIRTUAL TABLE ${quoteId(rtreeName(table))} USING rtree(id, minx, maxx, miny, maxy)`);
}

/**
 * The six triggers that keep the R-tree in step with the table (Annex F.3, as GDAL writes them). They call
 * ST_MinX… and ST_IsEmpty, so every writing connection registers those (sql-functions.ts).
 */
export function createRtreeTriggers(db: Database.Database, table: string): void {
  const t = quoteId(table), g = quoteId(GEOM_COLUMN), i = quoteId(FID_COLUMN), r = rtreeName(table), rq = quoteId(r);
  const values = `VALUES (NEW.${i},ST_MinX(NEW.${g}), ST_MaxX(NEW.${g}),ST_MinY(NEW.${g}), ST_MaxY(NEW.${g}))`;
  db.exec(`CREATE TRIGGER ${quoteId(`${r}_insert`)} AFTER INSERT ON ${t} WHEN (new.${g} NOT NULL AND NOT ST_IsEmpty(NEW.${g})) BEGIN INSERT OR REPLACE INTO ${rq} ${values}; END`);
  db.exec(`CREATE TRIGGER ${quoteId(`${r}_update1`)} AFTER UPDATE OF ${g} ON ${t} WHEN OLD.${i} = NEW.${i} AND (NEW.${g} NOTNULL AND NOT ST_IsEmpty(NEW.${g})) BEGIN INSERT OR REPLACE INTO ${rq} ${values}; END`);
  db.exec(`CREATE TRIGGER ${quoteId(`${r}_update2`)} AFTER UPDATE OF ${g} ON ${t} WHEN OLD.${i} = NEW.${i} AND (NEW.${g} ISNULL OR ST_IsEmpty(NEW.${g})) BEGIN DELETE FROM ${rq} WHERE id = OLD.${i}; END`);
  db.exec(`CREATE TRIGGER ${quoteId(`${r}_update3`)} AFTER UPDATE ON ${t} WHEN OLD.${i} != NEW.${i} AND (NEW.${g} NOTNULL AND NOT ST_IsEmpty(NEW.${g})) BEGIN DELETE FROM ${rq} WHERE id = OLD.${i}; INSERT OR REPLACE INTO ${rq} ${values}; END`);
  db.exec(`CREATE TRIGGER ${quoteId(`${r}_update4`)} AFTER UPDATE ON ${t} WHEN OLD.${i} != NEW.${i} AND (NEW.${g} ISNULL OR ST_IsEmpty(NEW.${g})) BEGIN DELETE FROM ${rq} WHERE id IN (OLD.${i}, NEW.${i}); END`);
  db.exec(`CREATE TRIGGER ${quoteId(`${r}_delete`)} AFTER DELETE ON ${t} WHEN old.${g} NOT NULL BEGIN DELETE FROM ${rq} WHERE id = OLD.${i}; END`);
}

/** Registers a feature table in gpkg_contents, gpkg_geometry_columns and gpkg_extensions (the R-tree). */
export function registerFeatureTable(db: Database.Database, spec: FeatureTableSpec, extent: Extent | null): void {
  db.prepare(
    `INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id)
     VALUES (?, 'features', ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'), ?, ?, ?, ?, ?)`,
  ).run(spec.table, spec.identifier, spec.description ?? '', ...(extent ?? [null, null, null, null]), spec.srsId);
  db.prepare('INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) VALUES (?, ?, ?, ?, 0, 0)').run(
    spec.table, GEOM_COLUMN, spec.geometryType, spec.srsId,
  );
  db.prepare(
    "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES (?, ?, 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')",
  ).run(spec.table, GEOM_COLUMN);
}

/** Creates, indexes and registers an empty feature table in one go (for the project's own small layers). */
export function createRegisteredFeatureTable(db: Database.Database, spec: FeatureTableSpec): void {
  createFeatureTable(db, spec);
  createRtreeTriggers(db, spec.table);
  registerFeatureTable(db, spec, null);
}

/** Drops a feature table with its R-tree, triggers and registration rows. */
export function dropFeatureTable(db: Database.Database, table: string): void {
  db.prepare('DELETE FROM gpkg_extensions WHERE lower(table_name) = lower(?)').run(table);
  db.prepare('DELETE FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)').run(table);
  db.prepare('DELETE FROM gpkg_contents WHERE lower(table_name) = lower(?)').run(table);
  db.exec(`DROP TABLE IF EXISTS ${quoteId(rtreeName(table))}`);
  db.exec(`DROP TABLE IF EXISTS ${quoteId(table)}`); // its triggers go with it
}

/**
 * Recomputes gpkg_contents' extent and last_change from the geometries (for the small project tables, after an
 * edit; imported layers set the exact extent they tracked while writing).
 */
export function refreshContentsExtent(db: Database.Database, table: string): void {
  const g = quoteId(GEOM_COLUMN);
  const e = db
    .prepare(`SELECT MIN(ST_MinX(${g})) AS a, MIN(ST_MinY(${g})) AS b, MAX(ST_MaxX(${g})) AS c, MAX(ST_MaxY(${g})) AS d FROM ${quoteId(table)} WHERE ${g} IS NOT NULL`)
    .get() as { a: number | null; b: number | null; c: number | null; d: number | null };
  db.prepare("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name = ?").run(e.a, e.b, e.c, e.d, table);
}

/** Registers a non-spatial table as `attributes` so GIS programs list it (GeoPackage §2.4). */
export function registerAttributesTable(db: Database.Database, table: string, identifier: string, description: string): void {
  db.prepare("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) VALUES (?, 'attributes', ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))").run(table, identifier, description);
}
