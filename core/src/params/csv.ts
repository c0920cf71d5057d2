/**
 * A small CSV reader for the tables users edit in a spreadsheet (tiers, coefficients, parameters), after RFC 4180:
 * comma-separated, fields may be double-quoted (a quote inside is doubled), records end in CRLF, LF or CR, a UTF-8
 * BOM is dropped, blank lines are skipped. Every error names the file, the line and the character (syntax) or the
 * column (values), in zh and en.
 *
 *   name,value            ← header: names are trimmed; matching is case-insensitive
 *   "a, quoted",1.5       ← a quoted field may hold commas, quotes ("") and line breaks
 */
import { InputError } from '../errors';

export interface CsvRecord {
  /** 1-based line number where the record starts. */
  line: number;
  fields: string[];
}

export interface CsvTable {
  name: string;
  /** Header names, trimmed and lower-cased. */
  header: string[];
  records: CsvRecord[];
}

/** The most records a user table may have (a county has fewer than 100 land classes; tiers are a handful). */
export const CSV_MAX_RECORDS = 100_000;

/**
 * Parses CSV text.
 * @param name the file name, for messages.
 * @throws InputError CSV_EMPTY, CSV_QUOTE_UNTERMINATED, CSV_QUOTE_UNEXPECTED, CSV_FIELD_COUNT, LIMIT_EXCEEDED.
 */
export function parseCsv(text: string, name: string): CsvTable {
  const rows = splitRecords(text.replace(/^\uFEFF/, ''), name);
  const nonBlank = rows.filter((r) => !(r.fields.length === 1 && r.fields[0].trim() === ''));
  if (nonBlank.length === 0) throw new InputError('CSV_EMPTY', { file: name });
  if (nonBlank.length - 1 > CSV_MAX_RECORDS) throw new InputError('LIMIT_EXCEEDED', { what: name, limit: CSV_MAX_RECORDS, value: nonBlank.length - 1 });
  const [head, ...records] = nonBlank;
  const header = head.fields.map((f) => f.trim().toLowerCase());
  for (const r of records) {
    if (r.fields.length !== header.length) throw new InputError('CSV_FIELD_COUNT', { file: name, line: r.line, expected: header.length, found: r.fields.length });
  }
  return { name, header, records };
}

function splitRecords(text: string, name: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let lineStart = 0;
  let i = 0;
  let fieldStart = true;
  const endField = () => {
    fields.push(field);
    field = '';
    fieldStart = true;
  };
  const endRecord = () => {
    endField();
    out.push({ line: recordLine, fields });
    fields = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (fieldStart && ch === '"') {
      const openLine = line;
      const openChar = i - lineStart + 1;
      i++;
      for (;;) {
        if (i >= text.length) throw new InputError('CSV_QUOTE_UNTERMINATED', { file: name, line: openLine, char: openChar });
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
          line++;
          lineStart = i + 1;
        }
        field += c;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new InputError('CSV_QUOTE_UNEXPECTED', { file: name, line, char: i - lineStart + 1 });
      }
      fieldStart = false;
      continue;
    }
    if (ch === ',') {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      lineStart = i;
      recordLine = line;
    } else if (ch === '"') {
      throw new InputError('CSV_QUOTE_UNEXPECTED', { file: name, line, char: i - lineStart + 1 });
    } else {
      field += ch;
      fieldStart = false;
      i++;
    }
  }
  if (!(fieldStart && fields.length === 0 && field === '')) endRecord();
  return out;
}

/**
 * Reads a number from a CSV cell: plain decimal or exponent notation, surrounding spaces allowed; no thousands
 * separators, no percent signs (rates are fractions), no `NaN`/`Infinity`.
 * @throws InputError CSV_NUMBER_INVALID naming the line, the column and its header name.
 */
export function csvNumber(table: CsvTable, record: CsvRecord, column: number): number {
  const raw = record.fields[column].trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw)) return Number(raw);
  throw new InputError('CSV_NUMBER_INVALID', { file: table.name, line: record.line, column: column + 1, field: table.header[column], value: raw });
}

/** The index of a required header column. @throws InputError CSV_HEADER_MISSING. */
export function csvColumn(table: CsvTable, headerName: string): number {
  const i = table.header.indexOf(headerName);
  if (i < 0) throw new InputError('CSV_HEADER_MISSING', { file: table.name, column: headerName, header: table.header.join(',') });
  return i;
}

/** Rejects header names outside `allowed` (a typo would otherwise drop a column silently). @throws CSV_HEADER_UNKNOWN. */
export function csvCheckHeader(table: CsvTable, allowed: readonly string[]): void {
  table.header.forEach((h, i) => {
    if (!allowed.includes(h)) throw new InputError('CSV_HEADER_UNKNOWN', { file: table.name, column: i + 1, field: h, allowed: allowed.join(',') });
    if (table.header.indexOf(h) !== i) throw new InputError('CSV_HEADER_DUPLICATE', { file: table.name, column: i + 1, field: h });
  });
}

/** Quotes a field for writing when it holds a comma, a quote, a line break or edge spaces. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes rows as CSV with CRLF line ends (what spreadsheet programs expect). */
export function writeCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
