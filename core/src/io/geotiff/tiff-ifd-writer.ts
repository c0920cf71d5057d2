/**
 * Lays out a little-endian classic TIFF: header, one IFD (entries sorted by tag, values over 4 bytes after it),
 * then the image blocks — the IFD first, as GDAL and COG readers prefer, so opening reads one contiguous range.
 */
import { FIELD } from './tiff-tags';

export type IfdValue =
  | { type: typeof FIELD.SHORT | typeof FIELD.LONG | typeof FIELD.DOUBLE; values: number[] }
  | { type: typeof FIELD.ASCII; text: string };

/** A tag whose values are the blocks' offsets: filled in once the layout is known. */
export const BLOCK_OFFSETS = Symbol('block offsets');

export interface IfdEntry {
  tag: number;
  value: IfdValue | typeof BLOCK_OFFSETS;
}

/**
 * The whole file.
 * @param entries tags; exactly one of them carries {@link BLOCK_OFFSETS}.
 * @param blocks encoded blocks in the order the offsets tag lists them.
 */
export function layoutTiff(entries: IfdEntry[], blocks: Uint8Array[]): Uint8Array {
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  const valueBytes = (e: IfdEntry): Uint8Array => encodeValue(e.value === BLOCK_OFFSETS ? { type: FIELD.LONG, values: blocks.map(() => 0) } : e.value);
  const ifdSize = 2 + sorted.length * 12 + 4;
  let extra = 8 + ifdSize;
  const placed = sorted.map((e) => {
    const bytes = valueBytes(e);
    const at = bytes.length > 4 ? extra : -1;
    if (bytes.length > 4) extra += bytes.length + (bytes.length % 2);
    return { entry: e, bytes, at };
  });
  const blockOffsets: number[] = [];
  let end = extra;
  for (const block of blocks) {
    blockOffsets.push(end);
    end += block.length;
  }
  const out = new Uint8Array(end);
  const view = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]);
  view.setUint32(4, 8, true);
  view.setUint16(8, sorted.length, true);
  placed.forEach(({ entry, at }, i) => {
    const bytes = entry.value === BLOCK_OFFSETS ? encodeValue({ type: FIELD.LONG, values: blockOffsets }) : placed[i].bytes;
    const value = entry.value === BLOCK_OFFSETS ? { type: FIELD.LONG, values: blockOffsets } : entry.value;
    const p = 10 + i * 12;
    view.setUint16(p, entry.tag, true);
    view.setUint16(p + 2, value.type, true);
    view.setUint32(p + 4, 'text' in value ? value.text.length + 1 : value.values.length, true);
    if (at < 0) out.set(bytes, p + 8);
    else {
      view.setUint32(p + 8, at, true);
      out.set(bytes, at);
    }
  });
  view.setUint32(10 + sorted.length * 12, 0, true);
  blocks.forEach((block, i) => out.set(block, blockOffsets[i]));
  return out;
}

function encodeValue(value: IfdValue): Uint8Array {
  if (value.type === FIELD.ASCII) {
    const bytes = new Uint8Array(value.text.length + 1);
    // TIFF ASCII is 7-bit: anything else becomes '?'.
    for (let i = 0; i < value.text.length; i++) bytes[i] = value.text.charCodeAt(i) < 128 ? value.text.charCodeAt(i) : 0x3f;
    return bytes;
  }
  const size = value.type === FIELD.SHORT ? 2 : value.type === FIELD.LONG ? 4 : 8;
  const bytes = new Uint8Array(value.values.length * size);
  const view = new DataView(bytes.buffer);
  value.values.forEach((v, i) => {
    if (value.type === FIELD.SHORT) view.setUint16(i * 2, v, true);
    else if (value.type === FIELD.LONG) view.setUint32(i * 4, v, true);
    else view.setFloat64(i * 8, v, true);
  });
  return bytes;
}
