/** PackBits run-length decoding (TIFF 6.0 §9) into a caller-sized buffer, so output never exceeds the block. */

/**
 * Decodes one PackBits block (TIFF 6.0 §9) into a caller-sized buffer.
 * @returns the number of bytes written.
 */
export function decodePackBits(input: Uint8Array, out: Uint8Array): number {
  let i = 0;
  let pos = 0;
  while (i < input.length && pos < out.length) {
    const header = (input[i++] << 24) >> 24;
    if (header >= 0) {
      const n = Math.min(header + 1, input.length - i, out.length - pos);
      out.set(input.subarray(i, i + n), pos);
      i += header + 1;
      pos += n;
    } else if (header !== -128) {
      if (i >= input.length) break;
      const n = Math.min(1 - header, out.length - pos);
      out.fill(input[i++], pos, pos + n);
      pos += n;
    }
  }
  return pos;
}
