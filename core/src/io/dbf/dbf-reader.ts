/**
 * A DBF table opened for streaming: the checked header, the fields as core reports them, the chosen encoding, and
 * records read in blocks of about 64 KiB so a 200 MB table is never held whole.
 */
import type { ByteSource, FieldDef, PropertyValue } from '../../types';
import { decoderFor } from '../text-codec';
import { chooseEncoding, type EncodingChoice, type LayerWarning } from './dbf-encoding';
import { fieldDef, INVALID, isKnownType, readDbfValue, type DbfFieldKind } from './dbf-field-values';
import { fieldLabel, readDbfHeader, type DbfFieldDescriptor, type DbfHeader } from './dbf-header';

export interface DbfOptions {
  /** The text of the `.cpg` file next to the .dbf, if any. */
  cpg?: string | null;
  /** The user's encoding override (e.g. "GBK"); wins over the .cpg, the LDID and detection. */
  encoding?: string | null;
  /** The file name used in messages, e.g. "DLTB.dbf". */
  file?: string;
  /** Where to add warnings (the layer's list when the table belongs to a shapefile); a new list by default. */
  warnings?: LayerWarning[];
}

/** One record: its zero-based index, the deletion flag, and the values of {@link DbfTable.fields} in order. */
export interface DbfRecord {
  index: number;
  deleted: boolean;
  values: PropertyValue[];
}

export interface DbfTable {
  file: string;
  header: DbfHeader;
  recordCount: number;
  /** The fields that are read, in file order (memo and other unsupported fields are left out, with a warning). */
  fields: FieldDef[];
  encoding: EncodingChoice['encoding'];
  encodingSource: EncodingChoice['source'];
  /**
   * Findings while opening; warnings about unreadable values (a number like "12,5", a date like 20241399) are
   * added, once per field with a running count, while records are read.
   */
  warnings: LayerWarning[];
  /** Records in file order from `start` (deleted ones included, flagged). */
  records(start?: number): Iterable<DbfRecord>;
  /** One record by index (0 ≤ index < recordCount). */
  readRecord(index: number): DbfRecord;
}

const BLOCK_BYTES = 1 << 16;

interface ReadField {
  offset: number;
  width: number;
  kind: DbfFieldKind;
  name: string;
}

/**
 * Opens a .dbf: reads and checks the header, chooses the encoding (docs/methods/sandiao-data.md §8; a byte check
 * reads the text fields once when the declaration is missing or doubtful) and names the fields.
 * @param source the .dbf bytes.
 * @throws InputError DBF_* for a damaged header (see readDbfHeader), naming the file, or ENCODING_UNKNOWN (an
 *   unknown `options.encoding`).
 */
export function openDbf(source: ByteSource, options: DbfOptions = {}): DbfTable {
  const file = options.file ?? 'dbf';
  const header = readDbfHeader(source, file);
  const textFields = header.fields.filter((f) => f.kind === 'string');
  const choice = chooseEncoding({
    user: options.encoding, cpg: options.cpg, ldid: header.ldid, file,
    textValues: () => textValues(source, header, textFields),
  });
  const decoder = decoderFor(choice.encoding)!;
  const warnings = options.warnings ?? [];
  warnings.push(...choice.warnings);

  const fields: FieldDef[] = [];
  const readFields: ReadField[] = [];
  const ignored: string[] = [];
  const taken = new Set<string>();
  header.fields.forEach((d, i) => {
    const name = uniqueName(decodeName(d, i, decoder), taken);
    if (!isKnownType(d.type)) warnings.push({ code: 'DBF_FIELD_TYPE_UNKNOWN', details: { file, field: name, type: d.type } });
    const def = fieldDef(name, d.kind, d.width, d.decimals);
    if (!def) {
      ignored.push(`${name} (${d.type})`);
      return;
    }
    fields.push(def);
    readFields.push({ offset: d.offset, width: d.width, kind: d.kind, name });
  });
  if (ignored.length > 0) warnings.push({ code: 'DBF_FIELDS_IGNORED', details: { file, fields: ignored } });

  const invalid = new Map<string, LayerWarning>();
  const decode = (index: number, record: Uint8Array): DbfRecord => {
    const values: PropertyValue[] = new Array(readFields.length);
    for (let f = 0; f < readFields.length; f++) {
      const field = readFields[f];
      const value = readDbfValue(record, field.offset, field.width, field.kind, decoder);
      if (value === INVALID) {
        values[f] = null;
        noteInvalid(invalid, warnings, file, field, index, record);
      } else values[f] = value;
    }
    return { index, deleted: record[0] === 0x2a, values };
  };

  return {
    file, header, recordCount: header.recordCount, fields, encoding: choice.encoding, encodingSource: choice.source, warnings,
    *records(start = 0) {
      for (const [index, record] of recordBlocks(source, header, start)) yield decode(index, record);
    },
    readRecord(index) {
      const record = source.read(header.headerLength + index * header.recordLength, header.recordLength);
      return decode(index, record);
    },
  };
}

/** Iterates [index, record bytes] in file order, reading whole blocks of records. */
export function* recordBlocks(source: ByteSource, header: DbfHeader, start = 0): Generator<[number, Uint8Array]> {
  const { headerLength, recordLength, recordCount } = header;
  const perBlock = Math.max(1, Math.floor(BLOCK_BYTES / recordLength));
  for (let first = start; first < recordCount; first += perBlock) {
    const count = Math.min(perBlock, recordCount - first);
    const block = source.read(headerLength + first * recordLength, count * recordLength);
    for (let k = 0; k < count; k++) yield [first + k, block.subarray(k * recordLength, (k + 1) * recordLength)];
  }
}

function* textValues(source: ByteSource, header: DbfHeader, fields: DbfFieldDescriptor[]): Generator<Uint8Array> {
  if (fields.length === 0) return;
  for (const [, record] of recordBlocks(source, header)) {
    for (const f of fields) yield record.subarray(f.offset, f.offset + f.width);
  }
}

function decodeName(d: DbfFieldDescriptor, index: number, decoder: { decode(b: Uint8Array): string }): string {
  const ascii = d.nameBytes.every((b) => b < 0x80);
  const name = (ascii ? fieldLabel(d, index) : decoder.decode(d.nameBytes)).trim();
  return name || `FIELD_${index + 1}`;
}

/** Field names become property keys, so a repeated name gets a suffix (_2, _3…), compared case-insensitively. */
function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate.toUpperCase()); n++) candidate = `${name}_${n}`;
  taken.add(candidate.toUpperCase());
  return candidate;
}

function noteInvalid(seen: Map<string, LayerWarning>, warnings: LayerWarning[], file: string, field: ReadField, index: number, record: Uint8Array) {
  const existing = seen.get(field.name);
  if (existing) {
    (existing.details as { count: number }).count++;
    return;
  }
  let raw = '';
  for (let i = field.offset; i < field.offset + field.width; i++) raw += String.fromCharCode(record[i]);
  const warning: LayerWarning = {
    code: field.kind === 'date' ? 'DBF_BAD_DATE' : 'DBF_BAD_NUMBER',
    details: { file, field: field.name, record: index + 1, value: raw.trim(), count: 1 },
  };
  seen.set(field.name, warning);
  warnings.push(warning);
}
