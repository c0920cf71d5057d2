/**
 * The TIFF container, read synchronously from a {@link ByteSource}: header, the first image file directory (IFD)
 * and typed access to its tags, with every offset and count checked against the file before anything is read or
 * allocated. Classic TIFF and BigTIFF, either byte order.
 *
 * The chain of further IFDs (overviews, masks) is walked only to detect loops and dangling pointers; the reader
 * uses IFD 0, the full-resolution image, as GDAL does for GeoTIFFs and COGs.
 */
import { InputError } from '../../errors';
import type { ByteSource } from '../../types';
import { FIELD_TYPE_BYTES, TAG } from './tiff-tags';

/** Largest tag value read (offset arrays of a 100k × 100k tiled raster are ~1.2 MB): beyond it the file is refused. */
const MAX_TAG_BYTES = 256 * 1024 * 1024;
/** Directories walked before the chain is declared a loop. */
const MAX_DIRECTORIES = 4096;
const MAX_ENTRIES = 65535;

export interface TiffEntry {
  tag: number;
  type: number;
  count: number;
  /** Absolute file offset of the value bytes (inside the entry when they fit there). */
  valueOffset: number;
}

/** A parsed TIFF header plus its first IFD. */
export class TiffDirectory {
  readonly warnings: { code: string; details: Record<string, unknown> }[] = [];

  private constructor(
    readonly source: ByteSource,
    readonly file: string,
    readonly littleEndian: boolean,
    readonly bigTiff: boolean,
    readonly entries: ReadonlyMap<number, TiffEntry>,
  ) {}

  /**
   * Reads the header and IFD 0 and walks the rest of the IFD chain.
   * @param file the name used in messages.
   * @throws InputError TIFF_NOT_TIFF, TIFF_BAD_IFD_OFFSET, TIFF_TRUNCATED, TIFF_IFD_LOOP.
   */
  static open(source: ByteSource, file: string): TiffDirectory {
    const head = source.read(0, 16);
    const b = (i: number): number => head[i] ?? -1;
    const littleEndian = b(0) === 0x49 && b(1) === 0x49;
    const bigEndian = b(0) === 0x4d && b(1) === 0x4d;
    const magic = littleEndian ? b(2) | (b(3) << 8) : (b(2) << 8) | b(3);
    if ((!littleEndian && !bigEndian) || (magic !== 42 && magic !== 43) || head.length < 8) {
      throw new InputError('TIFF_NOT_TIFF', { file, header: Array.from(head.subarray(0, 4), (x) => x.toString(16).padStart(2, '0')).join(' ') });
    }
    const bigTiff = magic === 43;
    const view = viewOf(head);
    if (bigTiff && (head.length < 16 || view.getUint16(4, littleEndian) !== 8)) {
      throw new InputError('TIFF_NOT_TIFF', { file, header: 'BigTIFF with a bad offset size' });
    }
    const first = bigTiff ? readUint64(view, 8, littleEndian) : view.getUint32(4, littleEndian);
    const layout = { source, file, littleEndian, bigTiff };
    const ifd0 = readIfd(layout, first, 0);
    const directory = new TiffDirectory(source, file, littleEndian, bigTiff, ifd0.entries);
    walkChain(layout, first, ifd0.next, directory.warnings);
    return directory;
  }

  has(tag: number): boolean {
    return this.entries.has(tag);
  }

  /** Numeric values of a tag (RATIONAL as num/den), or null when absent. */
  numbers(tag: number): number[] | null {
    const entry = this.entries.get(tag);
    if (!entry) return null;
    const bytes = this.valueBytes(entry);
    const view = viewOf(bytes);
    const le = this.littleEndian;
    const out = new Array<number>(entry.count);
    for (let i = 0; i < entry.count; i++) out[i] = readValue(view, entry.type, i, le, this.file, tag);
    return out;
  }

  /** The first value of a numeric tag, or `fallback` when absent. */
  number(tag: number, fallback: number): number {
    const values = this.numbers(tag);
    return values && values.length > 0 ? values[0] : fallback;
  }

  /** An ASCII tag without its terminating NUL(s), or null when absent. */
  ascii(tag: number): string | null {
    const entry = this.entries.get(tag);
    if (!entry) return null;
    const bytes = this.valueBytes(entry);
    let end = bytes.length;
    while (end > 0 && bytes[end - 1] === 0) end--;
    let text = '';
    for (let i = 0; i < end; i++) text += String.fromCharCode(bytes[i]);
    return text;
  }

  /** The raw value bytes of a tag (BYTE/UNDEFINED tags such as JPEGTables), or null when absent. */
  bytes(tag: number): Uint8Array | null {
    const entry = this.entries.get(tag);
    return entry ? this.valueBytes(entry).slice() : null;
  }

  private valueBytes(entry: TiffEntry): Uint8Array {
    const size = (FIELD_TYPE_BYTES[entry.type] ?? 0) * entry.count;
    if (size > MAX_TAG_BYTES) {
      throw new InputError('LIMIT_EXCEEDED', { what: `TIFF tag ${tagName(entry.tag)} of ${this.file}`, limit: MAX_TAG_BYTES, value: size });
    }
    const bytes = this.source.read(entry.valueOffset, size);
    if (bytes.length < size) {
      throw new InputError('TIFF_TRUNCATED', { file: this.file, what: `TIFF tag ${tagName(entry.tag)}`, offset: entry.valueOffset, end: entry.valueOffset + size, size: this.source.size });
    }
    return bytes;
  }
}

interface Layout {
  source: ByteSource;
  file: string;
  littleEndian: boolean;
  bigTiff: boolean;
}

function readIfd(layout: Layout, offset: number, index: number): { entries: Map<number, TiffEntry>; next: number } {
  const { source, file, littleEndian, bigTiff } = layout;
  const countSize = bigTiff ? 8 : 2;
  const entrySize = bigTiff ? 20 : 12;
  const pointerSize = bigTiff ? 8 : 4;
  if (!Number.isSafeInteger(offset) || offset < (bigTiff ? 16 : 8) || offset + countSize > source.size) {
    throw new InputError('TIFF_BAD_IFD_OFFSET', { file, offset, size: source.size, index });
  }
  const countBytes = source.read(offset, countSize);
  const count = bigTiff ? readUint64(viewOf(countBytes), 0, littleEndian) : viewOf(countBytes).getUint16(0, littleEndian);
  if (count === 0 || count > MAX_ENTRIES) {
    throw new InputError('TIFF_TAG_INVALID', { file, tag: 'IFD entry count', reason: `${count} entries at offset ${offset}` });
  }
  const length = countSize + count * entrySize + pointerSize;
  const block = source.read(offset, length);
  if (block.length < length) {
    throw new InputError('TIFF_TRUNCATED', { file, what: `image file directory ${index}`, offset, end: offset + length, size: source.size });
  }
  const view = viewOf(block);
  const entries = new Map<number, TiffEntry>();
  for (let i = 0; i < count; i++) {
    const at = countSize + i * entrySize;
    const tag = view.getUint16(at, littleEndian);
    const type = view.getUint16(at + 2, littleEndian);
    const n = bigTiff ? readUint64(view, at + 4, littleEndian) : view.getUint32(at + 4, littleEndian);
    const typeSize = FIELD_TYPE_BYTES[type];
    if (typeSize === undefined) continue; // unknown field types are skipped, as libtiff does
    const inline = typeSize * n <= pointerSize;
    const valueAt = at + (bigTiff ? 12 : 8);
    const valueOffset = inline ? offset + valueAt : bigTiff ? readUint64(view, valueAt, littleEndian) : view.getUint32(valueAt, littleEndian);
    if (!Number.isSafeInteger(valueOffset) || !Number.isSafeInteger(n * typeSize)) {
      throw new InputError('TIFF_TAG_INVALID', { file, tag: tagName(tag), reason: `count ${n} or offset ${valueOffset} out of range` });
    }
    entries.set(tag, { tag, type, count: n, valueOffset });
  }
  const nextAt = countSize + count * entrySize;
  const next = bigTiff ? readUint64(view, nextAt, littleEndian) : view.getUint32(nextAt, littleEndian);
  return { entries, next };
}

/** Follows the next-IFD pointers: a loop is an error (libtiff refuses such files too); a dangling pointer a warning. */
function walkChain(layout: Layout, first: number, next: number, warnings: TiffDirectory['warnings']): void {
  const seen = new Set<number>([first]);
  let index = 1;
  const pointerSize = layout.bigTiff ? 8 : 4;
  const countSize = layout.bigTiff ? 8 : 2;
  while (next !== 0) {
    if (seen.has(next) || index >= MAX_DIRECTORIES) throw new InputError('TIFF_IFD_LOOP', { file: layout.file, offset: next });
    seen.add(next);
    if (!Number.isSafeInteger(next) || next + countSize > layout.source.size) {
      warnings.push({ code: 'TIFF_IFD_CHAIN_BROKEN', details: { file: layout.file, index, offset: next } });
      return;
    }
    const view = viewOf(layout.source.read(next, countSize));
    const count = layout.bigTiff ? readUint64(view, 0, layout.littleEndian) : view.getUint16(0, layout.littleEndian);
    const entrySize = layout.bigTiff ? 20 : 12;
    const at = next + countSize + count * entrySize;
    const pointer = layout.source.read(at, pointerSize);
    if (pointer.length < pointerSize) {
      warnings.push({ code: 'TIFF_IFD_CHAIN_BROKEN', details: { file: layout.file, index, offset: next } });
      return;
    }
    next = layout.bigTiff ? readUint64(viewOf(pointer), 0, layout.littleEndian) : viewOf(pointer).getUint32(0, layout.littleEndian);
    index++;
  }
}

function readValue(view: DataView, type: number, i: number, le: boolean, file: string, tag: number): number {
  switch (type) {
    case 1: case 2: case 7: return view.getUint8(i);
    case 6: return view.getInt8(i);
    case 3: return view.getUint16(i * 2, le);
    case 8: return view.getInt16(i * 2, le);
    case 4: case 13: return view.getUint32(i * 4, le);
    case 9: return view.getInt32(i * 4, le);
    case 5: return view.getUint32(i * 8, le) / view.getUint32(i * 8 + 4, le);
    case 10: return view.getInt32(i * 8, le) / view.getInt32(i * 8 + 4, le);
    case 11: return view.getFloat32(i * 4, le);
    case 12: return view.getFloat64(i * 8, le);
    case 16: case 18: return readUint64(view, i * 8, le);
    case 17: return Number(view.getBigInt64(i * 8, le));
    default: throw new InputError('TIFF_TAG_INVALID', { file, tag: tagName(tag), reason: `field type ${type}` });
  }
}

/** A 64-bit unsigned value as a number; values past 2^53 become non-safe integers, which callers refuse. */
function readUint64(view: DataView, at: number, le: boolean): number {
  const value = view.getBigUint64(at, le);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(value);
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const TAG_NAMES = new Map<number, string>(Object.entries(TAG).map(([name, code]) => [code, name]));

/** "TileOffsets (324)" — the tag as messages name it. */
export function tagName(tag: number): string {
  const name = TAG_NAMES.get(tag);
  return name ? `${name} (${tag})` : `${tag}`;
}
