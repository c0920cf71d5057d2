/**
 * The CSV reader: RFC 4180 quoting, BOM, CRLF/LF/CR, and errors that name the line and the character or column.
 */
import { describe, expect, it } from 'vitest';
import { formatMessage, type MessageCode } from '../messages/index';
import { parseCoefficientsCsv, coefficientsToCsv } from './coefficients-csv';
import { csvNumber, parseCsv, writeCsv } from './csv';

function thrown(f: () => unknown): { code: MessageCode; details: Record<string, unknown> } {
  try {
    f();
  } catch (e) {
    return e as { code: MessageCode; details: Record<string, unknown> };
  }
  throw new Error('expected an error');
}

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks; BOM; CRLF, LF and CR', () => {
    const t = parseCsv('\uFEFFName,Note\r\na,"x, ""y""\r\nz"\n\nb,plain\rc,', 'n.csv');
    expect(t.header).toEqual(['name', 'note']);
    expect(t.records).toEqual([
      { line: 2, fields: ['a', 'x, "y"\r\nz'] },
      { line: 5, fields: ['b', 'plain'] },
      { line: 6, fields: ['c', ''] },
    ]);
  });

  it('writes what it reads', () => {
    const text = writeCsv(['a', 'b'], [['x, y', 'say "hi"'], [1.5, null], [' pad', true]]);
    expect(text).toBe('a,b\r\n"x, y","say ""hi"""\r\n1.5,\r\n" pad",true\r\n');
    expect(parseCsv(text, 'w.csv').records.map((r) => r.fields)).toEqual([['x, y', 'say "hi"'], ['1.5', ''], [' pad', 'true']]);
  });

  it('an unclosed quote names the line and character where it opened', () => {
    const e = thrown(() => parseCsv('a,b\n1,"open\n2,3\n', 'q.csv'));
    expect(e).toMatchObject({ code: 'CSV_QUOTE_UNTERMINATED', details: { file: 'q.csv', line: 2, char: 3 } });
    expect(formatMessage(e.code, e.details, 'en')).toBe('q.csv, line 2, character 3: the quoted field is never closed');
    expect(formatMessage(e.code, e.details, 'zh')).toBe('q.csv 第 2 行第 3 个字符处的引号没有闭合');
  });

  it('a stray quote inside or after a field is an error at its character', () => {
    expect(thrown(() => parseCsv('a,b\n1,ab"c\n', 'q.csv'))).toMatchObject({ code: 'CSV_QUOTE_UNEXPECTED', details: { line: 2, char: 5 } });
    expect(thrown(() => parseCsv('a,b\n1,"ab"c\n', 'q.csv'))).toMatchObject({ code: 'CSV_QUOTE_UNEXPECTED', details: { line: 2, char: 7 } });
  });

  it('a record with the wrong number of fields, an empty file', () => {
    expect(thrown(() => parseCsv('a,b\n1,2,3\n', 'f.csv'))).toMatchObject({ code: 'CSV_FIELD_COUNT', details: { line: 2, expected: 2, found: 3 } });
    expect(thrown(() => parseCsv('\uFEFF\r\n', 'e.csv'))).toMatchObject({ code: 'CSV_EMPTY' });
  });

  it('numbers: plain and exponent; not percentages, thousands separators or NaN', () => {
    const t = parseCsv('v\n 1.5 \n-2e3\n.5\n"1,000"\n', 'n.csv');
    expect(t.records.slice(0, 3).map((r) => csvNumber(t, r, 0))).toEqual([1.5, -2000, 0.5]);
    expect(thrown(() => csvNumber(t, t.records[3], 0))).toMatchObject({ code: 'CSV_NUMBER_INVALID', details: { line: 5, value: '1,000' } });
    const bad = parseCsv('v,w\n5%,NaN\n', 'n.csv');
    expect(thrown(() => csvNumber(bad, bad.records[0], 0))).toMatchObject({ code: 'CSV_NUMBER_INVALID', details: { line: 2, column: 1, field: 'v', value: '5%' } });
    expect(thrown(() => csvNumber(bad, bad.records[0], 1))).toMatchObject({ code: 'CSV_NUMBER_INVALID', details: { column: 2, value: 'NaN' } });
  });
});

describe('coefficients CSV (vep account --coefficients)', () => {
  const HEADER = 'dlbm,water_retention,soil_conservation,flood_storage,carbon_sequestration,oxygen_release,climate_regulation';
  it('reads the cli.md header, normalises codes, and writes back', () => {
    const t = parseCoefficientsCsv(`${HEADER}\r\n03,5,0.2,1.2,0.6,1.4,7.2\r\n1104k,0,0,,0,0,100\r\n`, 'c.csv');
    expect(t.rows).toEqual([
      { code: '03', values: { water_retention: 5, soil_conservation: 0.2, flood_storage: 1.2, carbon_sequestration: 0.6, oxygen_release: 1.4, climate_regulation: 7.2 } },
      { code: '1104K', values: { water_retention: 0, soil_conservation: 0, flood_storage: null, carbon_sequestration: 0, oxygen_release: 0, climate_regulation: 100 } },
    ]);
    expect(parseCoefficientsCsv(coefficientsToCsv(t), 'c.csv')).toEqual(t);
  });
  it('names the line and column of an unknown code, a repeated code, a bad number, a missing column', () => {
    expect(thrown(() => parseCoefficientsCsv(`${HEADER}\n0399,1,1,1,1,1,1\n`, 'c.csv'))).toMatchObject({ code: 'COEFFICIENTS_DLBM_UNKNOWN', details: { line: 2, column: 1, value: '0399' } });
    expect(thrown(() => parseCoefficientsCsv(`${HEADER}\n03,1,1,1,1,1,1\n03,1,1,1,1,1,1\n`, 'c.csv'))).toMatchObject({ code: 'COEFFICIENTS_DLBM_DUPLICATE', details: { line: 3, first: 2 } });
    const e = thrown(() => parseCoefficientsCsv(`${HEADER}\n03,1,1,x,1,1,1\n`, 'c.csv'));
    expect(e).toMatchObject({ code: 'CSV_NUMBER_INVALID', details: { line: 2, column: 4, field: 'flood_storage' } });
    expect(formatMessage(e.code, e.details, 'zh')).toBe('c.csv 第 2 行第 4 列（flood_storage）“x”不是数字');
    expect(thrown(() => parseCoefficientsCsv('dlbm,water_retention\n03,1\n', 'c.csv'))).toMatchObject({ code: 'CSV_HEADER_MISSING', details: { column: 'soil_conservation' } });
  });
});
