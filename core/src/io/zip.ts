/**
 * Shapefiles delivered as a .zip: list the layers inside, pick one, inflate its .shp/.shx/.dbf/.prj/.cpg in memory.
 *
 * The central directory is read by hand (so every size is known and checked before anything is inflated) and the
 * entries are inflated with fflate's streaming inflater, 64 KiB of input at a time, into a buffer of the declared
 * size: an entry that inflates past its declared size (a zip bomb, or a damaged file) is stopped there. Nothing is
 * written to disk, but entry names are still checked: an absolute path or a `..` segment (zip-slip) refuses the zip.
 *
 *   … local headers and data …  central directory (46-byte entries)  [ZIP64 end record + locator]  end record (22 B)
 */
import { Inflate } from 'fflate';
import { InputError } from '../errors';
import type { ByteSource } from '../types';
import { decoderFor, encodingFromLabel, isValidUtf8 } from './text-codec';

export interface ZipLimits {
  /** Most entries a zip may list. */
  maxEntries: number;
  /** Largest uncompressed size of one extracted entry, bytes. */
  maxEntryBytes: number;
  /** Largest uncompressed size of everything extracted for one layer, bytes. */
  maxTotalBytes: number;
}

/** 2 GiB per file is the shapefile format's own ceiling (offsets are 32-bit counts of 16-bit words, signed). */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxEntryBytes: 2 ** 31, maxTotalBytes: 3 * 2 ** 30 };

export interface ZipOptions {
  /** The zip's name for messages. */
  file?: string;
  limits?: Partial<ZipLimits>;
}

/** A shapefile found in a zip: its path without extension and the entry names of its parts. */
export interface ZipShapefileLayer {
  /** e.g. "2023/DLTB" for 2023/DLTB.shp */
  name: string;
  shp: string;
  shx: string | null;
  dbf: string | null;
  prj: string | null;
  cpg: string | null;
}

/** The parts of one shapefile, inflated. `.prj` and `.cpg` are returned as text (ASCII in practice). */
export interface ZipShapefileFiles {
  name: string;
  shp: Uint8Array;
  shx: Uint8Array | null;
  dbf: Uint8Array | null;
  prj: string | null;
  cpg: string | null;
}

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const PARTS = ['shp', 'shx', 'dbf', 'prj', 'cpg'] as const;
const CHUNK_BYTES = 1 << 16;

/**
 * Lists the shapefiles in a zip (matched by base name, case-insensitively, in any folder; macOS `__MACOSX/` and
 * `._` resource files are skipped).
 * @throws InputError ZIP_NOT_ZIP, ZIP_DAMAGED, ZIP_TOO_MANY_ENTRIES, ZIP_UNSAFE_PATH.
 */
export function listZipLayers(zip: ByteSource, options: ZipOptions = {}): ZipShapefileLayer[] {
  return groupLayers(readDirectory(zip, options.file ?? 'zip', { ...DEFAULT_ZIP_LIMITS, ...options.limits }));
}

/**
 * Extracts one shapefile from a zip.
 * @param options.layer the layer to take (a {@link ZipShapefileLayer.name}, or its base name); required when the
 *   zip holds several.
 * @throws InputError ZIP_NOT_ZIP, ZIP_DAMAGED, ZIP_TOO_MANY_ENTRIES, ZIP_UNSAFE_PATH, ZIP_NO_SHAPEFILE,
 *   ZIP_SEVERAL_LAYERS, ZIP_LAYER_NOT_FOUND, ZIP_ENTRY_TOO_LARGE, ZIP_TOTAL_TOO_LARGE, ZIP_ENCRYPTED,
 *   ZIP_UNSUPPORTED_METHOD, ZIP_SIZE_MISMATCH (inflates past or short of its declared size), ZIP_CRC_MISMATCH.
 * @example const files = readZipShapefile(bytesSource(zipBytes), { file: 'DLTB.zip' });
 */
export function readZipShapefile(zip: ByteSource, options: ZipOptions & { layer?: string } = {}): ZipShapefileFiles {
  const file = options.file ?? 'zip';
  const limits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
  const entries = readDirectory(zip, file, limits);
  const layers = groupLayers(entries);
  if (layers.length === 0) throw new InputError('ZIP_NO_SHAPEFILE', { file });
  let layer: ZipShapefileLayer | undefined;
  if (options.layer != null) {
    const wanted = options.layer.toLowerCase();
    layer = layers.find((l) => l.name.toLowerCase() === wanted) ?? layers.find((l) => baseName(l.name).toLowerCase() === wanted);
    if (!layer) throw new InputError('ZIP_LAYER_NOT_FOUND', { file, layer: options.layer, layers: layers.map((l) => l.name) });
  } else if (layers.length > 1) {
    throw new InputError('ZIP_SEVERAL_LAYERS', { file, layers: layers.map((l) => l.name) });
  } else layer = layers[0];

  const byName = new Map(entries.map((e) => [e.name, e]));
  const chosen = PARTS.map((part) => (layer[part] ? byName.get(layer[part]!)! : null));
  let total = 0;
  for (const entry of chosen) {
    if (!entry) continue;
    if (entry.size > limits.maxEntryBytes) throw new InputError('ZIP_ENTRY_TOO_LARGE', { file, entry: entry.name, size: entry.size, limit: limits.maxEntryBytes });
    total += entry.size;
  }
  if (total > limits.maxTotalBytes) throw new InputError('ZIP_TOTAL_TOO_LARGE', { file, size: total, limit: limits.maxTotalBytes });
  const [shp, shx, dbf, prj, cpg] = chosen.map((entry) => (entry ? extract(zip, file, entry) : null));
  const text = (bytes: Uint8Array | null) => (bytes ? decodeName(bytes, false) : null);
  return { name: layer.name, shp: shp!, shx, dbf, prj: text(prj), cpg: text(cpg) };
}

function readDirectory(zip: ByteSource, file: string, limits: ZipLimits): ZipEntry[] {
  const { count, offset, size } = findDirectory(zip, file);
  if (count > limits.maxEntries) throw new InputError('ZIP_TOO_MANY_ENTRIES', { file, count, limit: limits.maxEntries });
  const dir = zip.read(offset, size);
  if (dir.byteLength < size) throw new InputError('ZIP_DAMAGED', { file, reason: 'the central directory is cut short' });
  const view = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > size || view.getUint32(at, true) !== 0x02014b50) {
      throw new InputError('ZIP_DAMAGED', { file, reason: `central directory entry ${i + 1} is missing or damaged` });
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength + commentLength > size) throw new InputError('ZIP_DAMAGED', { file, reason: `central directory entry ${i + 1} is cut short` });
    const flags = view.getUint16(at + 8, true);
    const entry: ZipEntry = {
      name: decodeName(dir.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0).replace(/\\/g, '/'),
      flags, method: view.getUint16(at + 10, true), crc32: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true), size: view.getUint32(at + 24, true), localOffset: view.getUint32(at + 42, true),
    };
    readZip64Extra(view, at + 46 + nameLength, extraLength, entry);
    if (/^\/|^[A-Za-z]:|(^|\/)\.\.(\/|$)/.test(entry.name)) throw new InputError('ZIP_UNSAFE_PATH', { file, entry: entry.name });
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Finds the end-of-central-directory record (and its ZIP64 form) in the last 64 KiB + 22 bytes. */
function findDirectory(zip: ByteSource, file: string): { count: number; offset: number; size: number } {
  const tailLength = Math.min(zip.size, 0xffff + 22);
  const tail = zip.read(zip.size - tailLength, tailLength);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let eocd = -1;
  for (let i = tail.byteLength - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    const head = zip.read(0, 4);
    const local = head.byteLength === 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04; // "PK\3\4"
    if (local) throw new InputError('ZIP_DAMAGED', { file, reason: 'the end of the zip (its central directory) is missing: the file is truncated' });
    throw new InputError('ZIP_NOT_ZIP', { file });
  }
  let count = view.getUint16(eocd + 10, true);
  let size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  const eocdOffset = zip.size - tailLength + eocd;
  if ((count === 0xffff || offset === 0xffffffff || size === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === 0x07064b50) {
    const at = Number(view.getBigUint64(eocd - 12, true));
    const rec = zip.read(at, 56);
    const v64 = new DataView(rec.buffer, rec.byteOffset, rec.byteLength);
    if (rec.byteLength < 56 || v64.getUint32(0, true) !== 0x06064b50) throw new InputError('ZIP_DAMAGED', { file, reason: 'the ZIP64 end record is missing' });
    count = Number(v64.getBigUint64(32, true));
    size = Number(v64.getBigUint64(40, true));
    offset = Number(v64.getBigUint64(48, true));
  }
  if (offset + size > eocdOffset) throw new InputError('ZIP_DAMAGED', { file, reason: `the central directory (byte ${offset}, ${size} bytes) lies past its end record` });
  return { count, offset, size };
}

function readZip64Extra(view: DataView, at: number, length: number, entry: ZipEntry) {
  const end = at + length;
  while (at + 4 <= end) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let p = at + 4;
      const next = () => {
        const value = p + 8 <= at + 4 + size ? Number(view.getBigUint64(p, true)) : null;
        p += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next() ?? entry.size;
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next() ?? entry.compressedSize;
      if (entry.localOffset === 0xffffffff) entry.localOffset = next() ?? entry.localOffset;
      return;
    }
    at += 4 + size;
  }
}

function groupLayers(entries: ZipEntry[]): ZipShapefileLayer[] {
  const groups = new Map<string, Partial<Record<(typeof PARTS)[number], string>> & { name?: string }>();
  for (const entry of entries) {
    if (entry.name.endsWith('/') || entry.name.startsWith('__MACOSX/') || baseName(entry.name).startsWith('._')) continue;
    const match = /^(.*)\.(shp|shx|dbf|prj|cpg)$/i.exec(entry.name);
    if (!match) continue;
    const key = match[1].toLowerCase();
    const part = match[2].toLowerCase() as (typeof PARTS)[number];
    const group = groups.get(key) ?? {};
    group[part] ??= entry.name;
    if (part === 'shp') group.name = match[1];
    groups.set(key, group);
  }
  const layers: ZipShapefileLayer[] = [];
  for (const g of groups.values()) {
    if (g.shp && g.name) layers.push({ name: g.name, shp: g.shp, shx: g.shx ?? null, dbf: g.dbf ?? null, prj: g.prj ?? null, cpg: g.cpg ?? null });
  }
  return layers.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The largest expansion DEFLATE can achieve. */
const MAX_DEFLATE_RATIO = 1032;

function extract(zip: ByteSource, file: string, entry: ZipEntry): Uint8Array {
  if (entry.flags & 1) throw new InputError('ZIP_ENCRYPTED', { file, entry: entry.name });
  if (entry.method !== 0 && entry.method !== 8) throw new InputError('ZIP_UNSUPPORTED_METHOD', { file, entry: entry.name, method: entry.method });
  const local = zip.read(entry.localOffset, 30);
  const view = new DataView(local.buffer, local.byteOffset, local.byteLength);
  if (local.byteLength < 30 || view.getUint32(0, true) !== 0x04034b50) {
    throw new InputError('ZIP_DAMAGED', { file, reason: `the local header of ${entry.name} is missing` });
  }
  const dataAt = entry.localOffset + 30 + view.getUint16(26, true) + view.getUint16(28, true);
  if (dataAt + entry.compressedSize > zip.size) throw new InputError('ZIP_DAMAGED', { file, reason: `${entry.name} is cut short` });
  // Checked before allocating: a stored entry is its own size, and DEFLATE expands at most 1032:1 (RFC 1951: a
  // 258-byte match per 2 bits at best), so a larger declared size is a damaged or hostile header.
  const largest = entry.method === 0 ? entry.compressedSize : entry.compressedSize * MAX_DEFLATE_RATIO + 64;
  if (entry.size > largest) throw new InputError('ZIP_SIZE_MISMATCH', { file, entry: entry.name, declared: entry.size });
  const out = new Uint8Array(entry.size);
  let written = 0;
  if (entry.method === 0) {
    for (let at = 0; at < entry.size; at += CHUNK_BYTES) out.set(zip.read(dataAt + at, Math.min(CHUNK_BYTES, entry.size - at)), at);
    written = entry.size;
  } else {
    let overflow = false;
    const inflater = new Inflate((chunk) => {
      if (written + chunk.byteLength > out.byteLength) {
        overflow = true;
        return;
      }
      out.set(chunk, written);
      written += chunk.byteLength;
    });
    try {
      for (let at = 0; at < entry.compressedSize && !overflow; at += CHUNK_BYTES) {
        const length = Math.min(CHUNK_BYTES, entry.compressedSize - at);
        inflater.push(zip.read(dataAt + at, length), at + length >= entry.compressedSize);
      }
      if (entry.compressedSize === 0) inflater.push(new Uint8Array(0), true);
    } catch (e) {
      if (!overflow) throw new InputError('ZIP_DAMAGED', { file, reason: `${entry.name} does not inflate (${e instanceof Error ? e.message : String(e)})` });
    }
    if (overflow || written !== entry.size) throw new InputError('ZIP_SIZE_MISMATCH', { file, entry: entry.name, declared: entry.size });
  }
  if (crc32(out) !== entry.crc32) throw new InputError('ZIP_CRC_MISMATCH', { file, entry: entry.name });
  return out;
}

/** Entry names: UTF-8 when flagged or well-formed, else the GB18030 of Chinese Windows zip tools. */
function decodeName(bytes: Uint8Array, utf8Flag: boolean): string {
  const encoding = utf8Flag || isValidUtf8(bytes) ? encodingFromLabel('UTF-8')! : encodingFromLabel('GB18030')!;
  return decoderFor(encoding)!.decode(bytes);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

let crcTable: Int32Array | null = null;

/** CRC-32 (IEEE 802.3, as zip uses it). */
function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}
