import { afterEach, describe, expect, it } from 'vitest';
import type { Feature, FieldDef, FlatGeometry, Geometry } from '#core';
import { hasGdal, ogrFeatures, validateGpkg } from '../../../test/store/gdal-tools';
import { DLTB_FIELDS, GK40, makeParcels } from '../../../test/store/parcels';
import type { ProjectStore } from './project-store';
import { addParcels, createTestProject, snapshot } from './test-project';

const open: ProjectStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});
function project(): ProjectStore {
  const s = createTestProject();
  open.push(s);
  return s;
}
const source = { files: [{ path: '/data/in.geojson', sizeBytes: 0 }], format: 'geojson', encoding: null, schema: null };

describe('streaming a layer in', () => {
  it('stores polygons as multipolygons and gives back every attribute with its type', () => {
    const store = project();
    const id = addParcels(store, 30, { batchSize: 7 });
    const input = [...makeParcels({ count: 30 })];
    const f = store.layers.feature(id, 6); // the 6th record: n = 5, which has a hole
    expect(f.geometry).toEqual({ type: 'MultiPolygon', coordinates: [input[5].geometry!.coordinates] });
    expect(f.properties).toEqual(input[5].properties);
    expect(store.layers.feature(id, 4).geometry).toEqual(input[3].geometry); // n = 3 is already multipart
    expect(typeof store.layers.feature(id, 1).properties.SFJBNT).toBe('boolean');
    // the bulk-loaded R-tree is sound and holds every feature's box
    expect(store.db.prepare(`SELECT rtreecheck('rtree_${id}_geom')`).pluck().get()).toBe('ok');
    expect(store.db.prepare(`SELECT COUNT(*) FROM rtree_${id}_geom`).pluck().get()).toBe(30);
  });

  it('stores the same rows from flat records (the bulk path) as from features', () => {
    const store = project();
    const viaFeatures = addParcels(store, 40, { title: 'a' });
    const w = store.layers.beginLayer({ title: 'b', geometryType: 'Polygon', crs: GK40, fields: DLTB_FIELDS, source, batchSize: 9 });
    for (const f of makeParcels({ count: 40 })) w.addRecord(toFlat(f.geometry!), DLTB_FIELDS.map((d) => f.properties[d.name]));
    const viaRecords = w.finish();
    const rows = (t: string): unknown[] => store.db.prepare(`SELECT * FROM "${t}" ORDER BY fid`).raw().all();
    const boxes = (t: string): unknown[] => store.db.prepare(`SELECT * FROM "rtree_${t}_geom" ORDER BY id`).raw().all();
    expect(rows(viaRecords)).toEqual(rows(viaFeatures));
    expect(boxes(viaRecords)).toEqual(boxes(viaFeatures));
    expect(store.layers.info(viaRecords).extent).toEqual(store.layers.info(viaFeatures).extent);
  });

  it('keeps source field names, Chinese ones too, and renames only clashes with fid/geom or duplicates', () => {
    const store = project();
    const fields: FieldDef[] = [
      { name: 'fid', type: 'integer', width: null },
      { name: '地类名称', type: 'string', width: 60 },
      { name: 'GEOM', type: 'string', width: null },
      { name: 'dlbm', type: 'string', width: 5 },
      { name: 'DLBM', type: 'string', width: 5 },
    ];
    const w = store.layers.beginLayer({ title: '地类图斑', geometryType: 'Point', crs: GK40, fields, source });
    w.add({ type: 'Feature', geometry: { type: 'Point', coordinates: [40500000, 3385000] }, properties: { fid: 9, 地类名称: '水田', GEOM: 'x', dlbm: 'a', DLBM: 'b' } });
    const id = w.finish();
    const info = store.layers.info(id);
    expect(id).toBe('layer'); // no ASCII letters in the title: a generic table name; the title is kept
    expect(info.title).toBe('地类图斑');
    expect(info.fields.map((f) => f.column)).toEqual(['fid_2', '地类名称', 'GEOM_2', 'dlbm', 'DLBM_2']);
    expect(store.layers.feature(id, 1).properties).toEqual({ fid: 9, 地类名称: '水田', GEOM: 'x', dlbm: 'a', DLBM: 'b' });
    expect(info.geometryType).toBe('Point');
  });

  it('gives a second layer with the same title its own table and identifier', () => {
    const store = project();
    const a = addParcels(store, 3);
    const b = addParcels(store, 3);
    expect([a, b]).toEqual(['DLTB', 'DLTB_2']);
    expect(store.db.prepare('SELECT identifier FROM gpkg_contents WHERE table_name IN (?, ?) ORDER BY table_name').pluck().all(a, b)).toEqual(['DLTB', 'DLTB (2)']);
  });

  it('stores empty and null geometries as NULL and leaves them out of the R-tree', () => {
    const store = project();
    const w = store.layers.beginLayer({ title: 'lines', geometryType: 'LineString', crs: GK40, fields: [], source });
    w.add({ type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, properties: {} });
    w.add({ type: 'Feature', geometry: { type: 'LineString', coordinates: [] }, properties: {} });
    w.add({ type: 'Feature', geometry: null, properties: {} });
    const id = w.finish();
    expect(store.db.prepare(`SELECT fid FROM "${id}" WHERE geom IS NULL`).pluck().all()).toEqual([2, 3]);
    expect(store.db.prepare(`SELECT id FROM rtree_${id}_geom`).pluck().all()).toEqual([1]);
    expect(store.layers.info(id)).toMatchObject({ geometryType: 'MultiLineString', featureCount: 3, extent: [0, 0, 1, 1] });
  });

  it('imports a table without geometry as a GeoPackage attributes table', () => {
    const store = project();
    const w = store.layers.beginLayer({ title: 'coefficients', geometryType: null, crs: null, fields: [{ name: 'DLBM', type: 'string', width: 5 }], source });
    w.add({ type: 'Feature', geometry: null, properties: { DLBM: '0101' } });
    const id = w.finish();
    expect(store.db.prepare('SELECT data_type FROM gpkg_contents WHERE table_name = ?').pluck().get(id)).toBe('attributes');
    expect(store.layers.query(id, {}).rows).toEqual([{ id: 1, properties: { DLBM: '0101' } }]);
  });

  it('stores the ellipsoidal area computed by the given function in vep_area_m2', () => {
    const store = project();
    const w = store.layers.beginLayer({ title: 'a', geometryType: 'Polygon', crs: GK40, fields: [], source, areaM2: (g) => (g.type === 'Polygon' ? g.coordinates[0].length : -1) });
    w.add({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }, properties: {} });
    const id = w.finish();
    expect(store.layers.info(id).areaColumn).toBe('vep_area_m2');
    expect(store.layers.feature(id, 1).properties).toEqual({ vep_area_m2: 4 });
  });

  it.runIf(hasGdal)('GDAL reads back the same features, attributes and coordinates', () => {
    const store = project();
    const id = addParcels(store, 60, { batchSize: 25 });
    store.close();
    expect(validateGpkg(store.path)).toEqual([]);
    const input = [...makeParcels({ count: 60 })];
    const gdal = ogrFeatures(store.path, id);
    expect(gdal).toHaveLength(60);
    gdal.forEach((f, i) => {
      expect(f.id).toBe(i + 1);
      const g = input[i].geometry!;
      expect(f.geometry).toEqual(g.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [g.coordinates] } : g);
      // GDAL writes BOOLEAN columns as true/false and DATE columns as YYYY-MM-DD in GeoJSON
      expect(f.properties).toEqual(input[i].properties);
    });
  });
});

describe('a cancelled or failed import leaves the project exactly as it was', () => {
  it('after abort() in the middle of a batch and after several committed batches', () => {
    const store = project();
    addParcels(store, 20);
    const before = snapshot(store);
    const w = store.layers.beginLayer({ title: 'DLTB', geometryType: 'Polygon', crs: { ...GK40, epsg: null, proj4: GK40.proj4 + ' +towgs84=0,0,0' }, fields: DLTB_FIELDS, source, batchSize: 50 });
    let n = 0;
    for (const f of makeParcels({ count: 175 })) {
      w.add(f);
      if (++n === 175) break;
    }
    w.abort();
    expect(snapshot(store)).toBe(before);
  });

  it('when a feature of the wrong geometry type arrives (IMPORT_MIXED_GEOMETRY, with the record index)', () => {
    const store = project();
    const before = snapshot(store);
    const w = store.layers.beginLayer({ title: 'x', geometryType: 'Polygon', crs: GK40, fields: [], source, batchSize: 4 });
    const add = (f: Feature): void => w.add(f);
    let error: unknown;
    try {
      for (const f of makeParcels({ count: 9 })) add({ ...f, properties: {} });
      add({ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] }, properties: {} });
    } catch (e) {
      error = e;
      w.abort();
    }
    expect(error).toMatchObject({ code: 'IMPORT_MIXED_GEOMETRY', details: { index: 9, found: 'Point', expected: 'Polygon' } });
    expect(snapshot(store)).toBe(before);
  });

  it('a layer without CRS is refused before anything is written (IMPORT_NO_CRS)', () => {
    const store = project();
    const before = snapshot(store);
    expect(() => store.layers.beginLayer({ title: 'x', geometryType: 'Polygon', crs: null, fields: [], source })).toThrow(expect.objectContaining({ code: 'IMPORT_NO_CRS' }));
    expect(snapshot(store)).toBe(before);
  });
});

describe('deleting a layer', () => {
  it.runIf(hasGdal)('removes table, R-tree and registration; the file still validates', () => {
    const store = project();
    const keep = addParcels(store, 5, { title: 'keep' });
    const gone = addParcels(store, 5, { title: 'gone' });
    store.layers.delete(gone);
    expect(store.layers.list().map((l) => l.id)).toEqual([keep]);
    expect(store.db.prepare("SELECT name FROM sqlite_master WHERE name LIKE '%gone%'").all()).toEqual([]);
    expect(() => store.layers.info(gone)).toThrow(expect.objectContaining({ code: 'LAYER_NOT_FOUND' }));
    store.close();
    expect(validateGpkg(store.path)).toEqual([]);
  });
});

/** A polygon or multipolygon as the flat arrays a bulk reader yields. */
function toFlat(g: Geometry): FlatGeometry {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  const xy: number[] = [];
  const starts: number[] = [];
  for (const ring of polygons.flat()) {
    starts.push(xy.length / 2);
    for (const p of ring) xy.push(p[0], p[1]);
  }
  starts.push(xy.length / 2);
  return { type: g.type, xy: Float64Array.from(xy), partStarts: Int32Array.from(starts), polygonRingCounts: Int32Array.from(polygons.map((p) => p.length)) };
}
