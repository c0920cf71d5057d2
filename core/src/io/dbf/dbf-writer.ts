/**
 * Writes a dBase III DBF (what every shapefile reader reads) in GBK or UTF-8, sized to its values:
 *
 *   string   C, width = the longest value in bytes of the chosen encoding (a GBK Chinese character is 2 bytes,
 *            UTF-8 3), at least the width asked for, at most 254; a longer value is cut between characters
 *            (warning DBF_WRITE_VALUE_TRUNCATED), never in the middle of one
 *   integer  N(w, 0);  number  N(w, d) with d as asked, else the fewest decimals that keep every value exact
 *            (at most 15), w ≤ 24 as GDAL writes reals;  boolean  L;  date  D (YYYYMMDD)
 *   null     C spaces, N asterisks, L '?', D 00000000 (as GDAL writes them)
 *
 * GBK files get LDID 0x4D and a .cpg saying GBK; UTF-8 files LDID 0 and a .cpg saying UTF-8 (docs/methods/
 * sandiao-data.md §8). The header date defaults to 1995-07-26, the fixed date GDAL writes, so output is repeatable.
 */
import { InputError } from '../../errors';
import type { FieldDef, Properties, PropertyValue } from '../../types';
import { encodeText, firstUnencodable } from '../text-codec';
import type { LayerWarning } from './dbf-encoding';
import { cutToBytes, dbfFieldNames } from './dbf-field-names';

export interface WriteDbfOptions {
  /** Default GBK. */
  encoding?: 'GBK' | 'UTF-8';
  /** The "last update" date in the header; default 1995-07-26 as GDAL writes it. */
  lastUpdate?: { year: number; month: number; day: number };
}

export interface WriteDbfResult {
  dbf: Uint8Array;
  /** The .cpg text ("GBK" or "UTF-8") as bytes. */
  cpg: Uint8Array;
  /** The fields as written: DBF names, widths and decimals. */
  fields: FieldDef[];
  /** Caller's field name → name in the file (names longer than 10 bytes are cut, clashes numbered). */
  fieldNames: Record<string, string>;
  warnings: LayerWarning[];
}

const MAX_STRING_BYTES = 254;
const MAX_NUMBER_WIDTH = 24;
const MAX_DECIMALS = 15;

type Cell = Uint8Array | number | boolean | string | null;

/**
 * Writes a DBF table.
 * @param rows one Properties object per record, keyed by the caller's field names (missing keys are null).
 * @param fields the fields to write, in order; `width`/`decimals` are minimums/choices (see the module comment).
 * @throws InputError DBF_WRITE_UNENCODABLE (a value with a character GBK lacks, naming field, record and value),
 *   DBF_WRITE_VALUE_TYPE, DBF_WRITE_NOT_INTEGER, DBF_WRITE_NUMBER_TOO_WIDE, DBF_WRITE_BAD_DATE, DBF_WRITE_TOO_MANY_FIELDS,
 *   DBF_WRITE_RECORD_TOO_LONG, or a field-name error from dbfFieldNames.
 */
export function writeDbf(rows: Iterable<Properties>, fields: readonly FieldDef[], options: WriteDbfOptions = {}): WriteDbfResult {
  const encoding = options.encoding ?? 'GBK';
  if (fields.length > 2046) throw new InputError('DBF_WRITE_TOO_MANY_FIELDS', { count: fields.length, limit: 2046 });
  const names = dbfFieldNames(fields.map((f) => f.name), encoding);
  const warnings: LayerWarning[] = [];
  const cells: Cell[][] = [];
  const widths = fields.map((f) => (f.type === 'string' ? Math.max(1, Math.min(f.width ?? 1, MAX_STRING_BYTES)) : 1));
  const decimalsNeeded = fields.map(() => 0);

  let record = 0;
  for (const row of rows) {
    record++;
    cells.push(fields.map((field, f) => {
      const value: PropertyValue | undefined = row[field.name];
      if (value === null || value === undefined) return null;
      const place = { field: field.name, record, value: String(value) };
      switch (field.type) {
        case 'string': {
          const text = String(value);
          let bytes = encodeText(text, encoding);
          if (!bytes) throw new InputError('DBF_WRITE_UNENCODABLE', { ...place, char: firstUnencodable(text, encoding), encoding });
          if (bytes.length > MAX_STRING_BYTES) {
            bytes = encodeText(cutToBytes(text, MAX_STRING_BYTES, encoding), encoding)!;
            warnings.push({ code: 'DBF_WRITE_VALUE_TRUNCATED', details: { field: field.name, record, bytes: MAX_STRING_BYTES } });
          }
          widths[f] = Math.max(widths[f], bytes.length);
          return bytes;
        }
        case 'integer':
        case 'number': {
          if (typeof value !== 'number') throw new InputError('DBF_WRITE_VALUE_TYPE', { ...place, type: field.type });
          if (!Number.isFinite(value) || Math.abs(value) >= 1e21) throw new InputError('DBF_WRITE_NUMBER_TOO_WIDE', place);
          if (field.type === 'integer' && !Number.isInteger(value)) throw new InputError('DBF_WRITE_NOT_INTEGER', place);
          if (field.type === 'number') decimalsNeeded[f] = Math.max(decimalsNeeded[f], shortestDecimals(value));
          return value;
        }
        case 'boolean':
          if (typeof value !== 'boolean') throw new InputError('DBF_WRITE_VALUE_TYPE', { ...place, type: field.type });
          return value;
        case 'date': {
          const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
          if (!m) throw new InputError('DBF_WRITE_BAD_DATE', place);
          return m[1] + m[2] + m[3];
        }
      }
    }));
  }

  // Numbers are laid out once every value is known: decimals first, then the width they need.
  const decimals = fields.map((field, f) => (field.type === 'number' ? Math.min(field.decimals ?? decimalsNeeded[f], MAX_DECIMALS) : 0));
  fields.forEach((field, f) => {
    if (field.type === 'boolean') widths[f] = 1;
    else if (field.type === 'date') widths[f] = 8;
    else if (field.type === 'integer' || field.type === 'number') {
      let width = Math.max(1, field.width ?? 1);
      const widest = () => cells.reduce((w, row) => (typeof row[f] === 'number' ? Math.max(w, (row[f] as number).toFixed(decimals[f]).length) : w), 0);
      width = Math.max(width, widest());
      if (width > MAX_NUMBER_WIDTH && field.type === 'number') {
        decimals[f] = Math.max(0, decimals[f] - (width - MAX_NUMBER_WIDTH));
        width = Math.max(Math.max(1, field.width ?? 1), widest());
      }
      if (width > MAX_NUMBER_WIDTH) {
        const row = cells.find((r) => typeof r[f] === 'number' && (r[f] as number).toFixed(decimals[f]).length > MAX_NUMBER_WIDTH)!;
        throw new InputError('DBF_WRITE_NUMBER_TOO_WIDE', { field: field.name, record: cells.indexOf(row) + 1, value: String(row[f]) });
      }
      widths[f] = Math.min(width, MAX_NUMBER_WIDTH);
    }
  });

  const recordLength = 1 + widths.reduce((a, b) => a + b, 0);
  if (recordLength > 0xffff) throw new InputError('DBF_WRITE_RECORD_TOO_LONG', { bytes: recordLength, limit: 0xffff });
  const headerLength = 32 + 32 * fields.length + 1;
  const out = new Uint8Array(headerLength + cells.length * recordLength + 1);
  const view = new DataView(out.buffer);
  const date = options.lastUpdate ?? { year: 1995, month: 7, day: 26 };
  out.set([0x03, (date.year - 1900) & 0xff, date.month, date.day]);
  view.setUint32(4, cells.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  out[29] = encoding === 'GBK' ? 0x4d : 0;
  const letters = { string: 'C', integer: 'N', number: 'N', boolean: 'L', date: 'D' } as const;
  fields.forEach((field, f) => {
    const at = 32 + 32 * f;
    out.set(encodeText(names[f], encoding)!, at);
    out[at + 11] = letters[field.type].charCodeAt(0);
    out[at + 16] = widths[f] & 0xff;
    out[at + 17] = field.type === 'string' ? widths[f] >> 8 : decimals[f];
  });
  out[headerLength - 1] = 0x0d;

  let at = headerLength;
  for (const row of cells) {
    out[at++] = 0x20;
    row.forEach((cell, f) => {
      writeCell(out, at, widths[f], decimals[f], fields[f].type, cell);
      at += widths[f];
    });
  }
  out[at] = 0x1a;

  const written = fields.map((field, f) => ({ ...field, name: names[f], width: widths[f], ...(field.type === 'number' || field.type === 'integer' ? { decimals: decimals[f] } : {}) }));
  const fieldNames = Object.fromEntries(fields.map((field, f) => [field.name, names[f]]));
  return { dbf: out, cpg: encodeText(encoding, 'UTF-8')!, fields: written, fieldNames, warnings };
}

function writeCell(out: Uint8Array, at: number, width: number, decimals: number, type: FieldDef['type'], cell: Cell) {
  const ascii = (text: string, rightAlign: boolean) => {
    const pad = width - text.length;
    for (let i = 0; i < width; i++) {
      const k = rightAlign ? i - pad : i;
      out[at + i] = k >= 0 && k < text.length ? text.charCodeAt(k) : 0x20;
    }
  };
  if (cell === null) {
    const fill = type === 'string' ? 0x20 : type === 'boolean' ? 0x3f : type === 'date' ? 0x30 : 0x2a;
    out.fill(fill, at, at + width);
  } else if (cell instanceof Uint8Array) {
    out.set(cell, at);
    out.fill(0x20, at + cell.length, at + width);
  } else if (typeof cell === 'number') ascii(cell.toFixed(decimals), true);
  else if (typeof cell === 'boolean') out[at] = cell ? 0x54 : 0x46;
  else ascii(cell, false);
}

/** Decimals of the shortest text that reads back as the same double (1234.5 → 1, 1e-7 → 7), at most 15. */
function shortestDecimals(value: number): number {
  const text = String(Math.abs(value));
  const exp = /e([+-]\d+)$/.exec(text);
  const mantissa = exp ? text.slice(0, exp.index) : text;
  const point = mantissa.indexOf('.');
  const digits = point < 0 ? 0 : mantissa.length - point - 1;
  return Math.min(MAX_DECIMALS, Math.max(0, digits - (exp ? Number(exp[1]) : 0)));
}
