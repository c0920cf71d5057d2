/**
 * The project's spatial tables: red lines, zones and result pieces. Each is a GeoPackage feature table (so QGIS shows
 * them) created on first use in the project CRS; geometries in another CRS are reprojected into it on the way in.
 */
import type { CrsInfo } from '#core';
import { ensureSrs } from './spatial-ref-sys';
import { createRegisteredFeatureTable, type ColumnDef } from './spatial-table';
import type { StoreContext } from './store-context';

export const SERVICE_KEYS = ['water_retention', 'soil_conservation', 'flood_storage', 'carbon_sequestration', 'oxygen_release', 'climate_regulation'] as const;
export type ServiceKey = (typeof SERVICE_KEYS)[number];

interface ProjectTableDef {
  identifier: string;
  description: string;
  columns: ColumnDef[];
  indexes: string[];
}

const DEFS = {
  vep_red_lines: {
    identifier: 'VEP 红线 red lines',
    description: 'Project red lines (项目红线), drawn or imported',
    columns: [
      { name: 'name', sqlType: 'TEXT', constraint: 'NOT NULL' },
      { name: 'source', sqlType: 'TEXT' },
      { name: 'notes', sqlType: 'TEXT' },
      { name: 'created_at', sqlType: 'DATETIME', constraint: 'NOT NULL' },
      { name: 'updated_at', sqlType: 'DATETIME', constraint: 'NOT NULL' },
    ],
    indexes: [],
  },
  vep_zones: {
    identifier: 'VEP 核算分区 zones',
    description: 'Accounting zones of a red line: the red line itself and its impact buffer ring',
    columns: [
      { name: 'red_line_id', sqlType: 'INTEGER', constraint: 'NOT NULL' },
      { name: 'zone', sqlType: 'TEXT', constraint: 'NOT NULL' },
      { name: 'buffer_m', sqlType: 'REAL' },
      { name: 'area_m2', sqlType: 'REAL' },
      { name: 'created_at', sqlType: 'DATETIME', constraint: 'NOT NULL' },
    ],
    indexes: ['red_line_id'],
  },
  vep_result_pieces: {
    identifier: 'VEP 核算结果图斑 result pieces',
    description: 'Clipped parcel pieces of accounting runs with per-service quantities and values (元/年)',
    columns: [
      { name: 'run_id', sqlType: 'INTEGER', constraint: 'NOT NULL' },
      { name: 'zone', sqlType: 'TEXT', constraint: 'NOT NULL' },
      { name: 'parcel_layer', sqlType: 'TEXT' },
      { name: 'parcel_fid', sqlType: 'INTEGER' },
      { name: 'dlbm', sqlType: 'TEXT' },
      { name: 'dlmc', sqlType: 'TEXT' },
      { name: 'area_m2', sqlType: 'REAL', constraint: 'NOT NULL' },
      ...SERVICE_KEYS.flatMap((k) => [
        { name: `${k}_quantity`, sqlType: 'REAL' },
        { name: `${k}_value`, sqlType: 'REAL' },
      ]),
      { name: 'value_yuan', sqlType: 'REAL' },
      { name: 'unit_value', sqlType: 'REAL' },
    ],
    indexes: ['run_id'],
  },
} satisfies Record<string, ProjectTableDef>;

export type ProjectTable = keyof typeof DEFS;

/**
 * The CRS of a project table, creating the table (in the project CRS, adopting `crs` as the project CRS when it has
 * none) on first use. Call inside a write transaction.
 */
export function ensureProjectTable(ctx: StoreContext, table: ProjectTable, crs: CrsInfo): CrsInfo {
  const exists = ctx.db.prepare('SELECT 1 FROM gpkg_contents WHERE table_name = ?').get(table) !== undefined;
  const projectCrs = ctx.adoptProjectCrs(crs);
  if (exists) return projectCrs;
  const def: ProjectTableDef = DEFS[table];
  const srsId = ensureSrs(ctx.db, projectCrs, ctx.srsDefinition);
  createRegisteredFeatureTable(ctx.db, { table, geometryType: 'MULTIPOLYGON', srsId, columns: def.columns, identifier: def.identifier, description: def.description });
  for (const column of def.indexes) ctx.db.exec(`CREATE INDEX ${table}_${column} ON ${table} (${column})`);
  return projectCrs;
}

/** The srs_id of a project table's geometries, or null when the table has not been created yet. */
export function projectTableSrsId(ctx: StoreContext, table: ProjectTable): number | null {
  return (ctx.db.prepare('SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?').pluck().get(table) as number | undefined) ?? null;
}

/** True when the table exists (it is created on first write). */
export function hasProjectTable(ctx: StoreContext, table: ProjectTable): boolean {
  return projectTableSrsId(ctx, table) !== null;
}
