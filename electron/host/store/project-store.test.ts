import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { gdalWkt, hasGdal, ogrSummary, validateGpkg } from '../../../test/store/gdal-tools';
import { GK40 } from '../../../test/store/parcels';
import { ProjectStore } from './project-store';
import { PROJECT_SCHEMA_VERSION } from './project-schema';
import { addParcels, createTestProject, tempProjectPath } from './test-project';

const open: ProjectStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});
function track(s: ProjectStore): ProjectStore {
  open.push(s);
  return s;
}

describe('a new project', () => {
  it('is a GeoPackage 1.3 with the required SRS rows and the project tables', () => {
    const store = track(createTestProject());
    const db = store.db;
    expect(db.pragma('application_id', { simple: true })).toBe(0x47504b47); // "GPKG"
    expect(db.pragma('user_version', { simple: true })).toBe(10300);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT srs_id FROM gpkg_spatial_ref_sys ORDER BY srs_id').pluck().all()).toEqual([-1, 0, 4326]);
    expect(db.prepare("SELECT table_name FROM gpkg_contents WHERE data_type = 'attributes' ORDER BY table_name").pluck().all()).toEqual(['vep_parameter_sets', 'vep_project', 'vep_runs']);
    const info = store.info();
    expect(info).toMatchObject({ name: 'test', schemaVersion: PROJECT_SCHEMA_VERSION, createdBy: 'test', crs: null });
  });

  it.runIf(hasGdal)("passes GDAL's validator", () => {
    const store = track(createTestProject());
    store.close();
    expect(validateGpkg(store.path)).toEqual([]);
  });

  it('refuses to overwrite an existing file', () => {
    const store = track(createTestProject());
    expect(() => ProjectStore.create(store.path)).toThrow(expect.objectContaining({ code: 'PROJECT_EXISTS' }));
  });
});

describe('opening', () => {
  it('reopens a project with its layers and CRS', () => {
    const store = createTestProject();
    const id = addParcels(store, 50);
    store.close();
    const again = track(ProjectStore.open(store.path));
    expect(again.layers.list().map((l) => [l.id, l.featureCount])).toEqual([[id, 50]]);
    expect(again.info().crs).toEqual(GK40);
  });

  it('refuses a missing file, a text file, a plain SQLite file and a GeoPackage that is not a project', () => {
    const dir = path.dirname(tempProjectPath());
    expect(() => ProjectStore.open(path.join(dir, 'nope.vep.gpkg'))).toThrow(expect.objectContaining({ code: 'PROJECT_NOT_FOUND' }));
    const text = path.join(dir, 'notes.gpkg');
    writeFileSync(text, 'not a database at all, just some words that are long enough to fill a header of a hundred bytes......');
    expect(() => ProjectStore.open(text)).toThrow(expect.objectContaining({ code: 'PROJECT_NOT_GEOPACKAGE' }));
    const plain = path.join(dir, 'plain.gpkg');
    new Database(plain).exec('CREATE TABLE t (a)');
    expect(() => ProjectStore.open(plain)).toThrow(expect.objectContaining({ code: 'PROJECT_NOT_GEOPACKAGE' }));
  });

  it.runIf(hasGdal)('refuses a GeoPackage made by GDAL, naming it as not a project', () => {
    const file = path.join(path.dirname(tempProjectPath()), 'ogr.gpkg');
    execFileSync('ogr2ogr', ['-f', 'GPKG', file, '/vsistdin/', '-nln', 'pts'], { input: '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}}]}' });
    expect(() => ProjectStore.open(file)).toThrow(expect.objectContaining({ code: 'PROJECT_NOT_VEP' }));
  });

  it('refuses a project made by a newer version with a message that says so', () => {
    const store = createTestProject();
    store.db.prepare('UPDATE vep_project SET schema_version = ?').run(PROJECT_SCHEMA_VERSION + 1);
    store.close();
    let error: unknown;
    try {
      ProjectStore.open(store.path);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'PROJECT_TOO_NEW', details: { found: PROJECT_SCHEMA_VERSION + 1, supported: PROJECT_SCHEMA_VERSION } });
    expect((error as Error).message).toContain('newer VEP Studio');
  });
});

describe('layers in the file, as GDAL sees them', () => {
  it.runIf(hasGdal)('feature count, extent, geometry type and SRS match what the store reports; the validator accepts it', () => {
    const store = createTestProject();
    const id = addParcels(store, 700, { batchSize: 128 });
    const info = store.layers.info(id);
    store.close();
    expect(validateGpkg(store.path)).toEqual([]);
    const ogr = ogrSummary(store.path, id);
    expect(ogr.featureCount).toBe(700);
    expect(ogr.geometry).toBe('Multi Polygon');
    expect(ogr.srsAuthority).toBe('EPSG:4528');
    // ogrinfo prints the extent with 6 decimals
    ogr.extent!.forEach((v, i) => expect(v).toBeCloseTo(info.extent![i], 5));
    // the SRS definition is the WKT GDAL itself writes for EPSG:4528
    const db = new Database(store.path, { readonly: true });
    expect(db.prepare('SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id = 4528').pluck().get()).toBe(gdalWkt(GK40));
    db.close();
  });

  it.runIf(hasGdal)('GDAL can edit a layer through our R-tree triggers, and the result still validates', () => {
    const store = createTestProject();
    const id = addParcels(store, 40);
    store.close();
    execFileSync('ogrinfo', [store.path, '-sql', `DELETE FROM "${id}" WHERE fid IN (1, 2, 3)`]);
    execFileSync('ogrinfo', [store.path, '-dialect', 'sqlite', '-sql', `UPDATE "${id}" SET geom = NULL WHERE fid = 4`]);
    expect(validateGpkg(store.path)).toEqual([]);
    const db = new Database(store.path, { readonly: true });
    expect(db.prepare(`SELECT COUNT(*) FROM "rtree_${id}_geom"`).pluck().get()).toBe(36);
    db.close();
  });
});
