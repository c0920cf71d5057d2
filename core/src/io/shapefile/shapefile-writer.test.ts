/**
 * Round trips of the shapefile writer. The output is committed (core/fixtures/shapefile/written/in, rewritten with
 * REGEN=1) and GDAL's reading of it too (written/out, made by make-fixtures.py), so the GDAL comparison runs
 * everywhere; where `ogr2ogr` is installed (CI installs gdal-bin) fresh output is also read back by GDAL live.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expected, gdalLogical, ringArea, SHAPEFILE_DIR } from '../../../fixtures/shapefile/fixtures';
import { bytesSource, type Feature, type FieldDef, type Geometry, type GeometryType, type Position, type Properties } from '../../types';
import { openShapefile } from './shapefile-reader';
import { writeShapefile, type WrittenShapefile } from './shapefile-writer';

const WRITTEN = `${join(SHAPEFILE_DIR, 'written')}/`;
const E = 39_438_600;
const N = 3_751_400;
const PRJ = readFileSync(join(SHAPEFILE_DIR, 'in', 'dltb-gbk.prj'), 'utf8');

const sq = (x: number, y: number, s: number, ccw = true): Position[] => {
  const ring = [[E + x, N + y], [E + x + s, N + y], [E + x + s, N + y + s], [E + x, N + y + s], [E + x, N + y]];
  return ccw ? ring : ring.reverse();
};

const FIELDS: FieldDef[] = [
  { name: 'BSM', type: 'string', width: 18 },
  { name: 'DLMC', type: 'string', width: null },
  { name: 'QSDWMC_LONG_NAME', type: 'string', width: null },
  { name: 'QSDWMC_LONG_CODE', type: 'string', width: null },
  { name: 'TBMJ', type: 'number', width: null, decimals: 2 },
  { name: 'KCXS', type: 'number', width: null },
  { name: 'GDDB', type: 'integer', width: null },
  { name: 'GXSJ', type: 'date', width: null },
  { name: 'SFJBNT', type: 'boolean', width: null },
];

function parcel(i: number, geometry: Geometry | null, props: Partial<Properties>): Feature {
  return {
    type: 'Feature', geometry,
    properties: {
      BSM: `33052300000000${1000 + i}`, DLMC: '水田', QSDWMC_LONG_NAME: '递铺街道安城村股份经济合作社', QSDWMC_LONG_CODE: '330523001001',
      TBMJ: 1000 + i + 0.25, KCXS: 0.068, GDDB: i, GXSJ: `2021-0${1 + i}-1${i}`, SFJBNT: i % 2 === 0, ...props,
    },
  };
}

const POLYGONS: Feature[] = [
  parcel(0, { type: 'Polygon', coordinates: [sq(0, 0, 100), sq(20, 20, 10, false)] }, { DLMC: '喆堃犇龘（全角）' }),
  // Wrongly oriented input (clockwise shell, counter-clockwise hole): the file must still get clockwise shells.
  parcel(1, { type: 'Polygon', coordinates: [sq(200, 0, 50, false), sq(210, 10, 5, true)] }, { KCXS: 0.1195, QSDWMC_LONG_NAME: null }),
  parcel(2, { type: 'MultiPolygon', coordinates: [[sq(300, 0, 10)], [sq(320, 0, 10)]] }, { TBMJ: null, GDDB: null, GXSJ: null, SFJBNT: null }),
  parcel(3, null, { DLMC: '' }),
  parcel(4, { type: 'Polygon', coordinates: [[[39438683.652, 3751508.512], [39438790.152, 3751508.512], [39438790.15, 3751402.1], [39438683.652, 3751508.512]]] }, { DLMC: '田'.repeat(140) }),
];

const CASES: { name: string; geometryType: GeometryType; encoding: 'GBK' | 'UTF-8'; features: Feature[] }[] = [
  { name: 'written-gbk', geometryType: 'Polygon', encoding: 'GBK', features: POLYGONS },
  { name: 'written-utf8', geometryType: 'MultiPolygon', encoding: 'UTF-8', features: POLYGONS },
  {
    name: 'written-lines', geometryType: 'MultiLineString', encoding: 'GBK', features: [
      parcel(0, { type: 'LineString', coordinates: [[E, N], [E + 10.5, N + 3.25]] }, {}),
      parcel(1, { type: 'MultiLineString', coordinates: [[[E, N], [E, N + 1]], [[E + 5, N], [E + 6, N + 1], [E + 7, N]]] }, {}),
    ],
  },
  {
    name: 'written-points', geometryType: 'Point', encoding: 'UTF-8', features: [
      parcel(0, { type: 'Point', coordinates: [E + 0.125, N - 7] }, {}), parcel(1, null, {}),
    ],
  },
];

function write(c: (typeof CASES)[number]): WrittenShapefile {
  return writeShapefile(c.features, { geometryType: c.geometryType, fields: FIELDS, encoding: c.encoding, prj: PRJ });
}

const EXTS = ['shp', 'shx', 'dbf', 'cpg', 'prj'] as const;

/** What a reader must find: names as written, '' read as null (GDAL's convention), long text cut to 254 bytes. */
function expectedProperties(c: (typeof CASES)[number], out: WrittenShapefile, feature: Feature): Properties {
  const props: Properties = {};
  for (const f of FIELDS) {
    let v = feature.properties[f.name] ?? null;
    if (v === '') v = null;
    if (typeof v === 'string' && v.startsWith('田田田')) v = '田'.repeat(c.encoding === 'GBK' ? 127 : 84);
    props[out.fieldNames[f.name]] = v;
  }
  return props;
}

/** Every ring of a geometry, as GeoJSON-like nested positions, in polygon/ring order. */
function rings(g: Geometry): Position[][] {
  switch (g.type) {
    case 'Point': return [[g.coordinates]];
    case 'MultiPoint': return [g.coordinates];
    case 'LineString': return [g.coordinates];
    case 'MultiLineString': return g.coordinates;
    case 'Polygon': return g.coordinates;
    case 'MultiPolygon': return g.coordinates.flat();
  }
}

function expectSameRings(actual: Position[][], wanted: Position[][], label: string) {
  expect(actual.length, label).toBe(wanted.length);
  actual.forEach((ring, i) => {
    const a = ring.map((p) => [p[0], p[1]]);
    const same = JSON.stringify(a) === JSON.stringify(wanted[i]) || JSON.stringify([...a].reverse()) === JSON.stringify(wanted[i]);
    expect(same, `${label} ring ${i}: ${JSON.stringify(a)} vs ${JSON.stringify(wanted[i])}`).toBe(true);
  });
}

describe('shapefile writer', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      const out = write(c);

      it('writes the committed bytes (REGEN=1 rewrites them)', () => {
        if (process.env.REGEN) {
          mkdirSync(join(WRITTEN, 'in'), { recursive: true });
          for (const ext of EXTS) writeFileSync(join(WRITTEN, 'in', `${c.name}.${ext}`), out[ext]!);
        }
        for (const ext of EXTS) expect(out[ext], ext).toEqual(new Uint8Array(readFileSync(join(WRITTEN, 'in', `${c.name}.${ext}`))));
      });

      it('reads back with our reader: same records, attributes and geometry', () => {
        const layer = openShapefile({ shp: bytesSource(out.shp), shx: bytesSource(out.shx), dbf: bytesSource(out.dbf), cpg: new TextDecoder().decode(out.cpg) });
        expect(layer.info.encoding).toEqual({ name: c.encoding, source: 'cpg' });
        expect(layer.info.featureCount).toBe(c.features.length);
        const features = [...layer.features()];
        features.forEach((f, i) => {
          expect(f.properties, `record ${i}`).toEqual(expectedProperties(c, out, c.features[i]));
          const source = c.features[i].geometry;
          if (!source) return expect(f.geometry).toBeNull();
          expectSameRings(rings(f.geometry!), rings(source), `record ${i}`);
        });
      });

      it('is read by GDAL (committed reading) with the same attributes and geometry, shells clockwise', () => {
        const gdal = expected(WRITTEN, c.name);
        expect(gdal.featureCount).toBe(c.features.length);
        gdal.features.forEach((f, i) => {
          const props = { ...f.properties };
          for (const field of gdal.fields) if (field.width === 1 && FIELDS.find((d) => out.fieldNames[d.name] === field.name)?.type === 'boolean') props[field.name] = gdalLogical(props[field.name]);
          expect(props, `record ${i}`).toEqual(expectedProperties(c, out, c.features[i]));
          const source = c.features[i].geometry;
          if (!source) return expect(f.geometry).toBeNull();
          const geometry = { type: f.geometry!.type, coordinates: f.geometry!.coordinates } as Geometry;
          expectSameRings(rings(geometry), rings(source), `record ${i}`);
          if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
            const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
            for (const polygon of polygons) polygon.forEach((ring, r) => expect(ringArea(ring) < 0, `record ${i} ring ${r} clockwise`).toBe(r === 0));
          }
        });
      });

      const ogr2ogr = (() => {
        try {
          execFileSync('ogr2ogr', ['--version'], { stdio: 'pipe' });
          return true;
        } catch {
          return false;
        }
      })();
      it.runIf(ogr2ogr)('is read by GDAL live (ogr2ogr → GeoJSON) with the same attributes and geometry', () => {
        const dir = mkdtempSync(join(tmpdir(), 'vep-shp-'));
        try {
          for (const ext of EXTS) writeFileSync(join(dir, `layer.${ext}`), out[ext]!);
          const json = JSON.parse(execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', join(dir, 'layer.shp')], { encoding: 'utf8' }));
          expect(json.features).toHaveLength(c.features.length);
          json.features.forEach((f: Feature, i: number) => {
            const want = expectedProperties(c, out, c.features[i]);
            const got: Properties = {};
            for (const key of Object.keys(want)) got[key] = f.properties[key] ?? null;
            const boolName = out.fieldNames.SFJBNT;
            got[boolName] = gdalLogical(got[boolName]);
            expect(got, `record ${i}`).toEqual(want);
            const source = c.features[i].geometry;
            if (!source) return expect(f.geometry).toBeNull();
            expectSameRings(rings(f.geometry!), rings(source), `record ${i}`);
          });
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    });
  }

  it('names fields as GDAL does and reports the mapping', () => {
    const out = write(CASES[0]);
    expect(out.fieldNames).toMatchObject({ QSDWMC_LONG_NAME: 'QSDWMC_LON', QSDWMC_LONG_CODE: 'QSDWMC_L_1', TBMJ: 'TBMJ' });
    expect(out.warnings).toEqual([{ code: 'DBF_WRITE_VALUE_TRUNCATED', details: { field: 'DLMC', record: 5, bytes: 254 } }]);
  });

  it('refuses a geometry the layer type cannot hold and non-finite coordinates', () => {
    const options = { geometryType: 'Polygon' as const, fields: [] };
    expect(() => writeShapefile([{ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] }, properties: {} }], options))
      .toThrow(expect.objectContaining({ code: 'SHP_WRITE_GEOMETRY_TYPE', details: { record: 1, found: 'Point', expected: 'Polygon/MultiPolygon' } }));
    expect(() => writeShapefile([{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, Number.NaN], [1, 1], [0, 0]]] }, properties: {} }], options))
      .toThrow(expect.objectContaining({ code: 'SHP_WRITE_NON_FINITE', details: { record: 1 } }));
  });

  it('has committed GDAL readings for every case', () => {
    for (const c of CASES) expect(existsSync(join(WRITTEN, 'out', `${c.name}.json`)), c.name).toBe(true);
  });
});
