import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Progress } from '#core';
import { hasGdal, ogrSummary, validateGpkg } from '../../../test/store/gdal-tools';
import { GK40, makeParcels } from '../../../test/store/parcels';
import { ProjectStore } from '../store/project-store';
import { createTestProject, snapshot, tempProjectPath } from '../store/test-project';
import { importLayer } from './import-layer';
import { gdalParcelsGpkg, storeParcelsGpkg, tempDir } from './test-sources';

const parcelsGpkg = (count: number): string => (hasGdal ? gdalParcelsGpkg(count) : storeParcelsGpkg(count));

describe('importLayer (in a worker thread)', () => {
  it('imports a GeoPackage layer with progress, creating the project; GDAL agrees on count and extent', async () => {
    const source = parcelsGpkg(2500);
    const project = tempProjectPath();
    const events: Progress[] = [];
    const layer = await importLayer(project, [source], { crs: GK40, createProject: true, batchSize: 1000 }, (p) => events.push(p));
    expect(layer).toMatchObject({ featureCount: 2500, geometryType: 'MultiPolygon', crs: GK40 });
    expect(events[0].phase).toBe('open');
    const imports = events.filter((e) => e.phase === 'import').map((e) => e.done);
    expect(imports).toEqual([0, 1000, 2000]);
    expect(events.at(-1)).toEqual({ phase: 'publish', done: 2500, total: 2500 });

    const store = ProjectStore.open(project);
    const input = [...makeParcels({ count: 2500 })];
    for (const i of [0, 5, 3, 2499]) expect(store.layers.feature(layer.id, i + 1).properties).toEqual(input[i].properties);
    store.close();
    if (hasGdal) {
      expect(validateGpkg(project)).toEqual([]);
      const ogr = ogrSummary(project, layer.id);
      expect(ogr.featureCount).toBe(2500);
      ogr.extent!.forEach((v, i) => expect(v).toBeCloseTo(layer.extent![i], 5));
    }
  });

  it('a cancelled import rejects with CANCELLED and leaves the project exactly as it was', async () => {
    const source = parcelsGpkg(30000);
    const store = createTestProject();
    store.redLines.create({ name: 'r', geometry: { type: 'Polygon', coordinates: [[[40500000, 3386000], [40500400, 3386000], [40500400, 3386400], [40500000, 3386000]]] }, crs: GK40 });
    const before = snapshot(store);
    const controller = new AbortController();
    const run = importLayer(store.path, [source], { crs: GK40, batchSize: 2000 }, (p) => {
      if (p.phase === 'import' && p.done >= 5000) controller.abort();
    }, controller.signal);
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(snapshot(store)).toBe(before);
    store.close();
    if (hasGdal) expect(validateGpkg(store.path)).toEqual([]);
  });

  it('a failed import into a new project leaves no file behind', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'bad.gpkg');
    writeFileSync(source, 'SQLite format 3\0 but not really');
    const project = path.join(dir, 'new.vep.gpkg');
    await expect(importLayer(project, [source], { crs: GK40, createProject: true })).rejects.toMatchObject({ code: 'PROJECT_NOT_GEOPACKAGE' });
    expect(existsSync(project)).toBe(false);
  });

  it('refuses a source without CRS, naming the flag, and unsupported files', async () => {
    const source = parcelsGpkg(10);
    const store = createTestProject();
    store.close();
    const noCrs = importLayer(store.path, [source], {});
    await expect(noCrs).rejects.toMatchObject({ code: 'IMPORT_NO_CRS' });
    await expect(noCrs).rejects.toThrow(/--crs/);
    await expect(importLayer(store.path, ['/data/x.dwg'], {})).rejects.toMatchObject({ code: 'IMPORT_UNSUPPORTED_FORMAT' });
    expect(ProjectStore.open(store.path).layers.list()).toEqual([]);
  });
});
