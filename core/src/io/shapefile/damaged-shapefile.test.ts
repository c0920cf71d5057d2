import { describe, expect, it } from 'vitest';
import { cpgText, fixtureFile, SHAPEFILE_DIR } from '../../../fixtures/shapefile/fixtures';
import { errorMessage } from '../../errors';
import { isMessageCode } from '../../messages/index';
import { bytesSource } from '../../types';
import { openShapefile } from './shapefile-reader';

/** Fresh copies of the dltb-gbk fixture (9 polygon records, GBK attributes) to damage. */
function files() {
  return {
    shp: fixtureFile(SHAPEFILE_DIR, 'dltb-gbk', 'shp')!,
    shx: fixtureFile(SHAPEFILE_DIR, 'dltb-gbk', 'shx')! as Uint8Array | null,
    dbf: fixtureFile(SHAPEFILE_DIR, 'dltb-gbk', 'dbf')!,
  };
}

type Files = ReturnType<typeof files>;

/** Opens and reads every feature, as an import would. */
function readAll(f: Files) {
  const layer = openShapefile({
    shp: bytesSource(f.shp), shx: f.shx ? bytesSource(f.shx) : null, dbf: bytesSource(f.dbf), cpg: cpgText(SHAPEFILE_DIR, 'dltb-gbk'), name: 'DLTB',
  });
  return { layer, features: [...layer.features()] };
}

/** Runs `action`, expects an InputError with `code`, and checks both messages name what they should. */
function expectInputError(action: () => unknown, code: string, mention: (string | number)[] = []) {
  let error: unknown = null;
  try {
    action();
  } catch (e) {
    error = e;
  }
  expect(error, `expected ${code}`).not.toBeNull();
  const e = error as { name: string; code: string; details: Record<string, unknown> };
  expect(e.name).toBe('InputError');
  expect(e.code).toBe(code);
  for (const lang of ['zh', 'en'] as const) {
    const text = errorMessage(e, lang);
    expect(text.length).toBeGreaterThan(10);
    expect(text).not.toMatch(/\{\w+\}/); // every placeholder filled
    for (const m of mention) expect(text, `${lang}: ${text}`).toContain(String(m));
  }
  return e;
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
/** Byte offset of record `n` (1-based) in the .shp, from the .shx. */
const recordOffset = (n: number) => view(fixtureFile(SHAPEFILE_DIR, 'dltb-gbk', 'shx')!).getInt32(100 + 8 * (n - 1), false) * 2;

describe('damaged .shp', () => {
  it('zero-length .shp', () => {
    const f = files();
    f.shp = new Uint8Array(0);
    expectInputError(() => readAll(f), 'SHP_TOO_SHORT', ['DLTB.shp']);
  });

  it('not a shapefile at all', () => {
    const f = files();
    f.shp = new TextEncoder().encode('<html>'.repeat(40));
    expectInputError(() => readAll(f), 'SHP_NOT_SHAPEFILE', ['DLTB.shp']);
  });

  it('truncated .shp (half copied): the header declares more than is there', () => {
    const f = files();
    f.shp = f.shp.slice(0, Math.floor(f.shp.length * 0.6));
    const e = expectInputError(() => readAll(f), 'SHP_TRUNCATED', ['DLTB.shp']);
    expect(e.details.expectedBytes).toBe(files().shp.length);
  });

  it('truncated .shp whose header length was rewritten to match: the cut record is named', () => {
    const f = files();
    const cut = recordOffset(4) + 30;
    f.shp = f.shp.slice(0, cut);
    view(f.shp).setInt32(24, cut / 2, false);
    f.shx = null;
    expectInputError(() => readAll(f), 'SHP_RECORD_TRUNCATED', ['DLTB.shp', 4]);
  });

  it('a record content length that lies: the .shx disagrees, the walk finds the damage', () => {
    const f = files();
    const at = recordOffset(2);
    view(f.shp).setInt32(at + 4, view(f.shp).getInt32(at + 4, false) + 8, false);
    expect(() => readAll(f)).toThrow(expect.objectContaining({ name: 'InputError' }));
    try {
      readAll(f);
    } catch (e) {
      // Record 2 now swallows 16 bytes of record 3, so the walk meets garbage right after it.
      expect((e as { details: { record: number } }).details.record).toBe(3);
    }
  });

  it('a wrong shape type in a record', () => {
    const f = files();
    view(f.shp).setInt32(recordOffset(3) + 8, 1, true);
    const e = expectInputError(() => readAll(f), 'SHP_RECORD_WRONG_TYPE', ['DLTB.shp', 3]);
    expect(e.details).toMatchObject({ expected: 5, found: 1 });
  });

  it('an unknown shape type in the header', () => {
    const f = files();
    view(f.shp).setInt32(32, 7, true);
    expectInputError(() => readAll(f), 'SHP_SHAPE_TYPE_UNKNOWN', ['DLTB.shp', 7]);
  });

  for (const [what, value] of [['NaN', Number.NaN], ['infinite', Number.POSITIVE_INFINITY]] as const) {
    it(`${what} coordinates are refused with the record and vertex`, () => {
      const f = files();
      // Record 1 is one ring: numParts at +44, numPoints at +48, one part index, then the points.
      const points = recordOffset(1) + 8 + 44 + 4;
      view(f.shp).setFloat64(points + 16 * 2, value, true); // x of vertex 3
      expectInputError(() => readAll(f), 'SHP_NON_FINITE_COORDINATE', ['DLTB.shp', 1, 3]);
    });
  }

  it('an absurd point count is checked against the record before anything is allocated', () => {
    const f = files();
    view(f.shp).setInt32(recordOffset(2) + 8 + 40, 2_000_000_000, true);
    expectInputError(() => readAll(f), 'SHP_RECORD_BAD_COUNTS', ['DLTB.shp', 2, 2000000000]);
  });

  it('an absurd part count too', () => {
    const f = files();
    view(f.shp).setInt32(recordOffset(2) + 8 + 36, 1_000_000_000, true);
    expectInputError(() => readAll(f), 'SHP_RECORD_BAD_COUNTS', ['DLTB.shp', 2]);
  });

  it('part starts out of order', () => {
    const f = files();
    // Record 2 has two rings: part starts at +44 (0) and +48; point the second one past the vertices.
    view(f.shp).setInt32(recordOffset(2) + 8 + 48, 999, true);
    expectInputError(() => readAll(f), 'SHP_RECORD_BAD_PARTS', ['DLTB.shp', 2, 999]);
  });

  it('a .shp header declaring 10^8 records worth of bytes', () => {
    const f = files();
    view(f.shp).setInt32(24, 50 + 4 * 100_000_000, false);
    expectInputError(() => readAll(f), 'SHP_TRUNCATED', ['DLTB.shp']);
  });
});

describe('damaged .shx is not needed: it is ignored with a warning and the .shp is walked', () => {
  const cases: [string, (f: Files) => void][] = [
    ['zero-length', (f) => { f.shx = new Uint8Array(0); }],
    ['declaring 10^8 records', (f) => { view(f.shx!).setInt32(24, 50 + 4 * 100_000_000, false); }],
    ['with an offset past the .shp', (f) => { view(f.shx!).setInt32(100 + 8 * 4, 10_000_000, false); }],
    ['with a length that disagrees with the .shp', (f) => { view(f.shx!).setInt32(100 + 8 * 4 + 4, 10, false); }],
  ];
  for (const [what, damage] of cases) {
    it(what, () => {
      const good = readAll(files());
      const f = files();
      damage(f);
      const { layer, features } = readAll(f);
      expect(layer.info.warnings.map((w) => w.code)).toContain('SHX_IGNORED');
      expect(features).toEqual(good.features);
    });
  }
});

describe('damaged .dbf', () => {
  const dbfView = (f: Files) => view(f.dbf);
  const headerLength = (f: Files) => dbfView(f).getUint16(8, true);

  it('zero-length .dbf', () => {
    const f = files();
    f.dbf = new Uint8Array(0);
    expectInputError(() => readAll(f), 'DBF_TOO_SHORT', ['DLTB.dbf']);
  });

  it('a .dbf with fewer records than the .shp', () => {
    const f = files();
    dbfView(f).setUint32(4, 7, true);
    expectInputError(() => readAll(f), 'SHP_DBF_COUNT_MISMATCH', ['DLTB.shp', 'DLTB.dbf', 9, 7]);
  });

  it('a truncated .dbf', () => {
    const f = files();
    f.dbf = f.dbf.slice(0, f.dbf.length - 700);
    expectInputError(() => readAll(f), 'DBF_TRUNCATED', ['DLTB.dbf']);
  });

  it('a .dbf declaring 10^8 records', () => {
    const f = files();
    dbfView(f).setUint32(4, 100_000_000, true);
    expectInputError(() => readAll(f), 'DBF_TRUNCATED', ['DLTB.dbf', 100000000]);
  });

  it('a header length past the end of the file', () => {
    const f = files();
    dbfView(f).setUint16(8, 65000, true);
    expectInputError(() => readAll(f), 'DBF_BAD_HEADER_LENGTH', ['DLTB.dbf', 65000]);
  });

  it('a header length that stops inside the field descriptors', () => {
    const f = files();
    dbfView(f).setUint16(8, 32 + 32 * 3, true);
    expectInputError(() => readAll(f), 'DBF_NO_TERMINATOR', ['DLTB.dbf']);
  });

  it('field widths running past the record length', () => {
    const f = files();
    dbfView(f).setUint16(10, 100, true);
    expectInputError(() => readAll(f), 'DBF_FIELD_OVERFLOW', ['DLTB.dbf', 100]);
  });

  it('a record length of zero', () => {
    const f = files();
    dbfView(f).setUint16(10, 0, true);
    expectInputError(() => readAll(f), 'DBF_BAD_RECORD_LENGTH', ['DLTB.dbf']);
  });

  it('a field of width zero', () => {
    const f = files();
    f.dbf[32 + 32 * 1 + 16] = 0; // DLBM
    expectInputError(() => readAll(f), 'DBF_FIELD_WIDTH_ZERO', ['DLTB.dbf', 'DLBM']);
  });

  it('an unreadable number becomes null with one warning per field, counting the values', () => {
    const f = files();
    const recordLength = dbfView(f).getUint16(10, true);
    // TBMJ (N 19,2) is the 5th field: 1 + 18 + 5 + 60 + 60 = byte 144 of a record.
    for (const record of [0, 2]) f.dbf.set(new TextEncoder().encode('        12184,27   '), headerLength(f) + record * recordLength + 144);
    const { layer, features } = readAll(f);
    expect(features[0].properties.TBMJ).toBeNull();
    expect(features[1].properties.TBMJ).toBe(9600);
    expect(layer.info.warnings).toContainEqual({ code: 'DBF_BAD_NUMBER', details: { file: 'DLTB.dbf', field: 'TBMJ', record: 1, value: '12184,27', count: 2 } });
  });
});

describe('any damage gives an InputError, never anything else, and never hangs', () => {
  it('survives 400 seeded random corruptions of the three files', () => {
    let seed = 20240601;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const codes = new Set<string>();
    for (let trial = 0; trial < 400; trial++) {
      const f = files();
      const target = (['shp', 'shx', 'dbf'] as const)[trial % 3];
      const bytes = f[target]!;
      if (random() < 0.3) {
        f[target] = bytes.slice(0, Math.floor(random() * bytes.length));
      } else {
        for (let k = 0; k < 1 + Math.floor(random() * 8); k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      }
      try {
        readAll(f);
      } catch (e) {
        const error = e as { name?: string; code?: string };
        expect(error.name, String(e)).toBe('InputError');
        expect(isMessageCode(error.code!)).toBe(true);
        codes.add(error.code!);
      }
    }
    expect(codes.size).toBeGreaterThan(3);
  });
});
