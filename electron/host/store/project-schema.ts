/**
 * The project's own tables (docs/project-store.md § Schema). Tables a planner may want to see in QGIS are registered
 * in gpkg_contents (`attributes` or `features`); bookkeeping tables are not. Spatial project tables (red lines,
 * zones, result pieces) are created on first use, in the project CRS (see project-crs.ts).
 */
import type Database from 'better-sqlite3';
import { registerAttributesTable } from './spatial-table';

/** The version of the layout below. A file with a larger number was made by a newer VEP Studio and is refused. */
export const PROJECT_SCHEMA_VERSION = 1;

const TABLES = [
  `CREATE TABLE vep_project (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    schema_version INTEGER NOT NULL,
    name TEXT NOT NULL,
    created_at DATETIME NOT NULL,
    created_by TEXT NOT NULL,
    modified_at DATETIME NOT NULL,
    crs_json TEXT,
    notes TEXT)`,
  `CREATE TABLE vep_layers (
    id INTEGER PRIMARY KEY,
    table_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    title TEXT NOT NULL,
    geometry_type TEXT NOT NULL,
    feature_count INTEGER NOT NULL,
    crs_json TEXT NOT NULL,
    fields_json TEXT NOT NULL,
    source_json TEXT NOT NULL,
    area_column TEXT,
    imported_at DATETIME NOT NULL)`,
  `CREATE TABLE vep_parameter_sets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    json TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    builtin BOOLEAN NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL)`,
  `CREATE TABLE vep_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    started_at DATETIME NOT NULL,
    finished_at DATETIME,
    red_line_id INTEGER,
    parameter_set_id INTEGER,
    parameter_set_sha256 TEXT,
    options_json TEXT NOT NULL,
    provenance_json TEXT NOT NULL,
    summary_json TEXT,
    error_json TEXT)`,
  `CREATE TABLE vep_ui_state (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    value_json TEXT NOT NULL,
    updated_at DATETIME NOT NULL)`,
  `CREATE TABLE vep_edit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at DATETIME NOT NULL,
    kind TEXT NOT NULL,
    target TEXT NOT NULL,
    summary TEXT NOT NULL)`,
];

/** Creates the project tables and the metadata row (inside the caller's transaction). */
export function createProjectTables(db: Database.Database, name: string, appVersion: string, now: string): void {
  for (const sql of TABLES) db.exec(sql);
  db.prepare('INSERT INTO vep_project (id, schema_version, name, created_at, created_by, modified_at) VALUES (1, ?, ?, ?, ?, ?)').run(PROJECT_SCHEMA_VERSION, name, now, appVersion, now);
  registerAttributesTable(db, 'vep_project', 'VEP 项目信息 project', 'VEP Studio project metadata (one row)');
  registerAttributesTable(db, 'vep_parameter_sets', 'VEP 参数集 parameter sets', 'Parameter sets used by accounting runs: JSON with the sha256 of its text');
  registerAttributesTable(db, 'vep_runs', 'VEP 核算记录 runs', 'Accounting runs: status, times, options, provenance and the result summary');
}
