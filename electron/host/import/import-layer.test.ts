import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { crsFromEpsg, type MultiPolygon, type Position, type Progress } from '#core';
import { hasGdal, ogrSummary, validateGpkg } from '../../../test/store/gdal-tools';
import { GK40, makeParcels } from '../../../test/store/parcels';
import { ProjectStore } from '../store/project-store';
import { createTestProject, snapshot, tempProjectPath } from '../store/test-project';
import { OVERVIEW_FORMAT, TILE_BUDGET } from '../tiles/tile-overview';
import { importLayer } from './import-layer';
import { gdalParcelsGpkg, gdalParcelsShapefile, storeParcelsGpkg, tempDir } from './test-sources';

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
    expect(events.slice(-2)).toEqual([{ phase: 'publish', done: 2500, total: 2500 }, { phase: 'overview', done: 0, total: 1 }]);

    const store = ProjectStore.open(project);
    const input = [...makeParcels({ count: 2500 })];
    for (const i of [0, 5, 3, 2499]) expect(store.layers.feature(layer.id, i + 1).properties).toEqual(input[i].properties);
    // the layer's tile overview came with the import, for the version the layer is at
    const version = store.db.prepare('SELECT last_change FROM gpkg_contents WHERE table_name = ?').pluck().get(layer.id) as string;
    expect(store.layerCache.get({ table: layer.id, kind: 'tile-overview', version, recipe: `format=${OVERVIEW_FORMAT};grid=256;budget=${TILE_BUDGET};class=DLBM` })?.byteLength).toBeGreaterThan(0);
    store.close();
    if (hasGdal) {
      expect(validateGpkg(project)).toEqual([]);
      const ogr = ogrSummary(project, layer.id);
      expect(ogr.featureCount).toBe(2500);
      ogr.extent!.forEach((v, i) => expect(v).toBeCloseTo(layer.extent![i], 5));
    }
  });

  it.runIf(hasGdal)('imports a GBK shapefile and the same shapefile zipped: attributes decoded, counts and extents as GDAL reads the source', async () => {
    const { shp, zip } = gdalParcelsShapefile(1500);
    const input = [...makeParcels({ count: 1500 })];
    const source = ogrSummary(shp, 'DLTB');
    for (const file of [shp, zip]) {
      const project = tempProjectPath();
      const events: Progress[] = [];
      const layer = await importLayer(project, [file], { crs: GK40, createProject: true }, (p) => events.push(p));
      expect(layer).toMatchObject({ title: 'DLTB', featureCount: 1500, geometryType: 'MultiPolygon', source: { format: 'shapefile', encoding: 'GBK' } });
      expect(events.some((e) => e.phase === 'scan')).toBe(true);
      layer.extent!.forEach((v, i) => expect(v).toBeCloseTo(source.extent![i], 5));
      const store = ProjectStore.open(project);
      for (const i of [0, 3, 5, 1499]) {
        const f = store.layers.feature(layer.id, i + 1);
        for (const name of ['BSM', 'TBBH', 'DLBM', 'DLMC', 'TBMJ', 'SJNF']) expect(f.properties[name]).toEqual(input[i].properties[name]);
        // A shapefile stores exteriors clockwise and holes counter-clockwise, whatever the input said: compare rings
        // with one orientation and start point.
        const g = input[i].geometry!;
        expect(normalized(f.geometry as MultiPolygon)).toEqual(normalized(g.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [g.coordinates] } : (g as MultiPolygon)));
      }
      store.close();
      expect(validateGpkg(project)).toEqual([]);
      expect(ogrSummary(project, layer.id).featureCount).toBe(source.featureCount);
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

  it('takes the CRS from the source when it has one: the GeoPackage SRS row, GeoJSON (WGS 84)', async () => {
    const project = tempProjectPath();
    const fromGpkg = await importLayer(project, [parcelsGpkg(10)], { createProject: true });
    expect(fromGpkg.crs).toMatchObject({ epsg: 4528 });
    const geojson = path.join(tempDir(), '点.geojson');
    writeFileSync(geojson, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { 名称: '井' }, geometry: { type: 'Point', coordinates: [120.1, 30.6] } }] }));
    const fromGeoJson = await importLayer(project, [geojson]);
    expect(fromGeoJson).toMatchObject({ title: '点', featureCount: 1, geometryType: 'Point', crs: { epsg: 4326 }, extent: [120.1, 30.6, 120.1, 30.6] });
  });

  it('lets the coordinates correct a wrong zone: --crs EPSG:4527 (zone 39) over zone-40 eastings stores EPSG:4528', async () => {
    const project = tempProjectPath();
    const layer = await importLayer(project, [storeParcelsGpkg(5)], { crs: crsFromEpsg(4527), createProject: true });
    expect(layer.crs).toMatchObject({ epsg: 4528 });
  });

  it('refuses a source without CRS, naming the flag, and unsupported files', async () => {
    const source = storeParcelsGpkg(10);
    const db = new Database(source);
    db.exec("UPDATE gpkg_geometry_columns SET srs_id = 0; UPDATE gpkg_contents SET srs_id = 0 WHERE data_type = 'features'");
    db.close();
    const store = createTestProject();
    store.close();
    const noCrs = importLayer(store.path, [source], {});
    await expect(noCrs).rejects.toMatchObject({ code: 'IMPORT_NO_CRS' });
    await expect(noCrs).rejects.toThrow(/--crs/);
    const dwg = path.join(tempDir(), 'x.dwg');
    writeFileSync(dwg, 'AC1032');
    await expect(importLayer(store.path, [dwg], {})).rejects.toMatchObject({ code: 'IMPORT_UNSUPPORTED_FORMAT' });
    await expect(importLayer(store.path, ['/data/missing.shp'], {})).rejects.toMatchObject({ code: 'IMPORT_FILE_NOT_FOUND' });
    expect(ProjectStore.open(store.path).layers.list()).toEqual([]);
  });

});

/** Rings counter-clockwise, starting at their lowest-left vertex. */
function normalized(g: MultiPolygon): Position[][][] {
  return g.coordinates.map((polygon) =>
    polygon.map((ring) => {
      let pts = ring.slice(0, -1);
      let area = 0;
      for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) area += pts[j][0] * pts[i][1] - pts[i][0] * pts[j][1];
      if (area < 0) pts = pts.reverse();
      const start = pts.reduce((best, p, i) => (p[1] < pts[best][1] || (p[1] === pts[best][1] && p[0] < pts[best][0]) ? i : best), 0);
      return [...pts.slice(start), ...pts.slice(0, start)];
    }),
  );
}
