/** Test helpers: a fresh project in a temporary folder, with a layer of synthetic parcels. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DLTB_FIELDS, GK40, makeParcels } from '../../../test/store/parcels';
import { ProjectStore } from './project-store';

/** A new empty project file path in its own temporary folder. */
export function tempProjectPath(name = 'test.vep.gpkg'): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), 'vep-store-')), name);
}

/** Creates a project as the app does. */
export function createTestProject(file = tempProjectPath()): ProjectStore {
  return ProjectStore.create(file, { appVersion: 'test' });
}

/** Imports `count` synthetic parcels as layer "DLTB"; returns the layer id. */
export function addParcels(store: ProjectStore, count: number, options: { batchSize?: number; title?: string } = {}): string {
  const writer = store.layers.beginLayer({
    title: options.title ?? 'DLTB',
    geometryType: 'Polygon',
    crs: GK40,
    fields: DLTB_FIELDS,
    source: { files: [{ path: '/data/DLTB.shp', sizeBytes: 0 }], format: 'shapefile', encoding: 'GBK', schema: 'sandiao-dltb' },
    batchSize: options.batchSize,
  });
  for (const f of makeParcels({ count })) writer.add(f);
  return writer.finish();
}

/**
 * Everything a user or GDAL could see in the file: the schema, the GeoPackage registration tables and the project
 * tables, in a comparable form (for "left exactly as before" checks).
 */
export function snapshot(store: ProjectStore): string {
  const db = store.db;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const parts = [JSON.stringify(db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all())];
  for (const t of tables) {
    if (/^rtree_.*_(node|rowid|parent)$/.test(t)) continue;
    const rows = db.prepare(`SELECT * FROM "${t.replace(/"/g, '""')}" ORDER BY rowid`).raw().all();
    parts.push(`${t}: ${JSON.stringify(rows, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v))}`);
  }
  return parts.join('\n');
}
