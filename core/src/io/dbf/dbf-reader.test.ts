import { describe, expect, it } from 'vitest';
import { cpgText, DBF_DIR, expected, expectFieldsLikeGdal, fixtureCases, fixtureFile, gdalLogical } from '../../../fixtures/shapefile/fixtures';
import { bytesSource } from '../../types';
import { openDbf } from './dbf-reader';
import { openDbfTable } from './dbf-table';

/**
 * Deliberate differences from GDAL 3.6, each documented in docs/shapefile-reading.md:
 *  - a logical (L) field is a boolean for us, a raw letter for GDAL (mapped by gdalLogical);
 *  - text keeps its leading spaces (dBase pads on the right; GDAL trims both sides).
 */
const KEPT_LEADING_SPACES: Record<string, Record<number, Record<string, string>>> = { types: { 1: { NAME: '  lead' } } };

describe('DBF tables agree with GDAL', () => {
  for (const name of fixtureCases(DBF_DIR)) {
    it(name, () => {
      const gdal = expected(DBF_DIR, name);
      const table = openDbfTable(bytesSource(fixtureFile(DBF_DIR, name, 'dbf')!), { cpg: cpgText(DBF_DIR, name), file: `${name}.dbf` });
      expect(table.info.featureCount).toBe(gdal.featureCount);
      expect(table.info.geometryType).toBeNull();
      expectFieldsLikeGdal(table.info.fields, gdal.fields);
      const features = [...table.features()];
      expect(features.map((f) => f.id)).toEqual(gdal.features.map((f) => f.fid));
      features.forEach((feature, i) => {
        const want = { ...gdal.features[i].properties, ...KEPT_LEADING_SPACES[name]?.[gdal.features[i].fid] };
        for (const field of table.info.fields) {
          if (field.type === 'boolean') want[field.name] = gdalLogical(want[field.name]);
        }
        expect(feature.properties, `record ${feature.id}`).toEqual(want);
        expect(feature.geometry).toBeNull();
      });
    });
  }

  it('reads N(18,0) past 2^53−1 as the nearest double, and N(20,0) as a number field', () => {
    const table = openDbf(bytesSource(fixtureFile(DBF_DIR, 'types', 'dbf')!));
    expect(table.fields.find((f) => f.name === 'BIG')).toEqual({ name: 'BIG', type: 'integer', width: 18, decimals: 0 });
    expect(table.fields.find((f) => f.name === 'WIDE')).toEqual({ name: 'WIDE', type: 'number', width: 20, decimals: 0 });
    expect([...table.records()][0].values[6]).toBe(9007199254740991);
  });
});

/** A DBF built byte by byte: fields [name, type, width, decimals], records as raw field bytes. */
function dbf(version: number, fields: [string, string, number, number][], records: Uint8Array[][], ldid = 0): Uint8Array {
  const recordLength = 1 + fields.reduce((n, f) => n + f[2], 0);
  const headerLength = 32 + 32 * fields.length + 1;
  const out = new Uint8Array(headerLength + records.length * recordLength);
  const view = new DataView(out.buffer);
  out[0] = version;
  view.setUint32(4, records.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  out[29] = ldid;
  fields.forEach(([name, type, width, decimals], i) => {
    out.set(new TextEncoder().encode(name), 32 + 32 * i);
    out[32 + 32 * i + 11] = type.charCodeAt(0);
    out[32 + 32 * i + 16] = width;
    out[32 + 32 * i + 17] = decimals;
  });
  out[headerLength - 1] = 0x0d;
  records.forEach((cells, r) => {
    let at = headerLength + r * recordLength;
    out[at++] = 0x20;
    for (const cell of cells) {
      out.set(cell, at);
      at += cell.length;
    }
  });
  return out;
}

const le32 = (v: number) => { const b = new Uint8Array(4); new DataView(b.buffer).setInt32(0, v, true); return b; };
const le64 = (v: number) => { const b = new Uint8Array(8); new DataView(b.buffer).setFloat64(0, v, true); return b; };
const text = (s: string) => new TextEncoder().encode(s);

describe('binary and memo fields (types GDAL 3.6 does not read)', () => {
  it('Visual FoxPro I and B are little-endian; M is left out with a warning', () => {
    const bytes = dbf(0x30, [['N', 'I', 4, 0], ['D', 'B', 8, 3], ['MEMO', 'M', 4, 0]], [
      [le32(-123456), le64(2.5), le32(17)],
      [le32(2147483647), le64(-0.125), le32(0)],
    ]);
    const table = openDbf(bytesSource(bytes), { file: 'vfp.dbf' });
    expect(table.fields).toEqual([{ name: 'N', type: 'integer', width: 4, decimals: 0 }, { name: 'D', type: 'number', width: 8, decimals: 3 }]);
    expect([...table.records()].map((r) => r.values)).toEqual([[-123456, 2.5], [2147483647, -0.125]]);
    expect(table.warnings).toContainEqual({ code: 'DBF_FIELDS_IGNORED', details: { file: 'vfp.dbf', fields: ['MEMO (M)'] } });
  });

  it('dBase 7 I and O are big-endian with the order-preserving sign flip', () => {
    // I: 5 → 0x80000005; −2 → 0x7FFFFFFE.  O: 1.5 = 0x3FF8000000000000 → sign bit set → 0xBFF8…;
    // −1.5 = 0xBFF8000000000000 → all bits inverted → 0x4007FFFFFFFFFFFF.
    const hex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));
    const bytes = dbf(0x04, [['I', 'I', 4, 0], ['O', 'O', 8, 0]], [
      [hex('80000005'), hex('BFF8000000000000')],
      [hex('7FFFFFFE'), hex('4007FFFFFFFFFFFF')],
    ]);
    expect([...openDbf(bytesSource(bytes)).records()].map((r) => r.values)).toEqual([[5, 1.5], [-2, -1.5]]);
  });

  it('dBase III B is a memo pointer: left out; an unknown letter is read as text with a warning', () => {
    const bytes = dbf(0x03, [['BLOB', 'B', 10, 0], ['ODD', 'X', 3, 0]], [[text('0000000001'), text('abc')]]);
    const table = openDbf(bytesSource(bytes), { file: 't.dbf' });
    expect(table.fields).toEqual([{ name: 'ODD', type: 'string', width: 3 }]);
    expect([...table.records()][0].values).toEqual(['abc']);
    expect(table.warnings.map((w) => w.code).sort()).toEqual(['DBF_FIELDS_IGNORED', 'DBF_FIELD_TYPE_UNKNOWN']);
  });
});

describe('DBF encodings', () => {
  const gbk = Uint8Array.from([0xcb, 0xae, 0xcc, 0xef]); // 水田 in GBK
  const table = (ldid: number, options = {}) => openDbf(bytesSource(dbf(0x03, [['DLMC', 'C', 4, 0]], [[gbk]], ldid)), { file: 'x.dbf', ...options });

  it('an LDID naming a code page the platform cannot decode (437) falls back to the bytes, with a warning', () => {
    const t = table(0x01);
    expect([t.encoding.name, t.encodingSource]).toEqual(['GB18030', 'detected']);
    expect(t.warnings).toContainEqual({ code: 'ENCODING_LDID_UNSUPPORTED', details: { file: 'x.dbf', ldid: '0x01' } });
    expect([...t.records()][0].values).toEqual(['水田']);
  });

  it('an unknown .cpg is reported and the LDID decides', () => {
    const t = table(0x4d, { cpg: 'klingon' });
    expect([t.encoding.name, t.encodingSource]).toEqual(['GBK', 'ldid']);
    expect(t.warnings).toContainEqual({ code: 'ENCODING_CPG_UNKNOWN', details: { file: 'x.dbf', cpg: 'klingon' } });
  });

  it('the user wins over everything; an unknown user encoding is an InputError', () => {
    const t = table(0x4d, { cpg: 'UTF-8', encoding: 'big5' });
    expect([t.encoding.name, t.encodingSource]).toEqual(['Big5', 'user']);
    expect(() => table(0, { encoding: 'EBCDIC-42' })).toThrow(expect.objectContaining({ code: 'ENCODING_UNKNOWN', details: { name: 'EBCDIC-42' } }));
  });

  it('field names are decoded with the table encoding', () => {
    const bytes = dbf(0x03, [['x', 'C', 2, 0]], [[text('ok')]], 0x4d);
    bytes.set([0xb5, 0xd8, 0xc0, 0xe0, 0, 0], 32); // 地类
    expect(openDbf(bytesSource(bytes)).fields[0].name).toBe('地类');
  });
});
