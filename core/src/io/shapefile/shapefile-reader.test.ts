import { describe, expect, it } from 'vitest';
import {
  cpgText, expected, expectFieldsLikeGdal, expectGeometryLikeGdal, fixtureCases, fixtureFile, SHAPEFILE_DIR,
} from '../../../fixtures/shapefile/fixtures';
import { bytesSource, type Feature } from '../../types';
import { openShapefile, type ShapefileSource } from './shapefile-reader';

const DIR = SHAPEFILE_DIR;

function open(name: string, options: { shx?: boolean; encoding?: string } = {}): ShapefileSource {
  const file = (ext: string) => {
    const bytes = fixtureFile(DIR, name, ext);
    return bytes ? bytesSource(bytes) : null;
  };
  return openShapefile(
    { shp: file('shp')!, shx: options.shx === false ? null : file('shx'), dbf: file('dbf'), cpg: cpgText(DIR, name), name },
    { encoding: options.encoding },
  );
}

/** The encoding each case must be read with, and how it was decided (see docs/shapefile-reading.md). */
const ENCODINGS: Record<string, [string, string]> = {
  'dltb-gbk': ['GBK', 'cpg'],
  'enc-cpg-gbk': ['GBK', 'cpg'],
  'enc-cpg-cp936': ['GBK', 'cpg'],
  'enc-cpg-936': ['GBK', 'cpg'], // " 936\r\n"
  'enc-cpg-bom-gb2312': ['GBK', 'cpg'], // BOM + "gb2312": decoded as GBK, its superset
  'enc-ldid-77': ['GBK', 'ldid'],
  'enc-ldid-122': ['GBK', 'ldid'],
  'enc-gb18030': ['GB18030', 'cpg'],
  'enc-cpg-utf8': ['UTF-8', 'cpg'],
  'enc-big5': ['Big5', 'cpg'],
  'enc-ldid-87-gbk': ['GB18030', 'detected'], // LDID says ISO-8859-1, the bytes say otherwise
  'enc-cpg-1252-gbk': ['GB18030', 'detected'],
  'enc-cpg-utf8-gbk': ['GB18030', 'detected'],
  'enc-ldid-0-gbk': ['GB18030', 'detected'], // nothing declared
  'enc-ldid-0-utf8': ['UTF-8', 'detected'],
  'enc-cpg-1252-latin': ['windows-1252', 'cpg'], // neither UTF-8 nor GB18030: the declaration stands
};

/** The layer type by docs/design/cli.md, derived from GDAL's per-feature geometries. */
function layerTypeFromGdal(layerType: string | null, geometries: ({ type: string } | null)[]): string | null {
  if (layerType === null || layerType === 'None') return null;
  const types = geometries.filter((g) => g !== null).map((g) => g!.type);
  if (/Polygon/.test(layerType)) return types.includes('MultiPolygon') ? 'MultiPolygon' : 'Polygon';
  if (/Line String/.test(layerType)) return types.includes('MultiLineString') ? 'MultiLineString' : 'LineString';
  return /Multi Point/.test(layerType) ? 'MultiPoint' : 'Point';
}

describe('shapefile reader agrees with GDAL on every fixture', () => {
  const cases = fixtureCases(DIR);

  it('has the fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  for (const name of cases) {
    describe(name, () => {
      const gdal = expected(DIR, name);

      for (const withShx of [true, false]) {
        it(`reads counts, fields, extent, attributes and geometry ${withShx ? 'with' : 'without'} the .shx`, () => {
          const layer = open(name, { shx: withShx });
          expect(layer.info.featureCount).toBe(gdal.featureCount);
          expect(layer.info.extent).toEqual(gdal.extent);
          expect(layer.info.geometryType).toBe(layerTypeFromGdal(gdal.layerGeometryType, gdal.features.map((f) => f.geometry)));
          expectFieldsLikeGdal(layer.info.fields, gdal.fields);
          const records = [...layer.records()];
          expect(records.map((r) => r.index)).toEqual(gdal.features.map((f) => f.fid));
          records.forEach((record, i) => {
            const expectedFeature = gdal.features[i];
            expect(Object.fromEntries(layer.fields.map((f, k) => [f.name, record.values[k]])), `record ${record.index}`).toEqual(expectedFeature.properties);
            expectGeometryLikeGdal(record.geometry, expectedFeature.geometry, `${name} record ${record.index}`);
          });
        });
      }

      it('streams GeoJSON features matching the flat records', () => {
        const layer = open(name);
        const features: Feature[] = [...layer.features()];
        const records = [...layer.records()];
        expect(features.map((f) => f.id)).toEqual(records.map((r) => r.index));
        features.forEach((feature, i) => {
          const g = records[i].geometry;
          if (!g) return expect(feature.geometry).toBeNull();
          expect(feature.geometry!.type).toBe(g.type);
          const flat = JSON.stringify(feature.geometry!.coordinates).match(/-?\d+(\.\d+)?(e[-+]\d+)?/g)!.map(Number);
          expect(flat).toEqual(Array.from(g.xy));
          expect(feature.properties).toEqual(gdal.features[i].properties);
        });
      });

      if (ENCODINGS[name]) {
        it(`decides the encoding ${ENCODINGS[name].join(' from ')}`, () => {
          const { info } = open(name);
          expect(info.encoding).toEqual({ name: ENCODINGS[name][0], source: ENCODINGS[name][1] });
          const flagged = info.warnings.some((w) => w.code === 'ENCODING_DECLARED_WRONG');
          expect(flagged).toBe(['enc-ldid-87-gbk', 'enc-cpg-1252-gbk', 'enc-cpg-utf8-gbk'].includes(name));
        });
      }
    });
  }
});

describe('shapefile reader options', () => {
  it('lets the user override the encoding', () => {
    const layer = open('enc-ldid-87-gbk', { encoding: 'cp936' });
    expect(layer.info.encoding).toEqual({ name: 'GBK', source: 'user' });
    expect(layer.info.warnings).toEqual([]);
    expect([...layer.features()][1].properties.NAME).toBe('喆堃犇昇玥镕龘（全角）');
  });

  it('passes the CRS through and keeps the .prj text', () => {
    const crs = { epsg: 4527, name: 'CGCS2000 / 3-degree Gauss-Kruger zone 39', proj4: '+proj=tmerc', kind: 'projected' as const, ellipsoid: null };
    const prj = new TextDecoder().decode(fixtureFile(DIR, 'dltb-gbk', 'prj')!);
    const layer = openShapefile({ shp: bytesSource(fixtureFile(DIR, 'dltb-gbk', 'shp')!), prj }, { crs });
    expect(layer.info.crs).toBe(crs);
    expect(layer.prj).toContain('Gauss_Kruger');
  });

  it('reads geometry alone without a .dbf, with a warning, or refuses when a .dbf is required', () => {
    const shp = bytesSource(fixtureFile(DIR, 'dltb-gbk', 'shp')!);
    const layer = openShapefile({ shp, name: 'DLTB' });
    expect(layer.info.fields).toEqual([]);
    expect(layer.info.encoding).toBeNull();
    expect(layer.info.warnings).toEqual([{ code: 'SHP_NO_DBF', details: { file: 'DLTB.dbf', shpFile: 'DLTB.shp' } }]);
    expect([...layer.features()]).toHaveLength(9);
    expect(() => openShapefile({ shp, name: 'DLTB' }, { requireDbf: true })).toThrow(expect.objectContaining({ code: 'SHP_DBF_MISSING' }));
  });

  it('refuses MultiPatch clearly', () => {
    expect(() => open('multipatch')).toThrow(expect.objectContaining({ code: 'SHP_MULTIPATCH_UNSUPPORTED', details: { file: 'multipatch.shp' } }));
  });

  it('reports progress of the opening scan and stops when cancelled', () => {
    const shp = bytesSource(fixtureFile(DIR, 'dltb-gbk', 'shp')!);
    const seen: number[] = [];
    openShapefile({ shp }, { context: { onProgress: (p) => seen.push(p.done) } });
    expect(seen.at(-1)).toBe(9);
    expect(() => openShapefile({ shp }, { context: { signal: { aborted: true } } })).toThrow(expect.objectContaining({ code: 'CANCELLED' }));
  });

  it('reads Z and M values exactly into the flat records', () => {
    const [first] = [...open('polygonzm').records()];
    // GDAL: POLYGON ZM with z = i and m = −i on the clockwise ring; we reverse it, so z runs 0, 3, 2, 1, 0.
    expect(Array.from(first.geometry!.z!)).toEqual([0, 3, 2, 1, 0]);
    expect(Array.from(first.geometry!.m!)).toEqual([0, -3, -2, -1, 0]);
  });
});
