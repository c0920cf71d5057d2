import { afterEach, describe, expect, it } from 'vitest';
import type { CrsInfo, MultiPolygon, Polygon } from '#core';
import { hasGdal, ogrSummary, validateGpkg } from '../../../test/store/gdal-tools';
import { GK40, makeParcels } from '../../../test/store/parcels';
import { ProjectStore } from './project-store';
import { addParcels, createTestProject } from './test-project';

const open: ProjectStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) if (s.db.open) s.close();
});
function project(): ProjectStore {
  const s = createTestProject();
  open.push(s);
  return s;
}

const CGCS2000_LONLAT: CrsInfo = { epsg: 4490, name: 'China Geodetic Coordinate System 2000', proj4: '+proj=longlat +ellps=GRS80 +no_defs', kind: 'geographic', ellipsoid: 'CGCS2000' };
const square: Polygon = { type: 'Polygon', coordinates: [[[40500000, 3386000], [40500400, 3386000], [40500400, 3386400], [40500000, 3386400], [40500000, 3386000]]] };

describe('red lines', () => {
  it('create, list, rename, change geometry, delete — each on disk when the call returns', () => {
    const store = project();
    const a = store.redLines.create({ name: '红线 A', geometry: square, crs: GK40, source: 'drawn' });
    expect(a).toMatchObject({ id: 1, name: '红线 A', source: 'drawn', crs: GK40, geometry: { type: 'MultiPolygon', coordinates: [square.coordinates] } });
    const renamed = store.redLines.update(a.id, { name: '红线 A2', notes: '调整后' });
    expect(renamed).toMatchObject({ name: '红线 A2', notes: '调整后', geometry: a.geometry });

    const reopened = ProjectStore.open(store.path); // a second connection sees the committed state
    open.push(reopened);
    expect(reopened.redLines.list().map((r) => r.name)).toEqual(['红线 A2']);

    store.redLines.delete(a.id);
    expect(reopened.redLines.list()).toEqual([]);
    expect(() => store.redLines.get(a.id)).toThrow(expect.objectContaining({ code: 'RECORD_NOT_FOUND' }));
  });

  it('takes the project CRS from the first red line and reprojects later ones into it (PROJ reference values)', () => {
    const store = project();
    store.redLines.create({ name: 'gk', geometry: square, crs: GK40 });
    // cs2cs +proj=longlat +ellps=GRS80 +to <EPSG:4528 tmerc>: 120.00 30.60 → 40500000.000000 3386627.909188
    //                                                        120.01 30.61 → 40500958.907274 3387736.578806
    const ll = store.redLines.create({ name: 'll', geometry: { type: 'Polygon', coordinates: [[[120, 30.6], [120.01, 30.6], [120.01, 30.61], [120, 30.6]]] }, crs: CGCS2000_LONLAT });
    expect(ll.crs).toEqual(GK40);
    const [p0, , p2] = (ll.geometry as MultiPolygon).coordinates[0][0];
    expect(p0[0]).toBeCloseTo(40500000.0, 5);
    expect(p0[1]).toBeCloseTo(3386627.909188, 5);
    expect(p2[0]).toBeCloseTo(40500958.907274, 5);
    expect(p2[1]).toBeCloseTo(3387736.578806, 5);
    expect(store.info().crs).toEqual(GK40);
  });

  it('zones belong to their red line: replaced together, dropped when its geometry changes or it is deleted', () => {
    const store = project();
    const r = store.redLines.create({ name: 'r', geometry: square, crs: GK40 });
    const ring: Polygon = { type: 'Polygon', coordinates: [[[40499000, 3385000], [40501400, 3385000], [40501400, 3387400], [40499000, 3387400], [40499000, 3385000]], square.coordinates[0].slice().reverse()] };
    const zones = store.redLines.replaceZones(r.id, [
      { zone: 'redline', geometry: square, bufferM: null, areaM2: 160000 },
      { zone: 'buffer', geometry: ring, bufferM: 1000, areaM2: 5600000 },
    ], GK40);
    expect(zones.map((z) => [z.zone, z.bufferM, z.areaM2])).toEqual([['redline', null, 160000], ['buffer', 1000, 5600000]]);
    store.redLines.update(r.id, { name: 'same geometry' });
    expect(store.redLines.zones(r.id)).toHaveLength(2);
    store.redLines.update(r.id, { geometry: ring });
    expect(store.redLines.zones(r.id)).toEqual([]);
    store.redLines.replaceZones(r.id, [{ zone: 'redline', geometry: ring, bufferM: null, areaM2: 1 }], GK40);
    store.redLines.delete(r.id);
    expect(store.db.prepare('SELECT COUNT(*) FROM vep_zones').pluck().get()).toBe(0);
  });

  it('refuses a non-polygon red line', () => {
    const store = project();
    expect(() => store.redLines.create({ name: 'x', geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } as unknown as Polygon, crs: GK40 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('parameter sets', () => {
  it('store canonical JSON with its sha256, which follows the content, not the key order', () => {
    const store = project();
    const set = store.parameterSets.create({ name: '默认', json: { b: '水', a: [1, { d: 2, c: 3 }] } });
    // printf '%s' '{"a":[1,{"c":3,"d":2}],"b":"水"}' | sha256sum
    expect(set.sha256).toBe('f822450ade7bdd6e3859ed80ba473c5168c91ba85b8b42288ebd9f5a9c8cf84d');
    expect(store.db.prepare('SELECT json FROM vep_parameter_sets WHERE id = ?').pluck().get(set.id)).toBe('{"a":[1,{"c":3,"d":2}],"b":"水"}');
    const same = store.parameterSets.create({ name: 'copy', json: { a: [1, { c: 3, d: 2 }], b: '水' } });
    expect(same.sha256).toBe(set.sha256);
    const changed = store.parameterSets.update(set.id, { json: { a: [1], b: '水' } });
    expect(changed.sha256).not.toBe(set.sha256);
    expect(store.parameterSets.list().map((p) => p.name)).toEqual(['默认', 'copy']);
    store.parameterSets.delete(same.id);
    expect(() => store.parameterSets.get(same.id)).toThrow(expect.objectContaining({ code: 'RECORD_NOT_FOUND' }));
  });

  it('never share a name: a taken one (ignoring case and outer spaces) is refused on create and rename, with the name', () => {
    const store = project();
    const anji = store.parameterSets.create({ name: 'Anji 2024', json: { a: 1 } });
    const other = store.parameterSets.create({ name: '德清', json: { a: 2 } });
    expect(() => store.parameterSets.create({ name: ' anji 2024 ', json: { a: 3 } })).toThrow(expect.objectContaining({ code: 'PARAMS_NAME_TAKEN', details: { name: 'anji 2024' } }));
    expect(() => store.parameterSets.update(other.id, { name: 'ANJI 2024' })).toThrow(expect.objectContaining({ code: 'PARAMS_NAME_TAKEN' }));
    // its own name is not "taken": renaming to it, or saving new JSON under it, goes through
    expect(store.parameterSets.update(anji.id, { name: 'Anji 2024', json: { a: 4 } }).json).toEqual({ a: 4 });
    expect(store.parameterSets.list().map((p) => p.name)).toEqual(['Anji 2024', '德清']);
  });
});

describe('runs and results', () => {
  const piece = (i: number) => ({
    geometry: { type: 'Polygon' as const, coordinates: [[[40500000 + i, 3386000], [40500010 + i, 3386000], [40500010 + i, 3386010], [40500000 + i, 3386000]]] },
    zone: 'redline' as const, parcelLayer: 'DLTB', parcelFid: i + 1, dlbm: '0301', dlmc: '乔木林地', areaM2: 50 + i,
    services: { water_retention: { quantity: 1.5, value: 2.25 }, carbon_sequestration: { quantity: 0.1, value: null } },
    valueYuan: 2.25, unitValue: 2.25 / (50 + i),
  });

  it('a run starts "running"; finish writes summary and every piece in one go; pieces read back', () => {
    const store = project();
    const id = store.runs.start({ kind: 'account', redLineId: 1, parameterSetId: 2, parameterSetSha256: 'abc', options: { bufferM: 1000 }, provenance: { version: 'test' } });
    expect(store.runs.get(id)).toMatchObject({ status: 'running', finishedAt: null, pieceCount: 0, options: { bufferM: 1000 } });
    const done = store.runs.finish(id, { summary: { total: 12.5 }, pieces: [0, 1, 2].map(piece), crs: GK40 });
    expect(done).toMatchObject({ status: 'succeeded', summary: { total: 12.5 }, pieceCount: 3 });
    const [first] = store.runs.pieces(id, { limit: 1 });
    expect(first).toMatchObject({ zone: 'redline', parcelFid: 1, dlbm: '0301', areaM2: 50, valueYuan: 2.25, geometry: { type: 'MultiPolygon', coordinates: [piece(0).geometry.coordinates] } });
    expect(first.services.water_retention).toEqual({ quantity: 1.5, value: 2.25 });
    expect(first.services.carbon_sequestration).toEqual({ quantity: 0.1, value: null });
    expect(first.services.oxygen_release).toEqual({ quantity: null, value: null });
  });

  it('a failure inside finish leaves no pieces and the run still "running"', () => {
    const store = project();
    const id = store.runs.start({ kind: 'account', options: {}, provenance: {} });
    function* pieces() {
      yield piece(0);
      throw new Error('disk on fire');
    }
    expect(() => store.runs.finish(id, { summary: {}, pieces: pieces(), crs: GK40 })).toThrow('disk on fire');
    expect(store.runs.get(id)).toMatchObject({ status: 'running', pieceCount: 0 });
  });

  it('fail, markInterrupted, list newest first, delete with pieces', () => {
    const store = project();
    const a = store.runs.start({ kind: 'account', options: {}, provenance: {} });
    const b = store.runs.start({ kind: 'account', options: {}, provenance: {} });
    store.runs.fail(a, 'cancelled', { code: 'CANCELLED' });
    expect(store.runs.markInterrupted(new Date(Date.now() + 1000))).toBe(1);
    expect(store.runs.list().map((r) => [r.id, r.status])).toEqual([[b, 'interrupted'], [a, 'cancelled']]);
    const c = store.runs.start({ kind: 'account', options: {}, provenance: {} });
    store.runs.finish(c, { summary: {}, pieces: [piece(0)], crs: GK40 });
    store.runs.delete(c);
    expect(store.db.prepare('SELECT COUNT(*) FROM vep_result_pieces').pluck().get()).toBe(0);
  });
});

describe('UI state and recent edits', () => {
  it('keeps JSON values by key and logs edits newest first', () => {
    const store = project();
    store.uiState.set('map.view', { center: [120, 30.6], zoom: 12 });
    store.uiState.set('map.view', { center: [120, 30.6], zoom: 13 });
    expect(store.uiState.get('map.view')).toEqual({ center: [120, 30.6], zoom: 13 });
    expect(store.uiState.get('missing')).toBeUndefined();
    store.redLines.create({ name: 'r', geometry: square, crs: GK40 });
    store.rename('安吉项目');
    expect(store.uiState.recentEdits(2).map((e) => [e.kind, e.summary])).toEqual([['project:rename', '安吉项目'], ['red-line:create', 'r']]);
    expect(store.info().name).toBe('安吉项目');
  });
});

describe('a project locked by another writer', () => {
  it('gives PROJECT_LOCKED after the busy timeout, and the edit is not made', () => {
    const store = project();
    const other = ProjectStore.open(store.path, { busyTimeoutMs: 50 });
    open.push(other);
    store.db.exec('BEGIN IMMEDIATE'); // the first connection holds the write lock
    try {
      expect(() => other.rename('x')).toThrow(expect.objectContaining({ code: 'PROJECT_LOCKED' }));
    } finally {
      store.db.exec('ROLLBACK');
    }
    expect(other.info().name).toBe('test');
  });
});

describe('a project with everything in it', () => {
  it.runIf(hasGdal)('passes the validator; GDAL lists the red lines, zones and result pieces layers', () => {
    const store = project();
    const r = store.redLines.create({ name: '红线', geometry: square, crs: GK40 });
    store.redLines.replaceZones(r.id, [{ zone: 'redline', geometry: square, bufferM: null, areaM2: 160000 }], GK40);
    const run = store.runs.start({ kind: 'account', options: {}, provenance: {} });
    store.runs.finish(run, { summary: { ok: true }, pieces: [{ geometry: square, zone: 'redline', parcelLayer: null, parcelFid: null, dlbm: '0101', dlmc: '水田', areaM2: 160000, services: {}, valueYuan: 1, unitValue: 1 / 160000 }], crs: GK40 });
    store.parameterSets.create({ name: 'p', json: { x: 1 } });
    store.close();
    expect(validateGpkg(store.path)).toEqual([]);
    for (const layer of ['vep_red_lines', 'vep_zones', 'vep_result_pieces']) {
      expect(ogrSummary(store.path, layer)).toMatchObject({ featureCount: 1, extent: [40500000, 3386000, 40500400, 3386400], srsAuthority: 'EPSG:4528' });
    }
  });
});

/** The legend's counts worked out from the generated parcels themselves: per DLBM, how many, and a DLMC beside it. */
function expectedClasses(count: number, keep: (fid: number) => boolean = () => true) {
  const byClass = new Map<string, { count: number; label: string }>();
  let fid = 0;
  for (const f of makeParcels({ count })) {
    if (!keep(++fid)) continue;
    const c = byClass.get(f.properties.DLBM as string) ?? { count: 0, label: f.properties.DLMC as string };
    c.count++;
    byClass.set(f.properties.DLBM as string, c);
  }
  return [...byClass].sort(([a], [b]) => (a < b ? -1 : 1)).map(([value, c]) => ({ value, label: c.label, count: c.count }));
}

const cacheRows = (s: ProjectStore) => s.db.prepare("SELECT kind, version, recipe FROM vep_layer_cache WHERE kind = 'classes'").all();

describe('the land classes of a layer (the legend)', () => {
  it('are counted per value with the label beside each, and kept for the layer version they were counted from', () => {
    const s = project();
    const id = addParcels(s, 700);
    const expected = expectedClasses(700);
    expect(expected.length).toBeGreaterThan(3);
    expect(s.layers.classes(id, 'DLBM', 'DLMC')).toEqual(expected);
    const version = s.db.prepare('SELECT last_change FROM gpkg_contents WHERE table_name = ?').pluck().get(id);
    expect(cacheRows(s)).toEqual([{ kind: 'classes', version, recipe: 'field=DLBM;label=DLMC' }]);
    // the kept answer is what a second connection (a reopened project) gets, read-only
    const reopened = ProjectStore.open(s.path, { readonly: true });
    open.push(reopened);
    expect(reopened.layers.classes(id, 'DLBM', 'DLMC')).toEqual(expected);
  });

  it('are counted again when the layer changed, or when asked for another field', () => {
    const s = project();
    const id = addParcels(s, 700);
    s.layers.classes(id, 'DLBM', 'DLMC');
    s.db.exec(`DELETE FROM "${id}" WHERE fid % 2 = 0`);
    s.db.prepare("UPDATE gpkg_contents SET last_change = '2030-01-01T00:00:00.000Z' WHERE table_name = ?").run(id);
    expect(s.layers.classes(id, 'DLBM', 'DLMC')).toEqual(expectedClasses(700, (fid) => fid % 2 === 1));
    expect(s.layers.classes(id, 'DLBM')).toEqual(expectedClasses(700, (fid) => fid % 2 === 1).map((c) => ({ ...c, label: null })));
    expect(cacheRows(s)).toEqual([{ kind: 'classes', version: '2030-01-01T00:00:00.000Z', recipe: 'field=DLBM;label=' }]);
  });

  it('refuses a field the layer does not have, and go with the layer when it is deleted', () => {
    const s = project();
    const id = addParcels(s, 50);
    expect(() => s.layers.classes(id, 'NOPE')).toThrow(expect.objectContaining({ code: 'FIELD_NOT_FOUND' }));
    s.layers.classes(id, 'DLBM');
    s.layers.delete(id);
    expect(cacheRows(s)).toEqual([]);
  });
});
