/**
 * Where each .shp record is: from the .shx (offset and content length of every record, 8 bytes each, big endian,
 * in 16-bit words) when it is sound, else by walking the .shp from byte 100, header to header.
 */
import { InputError } from '../../errors';
import type { ByteSource } from '../../types';
import { HEADER_BYTES, readShpHeader } from './shp-header';

export interface RecordIndex {
  /** Byte offset of each record's 8-byte header in the .shp. */
  offsets: Float64Array;
  /** Content length of each record in bytes (the header's word count × 2). */
  lengths: Float64Array;
}

/**
 * Reads the .shx, checking it against itself and against the .shp's usable length. Returns the reason instead of
 * an index when it cannot be trusted (the caller then walks the .shp and says so).
 * @param shpEnd the end of the .shp records (the smaller of its declared length and its size), bytes.
 */
export function readShx(shx: ByteSource, file: string, shpEnd: number): RecordIndex | { reason: string } {
  let declared: number;
  try {
    declared = readShpHeader(shx, file).declaredBytes;
  } catch (e) {
    return { reason: e instanceof Error ? e.message : String(e) };
  }
  if (declared > shx.size) return { reason: `the header declares ${declared} bytes but the file has ${shx.size}` };
  if ((declared - HEADER_BYTES) % 8 !== 0 || declared < HEADER_BYTES) return { reason: `length ${declared} is not 100 + 8 × records` };
  const count = (declared - HEADER_BYTES) / 8;
  const bytes = shx.read(HEADER_BYTES, count * 8);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const offsets = new Float64Array(count);
  const lengths = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const offset = view.getInt32(8 * i, false) * 2;
    const length = view.getInt32(8 * i + 4, false) * 2;
    if (offset < HEADER_BYTES || length < 4 || offset + 8 + length > shpEnd) {
      return { reason: `record ${i + 1} at byte ${offset}, ${length} bytes, lies outside the .shp (${shpEnd} bytes)` };
    }
    offsets[i] = offset;
    lengths[i] = length;
  }
  return { offsets, lengths };
}

/**
 * Walks the .shp record headers from byte 100 to `end`.
 * @throws InputError SHP_RECORD_TRUNCATED when a record runs past the end (a half-copied file), or
 *   SHP_RECORD_TOO_SHORT for a record shorter than its shape type.
 */
export function walkShp(shp: ByteSource, file: string, end: number): RecordIndex {
  const offsets: number[] = [];
  const lengths: number[] = [];
  let at = HEADER_BYTES;
  while (at < end) {
    const record = offsets.length + 1;
    if (at + 8 > end) throw new InputError('SHP_RECORD_TRUNCATED', { file, record, offset: at, needed: 8, available: end - at });
    const head = shp.read(at, 8);
    const length = new DataView(head.buffer, head.byteOffset, 8).getInt32(4, false) * 2;
    if (length < 4) throw new InputError('SHP_RECORD_TOO_SHORT', { file, record, bytes: length, needed: 4 });
    if (at + 8 + length > end) throw new InputError('SHP_RECORD_TRUNCATED', { file, record, offset: at, needed: 8 + length, available: end - at });
    offsets.push(at);
    lengths.push(length);
    at += 8 + length;
  }
  return { offsets: Float64Array.from(offsets), lengths: Float64Array.from(lengths) };
}
