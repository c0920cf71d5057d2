/**
 * TIFF LZW decoding (TIFF 6.0 §13: MSB-first codes of 9–12 bits, Clear = 256, EndOfInformation = 257, the code
 * width growing one code early as libtiff writes it) into a caller-sized buffer.
 *
 * Every dictionary string is a run of bytes already written to the output — the previous code's string followed
 * by the first byte of the current one — so the dictionary keeps only (start, length) pairs and copies with
 * `copyWithin`. Writing into a fixed buffer bounds memory whatever the input (a crafted stream cannot expand
 * past the block size), and avoids the per-byte array pushes that make general-purpose decoders slow.
 */

import { CodecError } from './codec-error';

const CLEAR = 256;
const EOI = 257;
const FIRST_FREE = 258;
const MAX_WIDTH = 12;

/**
 * Decodes one LZW-compressed block.
 * @param input the compressed bytes.
 * @param out receives the decoded bytes; decoding stops when it is full.
 * @returns the number of bytes written.
 * @throws CodecError on an old-style (LSB-first) stream or an invalid code.
 */
export function decodeLzw(input: Uint8Array, out: Uint8Array): number {
  if (input.length >= 2 && input[0] === 0 && (input[1] & 1) === 1) throw new CodecError('old-style LZW (LSB-first codes)');
  const start = new Int32Array(4096);
  const length = new Int32Array(4096);
  let width = 9;
  let free = FIRST_FREE;
  let prevPos = -1;
  let prevLen = 0;
  let pos = 0;
  let bits = 0;
  let bitCount = 0;
  let i = 0;
  const capacity = out.length;
  for (;;) {
    while (bitCount < width) {
      if (i >= input.length) return pos; // no EndOfInformation: keep what was decoded, as libtiff does
      bits = ((bits << 8) | input[i++]) & 0xffffff;
      bitCount += 8;
    }
    bitCount -= width;
    const code = (bits >>> bitCount) & ((1 << width) - 1);
    if (code === EOI) return pos;
    if (code === CLEAR) {
      width = 9;
      free = FIRST_FREE;
      prevPos = -1;
      continue;
    }
    if (pos >= capacity) return pos;
    let len: number;
    if (prevPos < 0) {
      if (code > 255) throw new CodecError(`LZW code ${code} right after a clear code`);
      out[pos] = code;
      len = 1;
    } else if (code < free) {
      if (code < 256) {
        out[pos] = code;
        len = 1;
      } else {
        len = length[code];
        const from = start[code];
        const n = Math.min(len, capacity - pos);
        // Dictionary strings are short: a plain loop beats copyWithin's call overhead below a few dozen bytes.
        if (n < 32) for (let k = 0; k < n; k++) out[pos + k] = out[from + k];
        else out.copyWithin(pos, from, from + n);
      }
      if (free < 4096) {
        start[free] = prevPos;
        length[free] = prevLen + 1;
        free++;
      }
    } else if (code === free) {
      // The K-w-K-w-K case: the new string is the previous one plus its own first byte.
      len = prevLen + 1;
      out.copyWithin(pos, prevPos, prevPos + Math.min(prevLen, capacity - pos));
      if (pos + prevLen < capacity) out[pos + prevLen] = out[prevPos];
      if (free < 4096) {
        start[free] = prevPos;
        length[free] = len;
        free++;
      }
    } else {
      throw new CodecError(`LZW code ${code} beyond the dictionary (${free} entries)`);
    }
    prevPos = pos;
    prevLen = len;
    pos = Math.min(pos + len, capacity);
    if (free >= (1 << width) - 1 && width < MAX_WIDTH) width++;
  }
}
