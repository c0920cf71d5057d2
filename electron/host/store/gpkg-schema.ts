/**
 * The GeoPackage 1.3 core (OGC 12-128r18): application_id "GPKG", user_version 10300, the three required tables
 * and gpkg_extensions, with the statements GDAL's GPKG driver uses (compared with a file ogr2ogr made), and the
 * three gpkg_spatial_ref_sys rows the standard requires (§1.1.2.1.2: -1, 0 and EPSG:4326).
 */
import type Database from 'better-sqlite3';

/** "GPKG" as a big-endian 32-bit integer (§1.1.1.1.1). */
export const GPKG_APPLICATION_ID = 0x47504b47;
/** GeoPackage 1.3.0 (§1.1.1.1.1: user_version is MMmmpp). */
export const GPKG_USER_VERSION = 10300;

const CORE_TABLES = [
  `CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL,srs_id INTEGER NOT NULL PRIMARY KEY,organization TEXT NOT NULL,organization_coordsys_id INTEGER NOT NULL,definition  TEXT NOT NULL,description TEXT)`,
  `CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY,data_type TEXT NOT NULL,identifier TEXT UNIQUE,description TEXT DEFAULT '',last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),min_x DOUBLE, min_y DOUBLE,max_x DOUBLE, max_y DOUBLE,srs_id INTEGER,CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))`,
  `CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL,column_name TEXT NOT NULL,geometry_type_name TEXT NOT NULL,srs_id INTEGER NOT NULL,z TINYINT NOT NULL,m TINYINT NOT NULL,CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),CONSTRAINT uk_gc_table_name UNIQUE (table_name),CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))`,
  `CREATE TABLE gpkg_extensions (table_name TEXT,column_name TEXT,extension_name TEXT NOT NULL,definition TEXT NOT NULL,scope TEXT NOT NULL,CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))`,
];

// The definitions GDAL writes for the three required rows.
const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],' +
  'PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],' +
  'AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]';

const REQUIRED_SRS: [string, number, string, number, string, string][] = [
  ['Undefined Cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined Cartesian coordinate reference system'],
  ['Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'],
  ['WGS 84 geodetic', 4326, 'EPSG', 4326, WGS84_WKT, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid'],
];

/** Writes the GeoPackage header fields and core tables into an empty database (inside the caller's transaction). */
export function createGpkgCore(db: Database.Database): void {
  db.pragma(`application_id = ${GPKG_APPLICATION_ID}`);
  db.pragma(`user_version = ${GPKG_USER_VERSION}`);
  for (const sql of CORE_TABLES) db.exec(sql);
  const insert = db.prepare('INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition, description) VALUES (?, ?, ?, ?, ?, ?)');
  for (const row of REQUIRED_SRS) insert.run(...row);
}

/** Why the file is not a GeoPackage we can use, or null when its header and core tables are there. */
export function gpkgProblem(db: Database.Database): string | null {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  if (applicationId !== GPKG_APPLICATION_ID && applicationId !== 0x47503130 && applicationId !== 0x47503131) {
    return `application_id is 0x${(applicationId >>> 0).toString(16)}, not "GPKG"`;
  }
  const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").pluck().all() as string[]).map((n) => n.toLowerCase()));
  for (const required of ['gpkg_spatial_ref_sys', 'gpkg_contents']) if (!tables.has(required)) return `no ${required} table`;
  return null;
}

/** An ISO 8601 UTC timestamp with milliseconds, the DATETIME format GeoPackage uses (§1.1.1.1.3). */
export function gpkgTimestamp(date = new Date()): string {
  return date.toISOString();
}
