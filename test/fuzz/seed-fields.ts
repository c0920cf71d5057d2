/**
 * Where the integers of each format's headers are in a valid seed file, read from the seed itself: these are the
 * fields a damaged or hostile file lies in (counts, lengths, offsets), so the mutator sets them to boundary values.
 */
import type { IntField } from './mutate';

const be4 = (offset: number): IntField => ({ offset, bytes: 4, littleEndian: false });
const le4 = (offset: number): IntField => ({ offset, bytes: 4, littleEndian: true });
const le2 = (offset: number): IntField => ({ offset, bytes: 2, littleEndian: true });
const u1 = (offset: number): IntField => ({ offset, bytes: 1, littleEndian: true });

/** .shp: file code, file length, shape type; per record (first 8): number, length, type, part and point counts. */
export function shpFields(b: Uint8Array): IntField[] {
  const fields = [be4(0), be4(24), le4(32)];
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = 100;
  for (let r = 0; r < 8 && at + 12 <= b.length; r++) {
    fields.push(be4(at), be4(at + 4), le4(at + 8));
    const type = view.getInt32(at + 8, true);
    if ([3, 5, 13, 15, 23, 25, 31].includes(type)) fields.push(le4(at + 44), le4(at + 48), le4(at + 52));
    else if ([8, 18, 28].includes(type)) fields.push(le4(at + 44));
    at += 8 + view.getInt32(at + 4, false) * 2;
  }
  return fields.filter((f) => f.offset + f.bytes <= b.length);
}

/** .shx: file length and the first index entries (offset, length). */
export function shxFields(b: Uint8Array): IntField[] {
  const fields = [be4(24)];
  for (let at = 100; at + 8 <= b.length && at < 100 + 8 * 8; at += 8) fields.push(be4(at), be4(at + 4));
  return fields;
}

/** .dbf: record count, header length, record length; per field: type, length, decimals. */
export function dbfFields(b: Uint8Array): IntField[] {
  const fields = [le4(4), le2(8), le2(10), u1(29)];
  for (let at = 32; at + 32 <= b.length && b[at] !== 0x0d; at += 32) fields.push(u1(at + 11), u1(at + 16), u1(at + 17));
  return fields;
}

/** Classic TIFF: the first IFD offset, the entry count, each entry's type, count and value/offset, the next-IFD link. */
export function tiffFields(b: Uint8Array): IntField[] {
  if (b.length < 8) return [];
  const little = b[0] === 0x49;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (view.getUint16(2, little) !== 42) return [];
  const f2 = (offset: number): IntField => ({ offset, bytes: 2, littleEndian: little });
  const f4 = (offset: number): IntField => ({ offset, bytes: 4, littleEndian: little });
  const fields = [f4(4)];
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > b.length) return fields;
  const count = view.getUint16(ifd, little);
  fields.push(f2(ifd));
  for (let i = 0; i < count && ifd + 2 + 12 * (i + 1) <= b.length; i++) {
    const e = ifd + 2 + 12 * i;
    fields.push(f2(e + 2), f4(e + 4), f4(e + 8));
  }
  if (ifd + 6 + 12 * count <= b.length) fields.push(f4(ifd + 2 + 12 * count));
  return fields;
}

/** Zip: the end record's counts, size and offset; each central entry's method, sizes, name length, local offset. */
export function zipFields(b: Uint8Array): IntField[] {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const end = b.length - 22;
  if (end < 0 || view.getUint32(end, true) !== 0x06054b50) return [];
  const fields = [le2(end + 8), le2(end + 10), le4(end + 12), le4(end + 16)];
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true) && at + 46 <= end; i++) {
    fields.push(le2(at + 8), le2(at + 10), le4(at + 20), le4(at + 24), le2(at + 28), le2(at + 30), le4(at + 42));
    const local = view.getUint32(at + 42, true);
    if (local + 30 <= b.length) fields.push(le4(local + 18), le4(local + 22), le2(local + 26), le2(local + 28));
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return fields;
}

/** GeoPackage geometry blob: flags, SRS id, and the WKB's byte order, type and first counts. */
export function gpkgFields(b: Uint8Array): IntField[] {
  if (b.length < 8) return [];
  const envelopeBytes = [0, 32, 48, 48, 64][(b[3] >> 1) & 7] ?? 0;
  const wkb = 8 + envelopeBytes;
  const little = b[wkb] === 1;
  const f4 = (offset: number): IntField => ({ offset, bytes: 4, littleEndian: little });
  return [u1(2), u1(3), le4(4), u1(wkb), f4(wkb + 1), f4(wkb + 5), f4(wkb + 9), f4(wkb + 14)].filter((f) => f.offset + f.bytes <= b.length);
}
