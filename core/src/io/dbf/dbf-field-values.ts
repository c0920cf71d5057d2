/**
 * DBF field types and the decoding of one value from a record's bytes.
 *
 *   C  text, space padded: decoded with the table's encoding, trailing spaces (and anything after a NUL) dropped;
 *      an empty value is null, as GDAL reads it
 *   N/F  ASCII number, right aligned: blank or asterisks (`*****`, what shapelib writes for null) → null;
 *      0 decimals and width ≤ 18 → 'integer' (GDAL: Integer/Integer64), else 'number' (GDAL: Real)
 *   L  T/t/Y/y → true, F/f/N/n → false, ? or blank → null
 *   D  YYYYMMDD → 'YYYY-MM-DD'; blank or 00000000 → null
 *   I, +  32-bit integer (little-endian in Visual FoxPro; big-endian with the sign bit flipped in dBase 7)
 *   O  64-bit float, dBase 7 (big-endian, order-preserving bit flip); B  64-bit float in Visual FoxPro only
 *   M, G, P, B (dBase), T, @, Y, 0…  memo pointers and other types: not read (memo files are not supported)
 */
import type { FieldDef, PropertyValue } from '../../types';

export type DbfFieldKind =
  | 'string' | 'number' | 'logical' | 'date'
  | 'int32le' | 'int32dbase7' | 'float64le' | 'float64dbase7'
  | 'ignored';

/** Version bytes of Visual FoxPro tables (where B is a double and I little-endian) and of dBase 7. */
const FOXPRO_VERSIONS = new Set([0x30, 0x31, 0x32]);
const DBASE7_VERSIONS = new Set([0x04, 0x8c]);

/** How a field of this type letter and width is read in a table of this version byte. */
export function fieldKind(type: string, width: number, version: number): DbfFieldKind {
  switch (type) {
    case 'C': return 'string';
    case 'N':
    case 'F': return 'number'; // reported as 'integer' by fieldDef when it has no decimals
    case 'L': return 'logical';
    case 'D': return 'date';
    case 'I':
    case '+':
      if (width !== 4) return 'ignored';
      return DBASE7_VERSIONS.has(version) ? 'int32dbase7' : 'int32le';
    case 'O': return width === 8 ? 'float64dbase7' : 'ignored';
    case 'B': return width === 8 && FOXPRO_VERSIONS.has(version) ? 'float64le' : 'ignored';
    case 'M': case 'G': case 'P': case 'T': case '@': case 'Y': case '0': case 'V': case 'Q': case 'W':
      return 'ignored';
    default: return 'string'; // an unknown letter is read as text, as GDAL does
  }
}

/** Whether a type letter is one of the dBase/FoxPro types (anything else is read as text, with a warning). */
export function isKnownType(type: string): boolean {
  return 'CNFLDIO+BMGPTY@0VQW'.includes(type);
}

/** The FieldDef a reader reports for a field, or null for a field it does not read (memo and friends). */
export function fieldDef(name: string, kind: DbfFieldKind, width: number, decimals: number): FieldDef | null {
  switch (kind) {
    case 'string': return { name, type: 'string', width };
    case 'number':
      return decimals === 0 && width <= 18 ? { name, type: 'integer', width, decimals: 0 } : { name, type: 'number', width, decimals };
    case 'logical': return { name, type: 'boolean', width };
    case 'date': return { name, type: 'date', width };
    case 'int32le':
    case 'int32dbase7': return { name, type: 'integer', width, decimals: 0 };
    case 'float64le':
    case 'float64dbase7': return { name, type: 'number', width, decimals };
    case 'ignored': return null;
  }
}

/** Decodes text; the reader supplies one per table. */
export interface TextDecoderLike {
  decode(bytes: Uint8Array): string;
}

/** Returned for a value that cannot be read (e.g. "12,5" in a numeric field); the reader records a warning. */
export const INVALID = Symbol('invalid DBF value');

/**
 * Reads one value.
 * @param record the bytes of one record; `start`/`width` in bytes inside it.
 */
export function readDbfValue(
  record: Uint8Array, start: number, width: number, kind: DbfFieldKind, decoder: TextDecoderLike,
): PropertyValue | typeof INVALID {
  switch (kind) {
    case 'string': return readText(record, start, width, decoder);
    case 'number': return readNumber(record, start, width);
    case 'logical': return readLogical(record, start, width);
    case 'date': return readDate(record, start, width);
    default: return readBinary(record, start, kind);
  }
}

function readText(record: Uint8Array, start: number, width: number, decoder: TextDecoderLike): string | null {
  const limit = start + width;
  let end = start;
  let ascii = true;
  while (end < limit && record[end] !== 0) {
    if (record[end] >= 0x80) ascii = false;
    end++;
  }
  while (end > start && record[end - 1] === 0x20) end--;
  if (end === start) return null;
  if (!ascii) return decoder.decode(record.subarray(start, end));
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(record[i]);
  return s;
}

function isBlank(b: number): boolean {
  return b === 0x20 || b === 0;
}

function readNumber(record: Uint8Array, start: number, width: number): number | null | typeof INVALID {
  let i = start;
  let end = start + width;
  while (i < end && isBlank(record[i])) i++;
  while (end > i && isBlank(record[end - 1])) end--;
  if (i === end || record[i] === 0x2a /* '*' */) return null;
  // Short plain integers are parsed exactly by hand; anything else goes through Number(), which rounds correctly
  // (as strtod does in GDAL). Characters outside [0-9+-.eE] make the value invalid (Number would accept "0x1A").
  let text = '';
  let plainInteger = end - i <= 15;
  let integer = 0;
  const negative = record[i] === 0x2d;
  for (let k = negative || record[i] === 0x2b ? i + 1 : i; k < end; k++) {
    const c = record[k];
    if (c >= 0x30 && c <= 0x39) integer = integer * 10 + (c - 0x30);
    else if (c === 0x2e || c === 0x2b || c === 0x2d || c === 0x45 || c === 0x65) plainInteger = false;
    else return INVALID;
  }
  if (plainInteger && end - i > (negative || record[i] === 0x2b ? 1 : 0)) return negative ? -integer : integer;
  for (let k = i; k < end; k++) text += String.fromCharCode(record[k]);
  const value = Number(text);
  return Number.isFinite(value) ? value : INVALID;
}

function readLogical(record: Uint8Array, start: number, width: number): boolean | null {
  for (let i = start; i < start + width; i++) {
    switch (record[i]) {
      case 0x54: case 0x74: case 0x59: case 0x79: return true; // T t Y y
      case 0x46: case 0x66: case 0x4e: case 0x6e: return false; // F f N n
      case 0x20: case 0: continue;
      default: return null; // '?' and anything else: unknown
    }
  }
  return null;
}

function readDate(record: Uint8Array, start: number, width: number): string | null | typeof INVALID {
  let blank = true;
  let zero = true;
  for (let i = start; i < start + width; i++) {
    const c = record[i];
    if (!isBlank(c)) blank = false;
    if (c !== 0x30 && !isBlank(c)) zero = false;
  }
  if (blank || zero) return null;
  if (width < 8) return INVALID;
  let digits = '';
  for (let i = start; i < start + 8; i++) {
    const c = record[i];
    if (c < 0x30 || c > 0x39) return INVALID;
    digits += String.fromCharCode(c);
  }
  const month = Number(digits.slice(4, 6));
  const day = Number(digits.slice(6, 8));
  if (month < 1 || month > 12 || day < 1 || day > 31) return INVALID;
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
}

function readBinary(record: Uint8Array, start: number, kind: DbfFieldKind): number | null {
  // fieldKind only gives these kinds to fields of exactly 4 (int32) or 8 (float64) bytes.
  const view = new DataView(record.buffer, record.byteOffset + start, kind === 'int32le' || kind === 'int32dbase7' ? 4 : 8);
  switch (kind) {
    case 'int32le': return view.getInt32(0, true);
    case 'int32dbase7': return (view.getUint32(0, false) ^ 0x80000000) | 0;
    case 'float64le': return view.getFloat64(0, true);
    case 'float64dbase7': {
      // dBase 7 stores doubles big-endian with the sign bit set for positives and all bits inverted for negatives,
      // so that byte order sorts numerically.
      const bytes = new Uint8Array(8);
      for (let k = 0; k < 8; k++) bytes[k] = record[start + k];
      if (bytes[0] & 0x80) bytes[0] &= 0x7f;
      else for (let k = 0; k < 8; k++) bytes[k] = ~bytes[k] & 0xff;
      return new DataView(bytes.buffer).getFloat64(0, false);
    }
    default: return null;
  }
}
