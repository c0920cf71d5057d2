import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crsFromEpsg } from '../../crs/crs-from-epsg';
import { errorMessage, InputError } from '../../errors';
import { isMessageCode } from '../../messages/index';
import type { Feature, MultiPolygon, Polygon } from '../../types';
import { openCoordinatesTxt } from './coordinates-txt-reader';
import { formatCoordinatesTxt, writeCoordinatesTxt, type CoordinatesTxtParcel } from './coordinates-txt-writer';

/** Inputs and hand-made expected results (core/fixtures/coordinates-txt/make-fixtures.py). */
const dir = new URL('../../../fixtures/coordinates-txt/', import.meta.url);
const names = readdirSync(new URL('in/', dir)).sort();
const input = (name: string) => new Uint8Array(readFileSync(new URL(`in/${name}`, dir)));
interface Expected {
  error?: string;
  line?: number | null;
  epsg?: number | null;
  encoding?: string;
  geometryType?: string;
  header?: Record<string, string>;
  features?: { geometry: Polygon | MultiPolygon; properties: Record<string, unknown> }[];
  issues?: { code: string; severity: string; line?: number }[];
}
const expected = (name: string): Expected => JSON.parse(readFileSync(new URL(`out/${name.replace('.txt', '.json')}`, dir), 'utf8'));

function caught(f: () => unknown): { code?: string; details?: Record<string, unknown> } | undefined {
  try {
    f();
  } catch (e) {
    return e as { code?: string; details?: Record<string, unknown> };
  }
  return undefined;
}

describe('openCoordinatesTxt on the fixtures', () => {
  for (const name of names) {
    it(name, () => {
      const want = expected(name);
      if (want.error) {
        const e = caught(() => openCoordinatesTxt(input(name), { file: name }));
        expect(e?.code).toBe(want.error);
        if (want.line) expect(e?.details?.line).toBe(want.line);
        return;
      }
      const layer = openCoordinatesTxt(input(name), { file: name });
      expect(layer.info.crs?.epsg ?? null).toBe(want.epsg);
      expect(layer.info.encoding?.name).toBe(want.encoding);
      expect(layer.info.geometryType).toBe(want.geometryType);
      expect(layer.header).toEqual(want.header);
      expect([...layer.features()].map((f) => ({ geometry: f.geometry, properties: f.properties }))).toEqual(want.features);
      const issues = layer.issues.map((i) => ({ code: i.code, severity: i.severity, ...(typeof i.details.line === 'number' && want.issues!.some((w) => w.line) ? { line: i.details.line } : {}) }));
      expect(issues).toEqual(want.issues);
      expect(layer.info.warnings.map((w) => w.code)).toEqual(want.issues!.map((w) => w.code));
    });
  }

  it('the §7 example: 1 parcel, 1 hole, CGCS2000 3° zone 39, 0.96 ha kept as a property', () => {
    const layer = openCoordinatesTxt(input('example-7.txt'));
    const [parcel] = [...layer.features()] as Feature<Polygon>[];
    expect(layer.info.featureCount).toBe(1);
    expect(parcel.geometry.coordinates).toHaveLength(2);
    expect(layer.info.crs).toEqual(crsFromEpsg(4527));
    expect(parcel.properties.DKMJ).toBe(0.96);
    expect(layer.info.extent).toEqual([39512000, 3512000, 39512100, 3512100]);
  });

  it('--crs overrides the header and is still checked against the eastings', () => {
    const layer = openCoordinatesTxt(input('example-7.txt'), { crs: crsFromEpsg(4548) });
    expect(layer.info.crs?.epsg).toBe(4527);
    expect(layer.issues.map((i) => i.code)).toEqual(['CRS_ZONE_PREFIX_ADDED']);
  });

  it('says what is wrong in one line, in both languages, with the file and line', () => {
    const e = caught(() => openCoordinatesTxt(input('letters-in-coordinate.txt'), { file: '红线.txt' }));
    expect(errorMessage(e, 'en')).toBe('红线.txt, line 16: the coordinate "35121OO.000" is not a number');
    expect(errorMessage(e, 'zh')).toBe('红线.txt 第 16 行：坐标“35121OO.000”不是数字');
  });

  it('never crashes or hangs on mangled input: every failure is a catalogued InputError', () => {
    const text = new TextDecoder().decode(input('multi-part.txt'));
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const junk = [',', '@', '\n', '[', '】', 'X', '-', '.', '9', ' ', '，', '='];
    let failures = 0;
    for (let round = 0; round < 300; round++) {
      const chars = [...text];
      for (let k = 0; k < 1 + Math.floor(random() * 6); k++) {
        const at = Math.floor(random() * chars.length);
        if (random() < 0.5) chars.splice(at, 1 + Math.floor(random() * 20));
        else chars.splice(at, 0, junk[Math.floor(random() * junk.length)]);
      }
      try {
        openCoordinatesTxt(new TextEncoder().encode(chars.join('')));
      } catch (e) {
        failures++;
        expect(e).toBeInstanceOf(InputError);
        expect(isMessageCode((e as InputError).code)).toBe(true);
        expect(errorMessage(e, 'zh')).not.toMatch(/\{\w+\}/);
      }
    }
    expect(failures).toBeGreaterThan(0);
  });
});

describe('writeCoordinatesTxt', () => {
  const parcelsOf = (name: string): CoordinatesTxtParcel[] =>
    [...openCoordinatesTxt(input(name)).features()].map((f) => ({ geometry: f.geometry as Polygon | MultiPolygon, properties: f.properties, areaHa: f.properties.DKMJ as number }));
  const header = (name: string) => openCoordinatesTxt(input(name)).header;

  it('writes the §7 example byte for byte: GBK with CRLF, and UTF-8 with BOM', () => {
    const crs = crsFromEpsg(4527)!;
    const gbk = writeCoordinatesTxt(parcelsOf('example-7.txt'), { crs, header: header('example-7.txt'), decimals: 3 });
    expect(gbk).toEqual(input('example-7-gbk-crlf.txt'));
    const utf8 = writeCoordinatesTxt(parcelsOf('example-7.txt'), { crs, header: header('example-7.txt'), encoding: 'UTF-8' });
    expect(utf8).toEqual(input('example-7-utf8-bom-crlf.txt'));
  });

  it('every line ends in CRLF, 转换参数 keeps its six commas, rings are closed, points are J1… per parcel', () => {
    const text = formatCoordinatesTxt(parcelsOf('multi-part.txt'), { crs: crsFromEpsg(4527)! });
    expect(text.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('\r\n转换参数=,,,,,,\r\n');
    expect(text).toContain('\r\n格式版本号=1.01版本\r\n');
    expect(text).toContain('\r\n精度=0.001\r\n');
    const points = text.split('\r\n').filter((l) => /^J\d+,/.test(l));
    expect(points[0]).toBe('J1,1,3300000.000,39600000.000');
    expect(points[4]).toBe('J1,1,3300000.000,39600000.000');
    expect(points[5]).toMatch(/^J5,2,/);
  });

  it('round-trips: read(write(x)) == x for every readable fixture with a CRS', () => {
    for (const name of names) {
      const want = expected(name);
      if (want.error || !want.epsg) continue;
      const layer = openCoordinatesTxt(input(name));
      const parcels = parcelsOf(name).map((p) => ({ ...p, areaHa: (p.properties.DKMJ as number | null) ?? 0 }));
      for (const encoding of ['GBK', 'UTF-8'] as const) {
        const back = openCoordinatesTxt(writeCoordinatesTxt(parcels, { crs: layer.info.crs!, header: layer.header, encoding }));
        expect(back.info.crs, name).toEqual(layer.info.crs);
        // The header comes back as given, completed; 带号 is the CRS's zone (zone-mismatch.txt said 39 for zone 40 data).
        const zone = String(layer.info.crs!.transverseMercator!.zone!.number);
        expect(back.header, name).toEqual({ ...layer.header, 格式版本号: layer.header['格式版本号'] ?? '1.01版本', 带号: zone, 精度: layer.header['精度'] ?? '0.001', 转换参数: layer.header['转换参数'] ?? ',,,,,,' });
        const features = [...back.features()];
        features.forEach((f, i) => {
          expect(f.geometry, name).toEqual(parcels[i].geometry);
          const { JZDS, ...rest } = f.properties;
          expect(rest, name).toEqual({ ...parcels[i].properties, JZDS: undefined, DKMJ: parcels[i].areaHa, TXSX: '面' } as unknown as typeof rest);
          expect(JZDS, name).toBeGreaterThan(0);
        });
      }
    }
  });

  it('refuses what the format cannot hold', () => {
    const parcels = parcelsOf('example-7.txt');
    const crs = crsFromEpsg(4527)!;
    expect(caught(() => writeCoordinatesTxt(parcels, { crs: crsFromEpsg(4326)! }))?.code).toBe('TXT_WRITE_CRS');
    expect(caught(() => writeCoordinatesTxt([{ ...parcels[0], properties: { DKMC: '一号,二号' } }], { crs }))?.code).toBe('TXT_WRITE_FIELD_SEPARATOR');
    expect(caught(() => writeCoordinatesTxt([{ ...parcels[0], properties: { DKMC: '𠮷野家' } }], { crs }))?.code).toBe('TXT_WRITE_UNENCODABLE');
    expect(writeCoordinatesTxt([{ ...parcels[0], properties: { DKMC: '𠮷野家' } }], { crs, encoding: 'UTF-8' }).length).toBeGreaterThan(0);
    expect(caught(() => writeCoordinatesTxt([{ ...parcels[0], areaHa: NaN }], { crs }))?.code).toBe('TXT_WRITE_BAD_AREA');
    expect(caught(() => writeCoordinatesTxt(parcels, { crs, header: { 转换参数: '1,2,3' } }))?.code).toBe('TXT_WRITE_BAD_HEADER');
  });

  it('rounds the area half up to 4 decimals', () => {
    const [p] = parcelsOf('example-7.txt');
    // 0.96005 ha is 0.96004999… in binary; decimal rounding half up gives 0.9601 as a surveyor would.
    expect(formatCoordinatesTxt([{ ...p, areaHa: 0.96005 }], { crs: crsFromEpsg(4527)! })).toContain('\r\n10,0.9601,1,');
  });
});
