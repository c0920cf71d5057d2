/**
 * The DBF (dBase III+ / FoxPro / dBase 7 as shapefiles use it) file header and field descriptors, checked against the
 * file size before anything is allocated for the records.
 *
 *   0      version            1-3  last update YY MM DD     4-7  record count (uint32 LE)
 *   8-9    header length      10-11 record length (incl. the deletion flag)        29   language driver ID (LDID)
 *   32…    32-byte field descriptors: name[11] NUL-padded, type, 4 reserved, width, decimals, 14 reserved
 *   …      0x0D terminator; records start at the header length; an optional 0x1A ends the file
 */
import { InputError } from '../../errors';
import type { ByteSource } from '../../types';
import { fieldKind, type DbfFieldKind } from './dbf-field-values';

export interface DbfFieldDescriptor {
  /** The name bytes up to the first NUL (decoded later, with the table's encoding). */
  nameBytes: Uint8Array;
  /** The type letter: C, N, F, L, D, M, I, +, O, B… */
  type: string;
  /** Byte offset of the field inside a record (the deletion flag is byte 0). */
  offset: number;
  /** Width in bytes. */
  width: number;
  decimals: number;
  kind: DbfFieldKind;
}

export interface DbfHeader {
  version: number;
  recordCount: number;
  headerLength: number;
  recordLength: number;
  /** Language driver ID (byte 29); 0 when not declared. */
  ldid: number;
  fields: DbfFieldDescriptor[];
}

const FILE_HEADER_BYTES = 32;
const DESCRIPTOR_BYTES = 32;
const TERMINATOR = 0x0d;

/**
 * Reads and checks the header of a DBF file.
 * @param source the .dbf bytes.
 * @param file the file name used in messages.
 * @throws InputError DBF_TOO_SHORT, DBF_BAD_HEADER_LENGTH, DBF_BAD_RECORD_LENGTH, DBF_NO_TERMINATOR,
 *   DBF_FIELD_WIDTH_ZERO, DBF_FIELD_OVERFLOW or DBF_TRUNCATED, each naming the file and what is wrong.
 */
export function readDbfHeader(source: ByteSource, file: string): DbfHeader {
  if (source.size < FILE_HEADER_BYTES + 1) throw new InputError('DBF_TOO_SHORT', { file, size: source.size });
  const head = source.read(0, FILE_HEADER_BYTES);
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const version = head[0];
  const recordCount = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  const ldid = head[29];
  if (headerLength < FILE_HEADER_BYTES + 1 || headerLength > source.size) {
    throw new InputError('DBF_BAD_HEADER_LENGTH', { file, headerLength, size: source.size });
  }
  if (recordLength < 1) throw new InputError('DBF_BAD_RECORD_LENGTH', { file, recordLength });

  const block = source.read(0, headerLength);
  const fields: DbfFieldDescriptor[] = [];
  let pos = FILE_HEADER_BYTES;
  let offset = 1;
  while (pos < headerLength && block[pos] !== TERMINATOR) {
    if (pos + DESCRIPTOR_BYTES > headerLength) {
      throw new InputError('DBF_NO_TERMINATOR', { file, headerLength });
    }
    const d = block.subarray(pos, pos + DESCRIPTOR_BYTES);
    let nameEnd = 0;
    while (nameEnd < 11 && d[nameEnd] !== 0) nameEnd++;
    const type = String.fromCharCode(d[11]).toUpperCase();
    // For text the decimals byte is the high byte of the width (FoxPro/Clipper character fields longer than 255,
    // as shapelib reads them); other types keep width and decimals apart.
    const text = type === 'C';
    const width = text ? d[16] + d[17] * 256 : d[16];
    const decimals = text ? 0 : d[17];
    const field = { nameBytes: d.slice(0, nameEnd), type, offset, width, decimals, kind: fieldKind(type, width, version) };
    if (width === 0) throw new InputError('DBF_FIELD_WIDTH_ZERO', { file, field: fieldLabel(field, fields.length) });
    fields.push(field);
    offset += width;
    pos += DESCRIPTOR_BYTES;
  }
  // A header length that stops inside the descriptors would make records start in the middle of them.
  if (pos >= headerLength) throw new InputError('DBF_NO_TERMINATOR', { file, headerLength });
  const lastField = fields[fields.length - 1];
  if (lastField && offset > recordLength) {
    throw new InputError('DBF_FIELD_OVERFLOW', {
      file, field: fieldLabel(lastField, fields.length - 1), fieldEnd: offset, recordLength,
    });
  }
  const needed = headerLength + recordCount * recordLength;
  if (needed > source.size) {
    const available = Math.floor((source.size - headerLength) / recordLength);
    throw new InputError('DBF_TRUNCATED', { file, records: recordCount, available, expectedBytes: needed, size: source.size });
  }
  return { version, recordCount, headerLength, recordLength, ldid, fields };
}

/** A field's name for messages before the encoding is known: ASCII as is, other bytes as \xNN. */
export function fieldLabel(field: { nameBytes: Uint8Array }, index: number): string {
  let name = '';
  for (const b of field.nameBytes) name += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
  return name || `#${index + 1}`;
}
