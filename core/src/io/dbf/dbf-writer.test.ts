import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DBF_DIR } from '../../../fixtures/shapefile/fixtures';
import { bytesSource, type FieldDef } from '../../types';
import { dbfFieldNames } from './dbf-field-names';
import { openDbf } from './dbf-reader';
import { writeDbf } from './dbf-writer';

describe('field names', () => {
  it('are cut and de-duplicated exactly as GDAL does (field-names.json, made by GDAL)', () => {
    const gdal: { names: [string, string][] } = JSON.parse(readFileSync(`${DBF_DIR}field-names.json`, 'utf8'));
    expect(dbfFieldNames(gdal.names.map(([wanted]) => wanted), 'GBK')).toEqual(gdal.names.map(([, written]) => written));
  });

  it('never cut a Chinese character in half (GDAL does)', () => {
    // GBK: 2 bytes per character, so 5 fit in 10 bytes; the clash radix keeps 4 (8 bytes) + "_1".
    expect(dbfFieldNames(['中文字段名称很长', '中文字段名称另外'], 'GBK')).toEqual(['中文字段名', '中文字段_1']);
    // UTF-8: 3 bytes per character, so 3 fit in 10 bytes, 2 in the 8-byte radix.
    expect(dbfFieldNames(['中文字段名称很长', '中文字段名称另外'], 'UTF-8')).toEqual(['中文字', '中文_1']);
  });
});

const read = (bytes: Uint8Array, cpg: string) => {
  const table = openDbf(bytesSource(bytes), { cpg });
  return { fields: table.fields, rows: [...table.records()].map((r) => r.values) };
};

describe('writeDbf', () => {
  const fields: FieldDef[] = [
    { name: 'DLMC', type: 'string', width: null },
    { name: 'TBMJ', type: 'number', width: null, decimals: 2 },
    { name: 'KCXS', type: 'number', width: null },
    { name: 'GDDB', type: 'integer', width: null },
    { name: 'BGRQ', type: 'date', width: null },
    { name: 'OK', type: 'boolean', width: null },
  ];
  const rows = [
    { DLMC: '水田', TBMJ: 12184.27, KCXS: 0.1195, GDDB: 7, BGRQ: '2021-06-30', OK: true },
    { DLMC: '喆堃犇龘A', TBMJ: -3.5, KCXS: 1e-7, GDDB: -12, BGRQ: null, OK: false },
    { DLMC: null, TBMJ: null, KCXS: null, GDDB: null, BGRQ: null, OK: null },
  ];

  it('sizes text in bytes of the encoding: GBK 2 per Chinese character, UTF-8 3', () => {
    // Longest value 喆堃犇龘A: 4 × 2 + 1 = 9 bytes in GBK, 4 × 3 + 1 = 13 in UTF-8.
    expect(writeDbf(rows, fields, { encoding: 'GBK' }).fields[0].width).toBe(9);
    expect(writeDbf(rows, fields, { encoding: 'UTF-8' }).fields[0].width).toBe(13);
  });

  it('lays out numbers: asked decimals, else the fewest exact ones; widths fit the widest value', () => {
    const out = writeDbf(rows, fields);
    // TBMJ: "12184.27" = 8 chars; KCXS: 1e-7 needs 7 decimals → "0.1195000" = 9 chars; GDDB "-12" = 3.
    expect(out.fields.slice(1, 4)).toEqual([
      { name: 'TBMJ', type: 'number', width: 8, decimals: 2 },
      { name: 'KCXS', type: 'number', width: 9, decimals: 7 },
      { name: 'GDDB', type: 'integer', width: 3, decimals: 0 },
    ]);
  });

  for (const encoding of ['GBK', 'UTF-8'] as const) {
    it(`reads back what it wrote (${encoding}), with the LDID and .cpg of the encoding`, () => {
      const out = writeDbf(rows, fields, { encoding });
      expect(out.dbf[29]).toBe(encoding === 'GBK' ? 0x4d : 0);
      expect(new TextDecoder().decode(out.cpg)).toBe(encoding);
      const back = read(out.dbf, encoding);
      expect(back.rows).toEqual(rows.map((r) => Object.values(r)));
    });
  }

  it('refuses text GBK cannot hold, naming the field, record and value', () => {
    expect(() => writeDbf([{ DLMC: '水田' }, { DLMC: '𠮷野家' }], [fields[0]])).toThrow(expect.objectContaining({
      code: 'DBF_WRITE_UNENCODABLE', details: { field: 'DLMC', record: 2, value: '𠮷野家', char: '𠮷', encoding: 'GBK' },
    }));
    expect(read(writeDbf([{ DLMC: '𠮷野家' }], [fields[0]], { encoding: 'UTF-8' }).dbf, 'UTF-8').rows).toEqual([['𠮷野家']]);
  });

  it('cuts text longer than 254 bytes between characters, with a warning', () => {
    const long = '田'.repeat(130); // 260 bytes in GBK
    const out = writeDbf([{ DLMC: long }], [fields[0]]);
    expect(out.fields[0].width).toBe(254);
    expect(read(out.dbf, 'GBK').rows[0][0]).toBe('田'.repeat(127));
    expect(out.warnings).toEqual([{ code: 'DBF_WRITE_VALUE_TRUNCATED', details: { field: 'DLMC', record: 1, bytes: 254 } }]);
  });

  it('refuses values of the wrong kind', () => {
    expect(() => writeDbf([{ GDDB: 2.5 }], [fields[3]])).toThrow(expect.objectContaining({ code: 'DBF_WRITE_NOT_INTEGER' }));
    expect(() => writeDbf([{ TBMJ: '12' }], [fields[1]])).toThrow(expect.objectContaining({ code: 'DBF_WRITE_VALUE_TYPE' }));
    expect(() => writeDbf([{ BGRQ: '2021/06/30' }], [fields[4]])).toThrow(expect.objectContaining({ code: 'DBF_WRITE_BAD_DATE' }));
    expect(() => writeDbf([{ TBMJ: 1e22 }], [fields[1]])).toThrow(expect.objectContaining({ code: 'DBF_WRITE_NUMBER_TOO_WIDE' }));
  });
});
