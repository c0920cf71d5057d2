/**
 * Undoing TIFF predictors on a decoded block, the way libtiff does it, for either byte order.
 *
 *  - Predictor 2 (horizontal differencing, TIFF 6.0 §14) works on samples as integers of their own width: the
 *    block is first put in the machine's byte order, then each row is summed left to right per sample.
 *  - Predictor 3 (floating point, Adobe Technical Note 3) works on bytes: each row holds every sample's most
 *    significant byte first, then the next byte plane…, differenced bytewise. After summing, the planes are
 *    interleaved back into the machine's byte order — whatever the file's byte order — so no swap follows.
 *    (libtiff's fpAcc disables its byte-swapping post-step for the same reason.)
 */
import { CodecError } from './codec-error';

export const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export interface SampleLayout {
  /** Bytes per sample: 1, 2, 4 or 8. */
  bytesPerSample: number;
  /** Samples per pixel in this block (1 for band-separate blocks). */
  stride: number;
  /** Pixels per row. */
  width: number;
  rows: number;
  /** Byte order of the file. */
  littleEndian: boolean;
}

/**
 * Puts a decoded block in machine byte order and undoes its predictor, in place.
 * @param block exactly `rows × width × stride × bytesPerSample` bytes, in file order, predictor applied.
 * @throws CodecError for a predictor this reader does not know.
 */
export function finishBlock(block: Uint8Array, predictor: number, layout: SampleLayout): void {
  if (predictor === 3) {
    undoFloatPredictor(block, layout);
    return;
  }
  if (layout.littleEndian !== HOST_LITTLE_ENDIAN) swapBytes(block, layout.bytesPerSample);
  if (predictor === 2) undoHorizontalDifferencing(block, layout);
  else if (predictor !== 1) throw new CodecError(`predictor ${predictor}`);
}

function swapBytes(block: Uint8Array, size: number): void {
  if (size === 1) return;
  for (let i = 0; i + size <= block.length; i += size) {
    for (let a = i, b = i + size - 1; a < b; a++, b--) {
      const t = block[a];
      block[a] = block[b];
      block[b] = t;
    }
  }
}

function undoHorizontalDifferencing(block: Uint8Array, { bytesPerSample, stride, width, rows }: SampleLayout): void {
  const perRow = width * stride;
  const aligned = block.byteOffset % bytesPerSample === 0;
  const buffer = aligned ? block : block.slice();
  const view = samplesView(buffer, bytesPerSample);
  for (let r = 0; r < rows; r++) {
    const base = r * perRow;
    if (view instanceof BigUint64Array) {
      for (let i = base + stride; i < base + perRow; i++) view[i] = BigInt.asUintN(64, view[i] + view[i - stride]);
    } else {
      // Typed-array stores wrap modulo 2^bits, which is exactly the predictor's arithmetic.
      for (let i = base + stride; i < base + perRow; i++) view[i] = view[i] + view[i - stride];
    }
  }
  if (!aligned) block.set(buffer);
}

function samplesView(block: Uint8Array, size: number): Uint8Array | Uint16Array | Uint32Array | BigUint64Array {
  const count = block.length / size;
  switch (size) {
    case 1: return block;
    case 2: return new Uint16Array(block.buffer, block.byteOffset, count);
    case 4: return new Uint32Array(block.buffer, block.byteOffset, count);
    case 8: return new BigUint64Array(block.buffer, block.byteOffset, count);
    default: throw new CodecError(`horizontal predictor with ${size * 8}-bit samples`);
  }
}

function undoFloatPredictor(block: Uint8Array, { bytesPerSample, stride, width, rows }: SampleLayout): void {
  const perRow = width * stride;
  const rowBytes = perRow * bytesPerSample;
  const planes = new Uint8Array(rowBytes);
  for (let r = 0; r < rows; r++) {
    const row = block.subarray(r * rowBytes, (r + 1) * rowBytes);
    for (let i = stride; i < rowBytes; i++) row[i] = (row[i] + row[i - stride]) & 0xff;
    planes.set(row);
    for (let s = 0; s < perRow; s++) {
      for (let b = 0; b < bytesPerSample; b++) {
        // Plane 0 holds the most significant bytes.
        const target = HOST_LITTLE_ENDIAN ? bytesPerSample - 1 - b : b;
        row[s * bytesPerSample + target] = planes[b * perRow + s];
      }
    }
  }
}
