/**
 * Projects for the browser tests and the UI benchmark: synthetic 三调 parcels (test/store/parcels.ts) written
 * through the project store, the same path an import takes. The sample project is used when it exists; these make
 * an empty project (for the blank-map check), a parcel layer for import, and county-sized projects.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addParcels, createTestProject } from '../../electron/host/store/test-project';
import { ROOT } from './harness';

/** The bundled sample project, or null while sample-data has none. */
export function sampleProject(): string | null {
  const p = path.join(ROOT, 'sample-data', 'anji-sample.vep.gpkg');
  return existsSync(p) ? p : null;
}

/** A new project file with `count` synthetic parcels as layer "DLTB" (0 = an empty project). */
export function parcelProject(count: number, name = 'parcels.vep.gpkg', dir = mkdtempSync(path.join(os.tmpdir(), 'vep-e2e-project-'))): string {
  const file = path.join(dir, name);
  const store = createTestProject(file);
  try {
    if (count > 0) addParcels(store, count, { title: 'DLTB' });
  } finally {
    store.close();
  }
  return file;
}
