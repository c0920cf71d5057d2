/**
 * Hostile files through the whole import path, as the app calls it over the web host: each answers its catalogued
 * code (the reader runs in the import worker), the host goes on answering, and the project is left as it was.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Host } from '../../electron/host/host';
import { ProjectStore } from '../../electron/host/store/project-store';
import { startWebHost, type WebHost } from '../../electron/web';
import { callApi } from '../web-client';

const SAMPLE = path.resolve(__dirname, '..', '..', 'sample-data');
const PARTS = ['shp', 'shx', 'dbf', 'prj'];


describe('hostile files through the import path', () => {
  let web: WebHost;
  let host: Host;
  let dir: string;
  let project: string;
  let layersBefore: [string, number][];
  const layersOf = (store: ProjectStore) => store.layers.list().map((l): [string, number] => [l.title, l.featureCount]);

  const call = (channel: string, body?: unknown) => callApi(web, channel, body);

  /** A copy of the sample DLTB layer named `name`, with `damage` applied to its parts. */
  const layer = (name: string, damage: (parts: Record<string, Uint8Array>) => void): string => {
    const parts = Object.fromEntries(PARTS.map((ext) => [ext, new Uint8Array(readFileSync(path.join(SAMPLE, 'dltb', `DLTB.${ext}`)))]));
    damage(parts);
    for (const ext of PARTS) writeFileSync(path.join(dir, `${name}.${ext}`), parts[ext]);
    return path.join(dir, `${name}.shp`);
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vep-import-hostile-'));
    project = path.join(dir, 'project.vep.gpkg');
    copyFileSync(path.join(SAMPLE, 'anji-sample.vep.gpkg'), project);
    const before = ProjectStore.open(project, { readonly: true });
    layersBefore = layersOf(before);
    before.close();
    host = new Host({ transport: 'web', projectPath: project });
    await host.start();
    web = await startWebHost({ host, rendererDir: dir, port: 0 });
  });

  afterAll(async () => {
    await web.close();
    await host.close();
  });

  const cases: [string, () => string, string][] = [
    ['a truncated .shp', () => layer('truncated', (p) => { p.shp = p.shp.slice(0, 5000); }), 'SHP_TRUNCATED'],
    ['a zero-length .dbf', () => layer('no-table', (p) => { p.dbf = new Uint8Array(0); }), 'DBF_TOO_SHORT'],
    ['a .dbf with fewer records than the .shp', () => layer('short-table', (p) => { new DataView(p.dbf.buffer).setUint32(4, 3, true); }), 'SHP_DBF_COUNT_MISMATCH'],
    ['a .prj of garbage', () => layer('garbage-prj', (p) => { p.prj = new TextEncoder().encode('PROJCS[not a real crs'); }), 'CRS_UNPARSEABLE'],
    ['a vertex at 10^300 inside a record whose box says otherwise', () => layer('far-vertex', (p) => {
      // Record 1 starts at byte 100: 8-byte header, shape type, 32-byte box, part and point counts, one part index.
      const parts = new DataView(p.shp.buffer).getInt32(100 + 8 + 36, true);
      new DataView(p.shp.buffer).setFloat64(100 + 8 + 44 + 4 * parts, 1e300, true);
    }), 'SHP_VERTEX_OUTSIDE_EXTENT'],
    ['a zip with a path outside the target', () => {
      const file = path.join(dir, 'slip.zip');
      writeFileSync(file, zipSync({ '../../evil/DLTB.shp': readFileSync(path.join(SAMPLE, 'dltb', 'DLTB.shp')) }));
      return file;
    }, 'ZIP_UNSAFE_PATH'],
  ];

  it.each(cases)('%s: the catalogued code, a host that keeps answering, the project unchanged', async (_, make, code) => {
    const layersBefore = ((await call('project:status')).body.value as { layers?: unknown[] } | null);
    const reply = await call('import:run', { jobId: `hostile-${code}`, path: make() });
    expect(reply.status, JSON.stringify(reply.body)).toBe(400);
    expect(reply.body.error).toMatchObject({ name: 'InputError', code });
    expect((await call('app:info')).status).toBe(200);
    expect((await call('project:status')).body.value).toEqual(layersBefore);
  });

  it('leaves a project that passes the integrity check with its layers as they were', async () => {
    await web.close();
    await host.close();
    const store = ProjectStore.open(project);
    try {
      expect(store.integrityCheck()).toEqual(['ok']);
      expect(layersOf(store)).toEqual(layersBefore);
    } finally {
      store.close();
    }
    // Reopened for afterAll.
    host = new Host({ transport: 'web', projectPath: project });
    web = await startWebHost({ host, rendererDir: dir, port: 0 });
  });
});
