/**
 * The committed sample and the generator that makes it: byte-identical regeneration, the 三调 rules of
 * docs/methods/sandiao-data.md §2.3, areas (§6) and a gapless partition, the rasters and red lines — checked with our
 * own readers, and with GDAL and pyproj (gdal-check.py) where they are installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesSource, crsFromWkt, ellipsoidalAreaM2, findLandClass, openCoordinatesTxt, openGeoTiff, openShapefile, validateDltb, type Feature, type MultiPolygon, type Polygon, type Position } from '#core';
import { sampleCrs } from './county-frame';
import { ProjectStore } from '../../electron/host/store/project-store';
import { hasGdal as hasGpkgValidator, validateGpkg } from '../../test/store/gdal-tools';
import { KCXS_TABLE, round2 } from './dltb-record';
import { generateSample } from './sample';
import { SAMPLE_PROJECT } from './sample-project';

const SAMPLE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PYTHON = '/usr/bin/python3';
const hasGdal = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import osgeo.ogr, pyproj']).status === 0;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'vep-sample-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every generated file under a sample folder, relative path → sha256. */
function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sub of ['dltb', 'rasters', 'redlines']) {
    for (const name of readdirSync(path.join(dir, sub)).sort()) {
      out[`${sub}/${name}`] = createHash('sha256').update(readFileSync(path.join(dir, sub, name))).digest('hex');
    }
  }
  return out;
}

function readLayer(dir: string, name: string) {
  const file = (ext: string) => path.join(dir, 'dltb', `${name}.${ext}`);
  const source = openShapefile({
    shp: bytesSource(readFileSync(file('shp'))),
    shx: bytesSource(readFileSync(file('shx'))),
    dbf: bytesSource(readFileSync(file('dbf'))),
    prj: readFileSync(file('prj'), 'utf8'),
    name,
  });
  return { source, features: [...source.features()] as Feature<Polygon | MultiPolygon>[] };
}

describe('the generator', () => {
  let first: Record<string, string>;
  beforeAll(() => {
    generateSample(path.join(tmp, 'a'));
    first = hashes(path.join(tmp, 'a'));
  }, 180_000);

  it('gives byte-identical files when run again', () => {
    generateSample(path.join(tmp, 'b'));
    expect(hashes(path.join(tmp, 'b'))).toEqual(first);
  }, 180_000);

  it('made the committed sample (npm run sample-data regenerates it)', () => {
    expect(hashes(SAMPLE_DIR)).toEqual(first);
  });

  it('keeps the committed sample small: no file near 1 MB except the parcel table, a few MB in all', () => {
    const sizes = Object.keys(first).map((f) => [f, statSync(path.join(SAMPLE_DIR, f)).size] as const);
    for (const [f, size] of sizes) if (f !== 'dltb/DLTB.dbf') expect(size, f).toBeLessThan(800_000);
    const total = sizes.reduce((s, [, n]) => s + n, 0) + statSync(path.join(SAMPLE_DIR, 'anji-sample.vep.gpkg')).size;
    expect(total).toBeLessThan(6_000_000);
  });
});

describe('DLTB', () => {
  const { source, features } = readLayer(SAMPLE_DIR, 'DLTB');
  const props = features.map((f) => f.properties);
  const crs = sampleCrs();

  it('is a GBK shapefile declared only by its language-driver byte, in EPSG:4528', () => {
    expect(readFileSync(path.join(SAMPLE_DIR, 'dltb', 'DLTB.dbf'))[29]).toBe(0x4d);
    expect(existsSync(path.join(SAMPLE_DIR, 'dltb', 'DLTB.cpg'))).toBe(false);
    expect(source.info.encoding).toEqual({ name: 'GBK', source: 'ldid' });
    expect(crsFromWkt(readFileSync(path.join(SAMPLE_DIR, 'dltb', 'DLTB.prj'), 'utf8')).epsg).toBe(4528);
  });

  it('is a few km² of 1 500–4 000 parcels, with holes and multipart parcels', () => {
    const areaKm2 = props.reduce((s, p) => s + (p.TBMJ as number), 0) / 1e6;
    expect(features.length).toBeGreaterThanOrEqual(1500);
    expect(features.length).toBeLessThanOrEqual(4000);
    expect(areaKm2).toBeGreaterThan(6);
    expect(areaKm2).toBeLessThan(12);
    expect(features.filter((f) => f.geometry.type === 'MultiPolygon').length).toBeGreaterThanOrEqual(5);
    expect(features.filter((f) => f.geometry.type === 'Polygon' && f.geometry.coordinates.length > 1).length).toBeGreaterThanOrEqual(5);
  });

  it('has the land-use mix of a hilly Anji-like county: mostly forest and bamboo, every class asked for', () => {
    const area: Record<string, number> = {};
    for (const p of props) area[p.DLBM as string] = (area[p.DLBM as string] ?? 0) + (p.TBMJ as number);
    const total = Object.values(area).reduce((s, a) => s + a, 0);
    const share = (codes: string[]) => codes.reduce((s, c) => s + (area[c] ?? 0), 0) / total;
    expect(share(['0301', '0302', '0305', '0307', '0301K', '0302K'])).toBeGreaterThan(0.55);
    expect(share(['0101'])).toBeGreaterThan(0.05);
    for (const code of ['0101', '0103', '0202', '0301', '0302', '0305', '0702', '1006', '1003', '1101', '1103', '1104', '1107', '0601', '05H1', '08H2', '1202', '1203', '0301K', '0201K']) {
      expect(area[code] ?? 0, code).toBeGreaterThan(0);
    }
    // Some 可调整 (K) classes: land converted from cultivation with its plough layer intact.
    expect(Object.keys(area).filter((c) => c.endsWith('K')).length).toBeGreaterThanOrEqual(2);
  });

  it("passes core's DLTB validation (§2.3) with no issue at all", () => {
    const report = validateDltb(features, source.fields);
    expect(report.schema).toBe('sandiao-dltb');
    expect(report.issues).toEqual([]);
  });

  it('obeys the §2.3 rules and this county’s 田坎系数 table, record by record', () => {
    const bsm = new Set<string>();
    const tbbh = new Set<string>();
    for (const p of props) {
      const dlbm = p.DLBM as string;
      expect(p.DLMC).toBe(findLandClass(dlbm)!.nameZh);
      expect(String(p.BSM)).toHaveLength(18);
      bsm.add(p.BSM as string);
      tbbh.add(`${p.ZLDWDM}/${p.TBBH}`);
      expect(String(p.ZLDWDM)).toMatch(/^330523\d{13}$/);
      expect(String(p.QSDWDM)).toMatch(/^330523\d{13}$/);
      const cultivated = dlbm.startsWith('01');
      if (cultivated) {
        expect(['1', '2', '3', '4', '5']).toContain(p.GDPDJB);
        expect(['LS', 'FLS', 'LYFL', 'XG', 'LLJZ', 'WG']).toContain(p.ZZSXDM);
        if (p.GDPDJB !== '1') expect(['TT', 'PD']).toContain(p.GDLX);
        const expected = p.GDLX ? KCXS_TABLE[p.GDLX as 'TT' | 'PD'][p.GDPDJB as string] : 0;
        expect(p.KCXS).toBe(expected);
      } else {
        expect(p.GDPDJB ?? '').toBe('');
        expect(p.KCXS).toBe(0);
      }
      expect((p.KCXS as number) > 0).toBe((p.KCDLBM ?? '') !== '');
      if ((p.KCXS as number) > 0) expect(p.KCDLBM).toBe('1203');
      expect(p.KCMJ).toBe(round2((p.TBMJ as number) * (p.KCXS as number)));
      expect(p.TBDLMJ).toBe(round2((p.TBMJ as number) - (p.KCMJ as number)));
      if (/^(05|06|07|08|09)/.test(dlbm) || dlbm === '1201') expect(['201', '202', '203', '204', '205', '201A', '202A', '203A']).toContain(p.CZCSXM);
      const linear = ['1003', '1006', '1101', '1107'].includes(dlbm);
      expect((p.XZDWKD as number) > 0).toBe(linear);
    }
    expect(bsm.size).toBe(props.length);
    expect(tbbh.size).toBe(props.length);
  });

  it('has TBMJ = the 三调 ellipsoidal area of its geometry, rounded to 0.01 m² (§6)', () => {
    features.forEach((f) => expect(f.properties.TBMJ).toBe(round2(ellipsoidalAreaM2(f.geometry, crs))));
  });

  it('sums to the villages, and villages to the township (DCMJ = Σ TBMJ, §2.4 and §3)', () => {
    const villages = readLayer(SAMPLE_DIR, 'CJDCQ').features.map((f) => f.properties);
    const towns = readLayer(SAMPLE_DIR, 'XZQ').features.map((f) => f.properties);
    const sum = (rows: typeof props, key: (p: (typeof props)[number]) => string, code: string) => round2(rows.filter((p) => key(p) === code).reduce((s, p) => s + Math.round((p.TBMJ as number) * 100), 0) / 100);
    for (const v of villages) expect(v.DCMJ, String(v.ZLDWMC)).toBe(sum(props, (p) => p.ZLDWDM as string, v.ZLDWDM as string));
    for (const t of towns) expect(t.DCMJ).toBe(sum(villages.map((v) => ({ ...v, TBMJ: v.DCMJ })), (v) => String(v.ZLDWDM).slice(0, 9), t.XZQDM as string));
    // Every village name in the parcels is a village of the village layer.
    expect(new Set(props.map((p) => `${p.ZLDWDM} ${p.ZLDWMC}`))).toEqual(new Set(villages.map((v) => `${v.ZLDWDM} ${v.ZLDWMC}`)));
  });
});

describe('rasters', () => {
  const manifest = JSON.parse(readFileSync(path.join(SAMPLE_DIR, 'rasters', 'rasters.json'), 'utf8')) as { rasters: Record<string, { file: string; unit: string; cellM: number }> };

  it('are Float32 GeoTIFFs in EPSG:4528 with nodata −9999, one per model-mode input', async () => {
    expect(Object.keys(manifest.rasters).sort()).toEqual(['dem', 'et', 'et_hot', 'fvc', 'k_factor', 'npp', 'r_factor', 'rainfall', 'storm_rainfall']);
    for (const [id, r] of Object.entries(manifest.rasters)) {
      const tif = await openGeoTiff(bytesSource(readFileSync(path.join(SAMPLE_DIR, 'rasters', r.file))), { name: r.file });
      expect(tif.info.crs?.epsg, id).toBe(4528);
      expect(tif.info.dataType).toBe('Float32');
      expect(tif.info.noData).toBe(-9999);
      expect(tif.info.geoTransform![1]).toBe(r.cellM);
    }
  });

  it('agree with the parcels: water lies low, paddy on the valley floors, forest up the hills', async () => {
    const dem = await openGeoTiff(bytesSource(readFileSync(path.join(SAMPLE_DIR, 'rasters', 'dem.tif'))), { name: 'dem.tif' });
    const gt = dem.info.geoTransform!;
    const pixels = dem.readWindow(1, { x: 0, y: 0, width: dem.info.width, height: dem.info.height });
    const at = ([x, y]: Position) => pixels[Math.floor((gt[3] - y) / -gt[5]) * dem.info.width + Math.floor((x - gt[0]) / gt[1])];
    const mean: Record<string, number[]> = {};
    for (const f of readLayer(SAMPLE_DIR, 'DLTB').features) {
      const ring = f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0][0];
      (mean[f.properties.DLBM as string] ??= []).push(...ring.map(at));
    }
    const avg = (code: string) => mean[code].reduce((s, v) => s + v, 0) / mean[code].length;
    expect(avg('1101')).toBeLessThan(avg('0101'));
    expect(avg('0101')).toBeLessThan(avg('0202'));
    expect(avg('0202')).toBeLessThan(avg('0302'));
    expect(avg('0302')).toBeLessThan(avg('0305'));
  });
});

describe('red lines', () => {
  const crs = sampleCrs();
  const read = (n: number) => {
    const bytes = readFileSync(path.join(SAMPLE_DIR, 'redlines', `redline-${n}.txt`));
    const txt = openCoordinatesTxt(bytes, { file: `redline-${n}.txt` });
    const geojson = JSON.parse(readFileSync(path.join(SAMPLE_DIR, 'redlines', `redline-${n}.geojson`), 'utf8'));
    return { bytes, txt, feature: [...txt.features()][0] as Feature<Polygon>, geojson };
  };

  it('are GBK text with CRLF line ends, read back in EPSG:4528 with no issue', () => {
    for (const n of [1, 2]) {
      const { bytes, txt } = read(n);
      expect(new TextDecoder('utf-8', { fatal: false }).decode(bytes)).toContain('\uFFFD'); // GBK, not UTF-8
      expect(new TextDecoder('gb18030').decode(bytes)).toContain('[地块坐标]');
      expect(bytes.includes(0x0a)).toBe(true);
      for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) expect(bytes[i - 1]).toBe(0x0d);
      expect(txt.info.crs?.epsg).toBe(4528);
      expect(txt.issues).toEqual([]);
    }
  });

  it('hold the same polygons as the GeoJSON files, whose legacy crs member names EPSG:4528', () => {
    for (const n of [1, 2]) {
      const { feature, geojson } = read(n);
      expect(geojson.crs.properties.name).toBe('urn:ogc:def:crs:EPSG::4528');
      const rings = (g: Polygon) => g.coordinates.map((r) => r.slice(0, -1).map((p) => p.join(',')).sort());
      expect(rings(feature.geometry)).toEqual(rings(geojson.features[0].geometry));
    }
  });

  it('are a concave ~20 ha transfer parcel and a ~6 ha parcel with an excluded plot; 地块面积 is their ellipsoidal area', () => {
    const one = read(1).feature;
    const two = read(2).feature;
    const ha = (f: Feature<Polygon>) => ellipsoidalAreaM2(f.geometry, crs) / 10_000;
    expect(ha(one)).toBeGreaterThan(15);
    expect(ha(one)).toBeLessThan(25);
    expect(ha(two)).toBeGreaterThan(5);
    expect(ha(two)).toBeLessThan(10);
    expect(one.geometry.coordinates).toHaveLength(1);
    expect(two.geometry.coordinates).toHaveLength(2);
    expect(planar(one.geometry.coordinates[0])).toBeLessThan(0.9 * planar(convexHull(one.geometry.coordinates[0])));
    for (const f of [one, two]) expect(f.properties.DKMJ).toBe(Number(ha(f).toFixed(4)));
  });
});

describe('the ready project', () => {
  const file = path.join(SAMPLE_DIR, SAMPLE_PROJECT);

  it('opens in the project store with the sample DLTB layer and both red lines', () => {
    const store = ProjectStore.open(file, { readonly: true });
    try {
      const layers = store.layers.list();
      expect(layers).toHaveLength(1);
      expect(layers[0].featureCount).toBe(readLayer(SAMPLE_DIR, 'DLTB').features.length);
      expect(store.info().crs?.epsg).toBe(4528);
      expect(store.redLines.list().map((r) => r.name)).toEqual(['1', '2'].map((n) => JSON.parse(readFileSync(path.join(SAMPLE_DIR, 'redlines', `redline-${n}.geojson`), 'utf8')).features[0].properties.DKMC));
    } finally {
      store.close();
    }
  });

  it.runIf(hasGpkgValidator)("passes GDAL's GeoPackage validator", () => {
    expect(validateGpkg(file)).toEqual([]);
  });
});

describe.runIf(hasGdal)('GDAL and pyproj read the sample', () => {
  let report: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON printed by gdal-check.py
  beforeAll(() => {
    report = JSON.parse(execFileSync(PYTHON, [path.join(SAMPLE_DIR, 'generator', 'gdal-check.py'), 'sample', SAMPLE_DIR], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  }, 180_000);

  it('decodes the Chinese attributes from the language-driver byte alone, and finds EPSG:4528 everywhere', () => {
    const ours = readLayer(SAMPLE_DIR, 'DLTB').features.map((f) => f.properties);
    expect(report.DLTB.count).toBe(ours.length);
    report.DLTB.rows.forEach((row: Record<string, unknown>, i: number) => {
      for (const key of ['DLBM', 'DLMC', 'QSDWMC', 'ZLDWMC', 'ZZSXMC', 'TBMJ', 'KCMJ']) expect(row[key] ?? '', `${key} #${i}`).toEqual(ours[i][key] ?? '');
    });
    for (const layer of ['DLTB', 'CJDCQ', 'XZQ']) expect(report[layer].epsg, layer).toBe(4528);
    for (const [id, r] of Object.entries(report.rasters as Record<string, { epsg: number; dataType: string; noData: number; compression: string }>)) {
      expect([id, r.epsg, r.dataType, r.noData, r.compression]).toEqual([id, 4528, 'Float32', -9999, 'DEFLATE']);
    }
    expect(report.redlines['redline-1.geojson']).toMatchObject({ epsg: 4528, count: 1, rings: 1 });
    expect(report.redlines['redline-2.wgs84.geojson']).toMatchObject({ epsg: 4326, count: 1, rings: 2 });
  });

  it('measures every TBMJ and JSMJ within 0.006 m² of pyproj.Geod (0.005 rounding + 0.001 method, §6.1)', () => {
    expect(report.DLTB.maxAreaDiff).toBeLessThan(0.006);
    expect(report.CJDCQ.maxAreaDiff).toBeLessThan(0.006);
    expect(report.XZQ.maxAreaDiff).toBeLessThan(0.006);
  });

  it('finds valid polygons with no overlaps and no gaps: their union is one polygon of the summed area', () => {
    const dltb = report.DLTB;
    expect(dltb.invalid).toBe(0);
    expect([dltb.unionParts, dltb.unionHoles]).toEqual([1, 0]);
    // Overlaps would make the sum exceed the union; slivers between parcels would show as holes of the union.
    expect(Math.abs(dltb.sumPlanar - dltb.unionPlanar)).toBeLessThan(0.01);
    const sumTbmj = dltb.rows.reduce((s: number, r: { TBMJ: number }) => s + r.TBMJ, 0);
    // Each TBMJ is rounded to 0.01 m²: the sum may drift by at most 0.005 m² per parcel.
    expect(Math.abs(sumTbmj - dltb.unionGeodArea)).toBeLessThan(0.005 * dltb.count);
    expect(Math.abs(report.CJDCQ.unionPlanar - dltb.unionPlanar)).toBeLessThan(0.01);
  });
});

function planar(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += (ring[i][0] - ring[0][0]) * (ring[i + 1][1] - ring[0][1]) - (ring[i + 1][0] - ring[0][0]) * (ring[i][1] - ring[0][1]);
  return Math.abs(s / 2);
}

/** Andrew's monotone chain, closed. */
function convexHull(ring: Position[]): Position[] {
  const pts = ring.slice(0, -1).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: Position, a: Position, b: Position) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (list: Position[]) => {
    const out: Position[] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2], out[out.length - 1], p) <= 0) out.pop();
      out.push(p);
    }
    return out.slice(0, -1);
  };
  const hull = [...half(pts), ...half([...pts].reverse())];
  return [...hull, hull[0]];
}
