/**
 * A fresh GeoPackage 1.3 with one feature table per layer (R-tree indexed, as the project store writes them, so
 * GDAL's validate_gpkg.py accepts it) and one `attributes` table per geometry-less layer. Polygons and lines are
 * written as their multi types (GDAL's PROMOTE_TO_MULTI), since a table has one declared type. The SRS definition
 * is core's OGC WKT, so any GIS reads the CRS even when it has no EPSG code.
 */
import Database from 'better-sqlite3';
import { crsToOgcWkt, encodeGpkgGeometry, type FieldDef, type PropertyValue } from '#core';
import { createGpkgCore } from '../store/gpkg-schema';
import { gpkgTypeName, promoteGeometry, storedGeometryType } from '../store/promote-geometry';
import { ensureSrs } from '../store/spatial-ref-sys';
import { columnNames, quoteId } from '../store/sql-names';
import { registerGpkgFunctions } from '../store/sql-functions';
import { createFeatureTable, createRtreeTriggers, refreshContentsExtent, registerAttributesTable, registerFeatureTable, type ColumnDef } from '../store/spatial-table';
import { writeThroughTemp } from './atomic-write';
import { mixedGeometryError } from './geometry-check';
import type { ExportedLayer, ExportLayer, ExportResult } from './export-layer';

const SQL_TYPE: Record<FieldDef['type'], (f: FieldDef) => string> = {
  string: (f) => (f.width && f.width > 0 ? `TEXT(${f.width})` : 'TEXT'),
  integer: () => 'INTEGER',
  number: () => 'REAL',
  date: () => 'DATE',
  boolean: () => 'BOOLEAN',
};

const UNDEFINED_CARTESIAN_SRS = -1;

/**
 * Writes layers into a new GeoPackage at `target` (replacing any file there only once the new one is complete).
 * Layer names must be distinct table names.
 * @throws InputError EXPORT_TARGET_DIR_MISSING, EXPORT_WRITE_FAILED, EXPORT_MIXED_GEOMETRY
 */
export async function writeGeoPackage(target: string, layers: readonly ExportLayer[]): Promise<ExportResult> {
  const written = await writeThroughTemp(target, (tmp) => {
    const db = new Database(tmp);
    try {
      db.pragma('page_size = 4096');
      db.pragma('journal_mode = DELETE');
      registerGpkgFunctions(db);
      const out: ExportedLayer[] = [];
      db.transaction(() => {
        createGpkgCore(db);
        for (const layer of layers) out.push(writeLayer(db, layer));
      })();
      return out;
    } finally {
      db.close();
    }
  });
  return { format: 'gpkg', files: [target], layers: written, warnings: [] };
}

function writeLayer(db: Database.Database, layer: ExportLayer): ExportedLayer {
  const columns = columnNames(layer.fields.map((f) => f.name), ['fid', 'geom']);
  const defs: ColumnDef[] = layer.fields.map((f, i) => ({ name: columns[i], sqlType: SQL_TYPE[f.type](f) }));
  const renamedFields: Record<string, string> = {};
  layer.fields.forEach((f, i) => {
    if (columns[i] !== f.name) renamedFields[f.name] = columns[i];
  });
  const identifier = layer.title ?? layer.name;
  const values = (props: Record<string, PropertyValue>) => layer.fields.map((f) => bindable(props[f.name]));
  let count = 0;
  if (layer.geometryType === null) {
    const cols = defs.map((c) => `${quoteId(c.name)} ${c.sqlType}`);
    db.exec(`CREATE TABLE ${quoteId(layer.name)} (${quoteId('fid')} INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL${cols.length ? ', ' + cols.join(', ') : ''})`);
    registerAttributesTable(db, layer.name, identifier, '');
    const insert = db.prepare(`INSERT INTO ${quoteId(layer.name)} (${defs.map((c) => quoteId(c.name)).join(', ')}) VALUES (${defs.map(() => '?').join(', ')})`);
    for (const f of layer.features()) {
      insert.run(...values(f.properties));
      count++;
    }
    return { name: layer.name, featureCount: count, renamedFields };
  }
  const stored = storedGeometryType(layer.geometryType);
  const srsId = layer.crs ? ensureSrs(db, layer.crs, crsToOgcWkt) : UNDEFINED_CARTESIAN_SRS;
  const spec = { table: layer.name, geometryType: gpkgTypeName(stored), srsId, columns: defs, identifier };
  createFeatureTable(db, spec);
  createRtreeTriggers(db, layer.name);
  registerFeatureTable(db, spec, null);
  const insert = db.prepare(`INSERT INTO ${quoteId(layer.name)} (${['geom', ...defs.map((c) => c.name)].map(quoteId).join(', ')}) VALUES (${['?', ...defs.map(() => '?')].join(', ')})`);
  for (const f of layer.features()) {
    count++;
    let blob: Uint8Array | null = null;
    if (f.geometry) {
      const g = promoteGeometry(f.geometry, stored);
      if (!g) throw mixedGeometryError(layer, count, f.geometry.type, stored, 'GeoPackage');
      blob = encodeGpkgGeometry(g, srsId);
    }
    insert.run(blob, ...values(f.properties));
  }
  refreshContentsExtent(db, layer.name);
  return { name: layer.name, featureCount: count, renamedFields };
}

function bindable(v: PropertyValue | undefined): string | number | null {
  if (v === undefined || v === null) return null;
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}
