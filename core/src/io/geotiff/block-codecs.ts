/**
 * Decompression of one TIFF block into a buffer of the block's exact size.
 *
 * NONE, DEFLATE (fflate), LZW and PACKBITS are decoded here into a fixed-size buffer, so a crafted block cannot
 * expand beyond its declared size. ZSTD is decoded by zstddec in one call bounded by the block's size (a frame's
 * declared content size is checked first); LERC and JPEG use geotiff.js's decoders (its registry, loaded once,
 * decoding synchronously afterwards). WEBP is refused:
 * geotiff.js decodes it only through a browser canvas, asynchronously, and it is a lossy image format, not a
 * value raster. Any other scheme (LZMA, JPEG 2000, CCITT, JPEG XL…) is refused with an InputError naming it.
 */
import { unzlibSync } from 'fflate';
import { getDecoder } from 'geotiff';
import { ZSTDDecoder } from 'zstddec/stream';
import { InputError } from '../../errors';
import { CodecError } from './codec-error';
import { decodeLzw } from './lzw';
import { decodePackBits } from './packbits';
import { compressionName } from './tiff-tags';

/** Decodes `input` into `out`, returning the number of bytes written. Throws CodecError on damaged data. */
export type BlockCodec = (input: Uint8Array, out: Uint8Array) => number;

export interface CodecParams {
  compression: number;
  tileWidth: number;
  tileHeight: number;
  bitsPerSample: number[];
  planarConfiguration: number;
  samplesPerPixel: number;
  /** JPEG: the shared quantisation/Huffman tables (tag 347). */
  jpegTables: Uint8Array | null;
  /** LERC: tag 50674. */
  lercParameters: number[] | null;
}

/** Codecs whose output is already in machine byte order (typed pixels), not file-ordered bytes. */
export function decodesToNativeOrder(compression: number): boolean {
  return compression === 34887;
}

/**
 * The decoder for a compression scheme.
 * @param file the name used in messages.
 * @throws InputError TIFF_COMPRESSION_UNSUPPORTED naming the scheme.
 */
export async function loadBlockCodec(params: CodecParams, file: string, inflate?: BlockCodec): Promise<BlockCodec> {
  switch (params.compression) {
    case 1:
      return (input, out) => {
        const n = Math.min(input.length, out.length);
        out.set(input.subarray(0, n));
        return n;
      };
    case 8:
    case 32946:
      return (input, out) => {
        try {
          return inflate ? inflate(input, out) : unzlibSync(input, { out }).length;
        } catch (e) {
          throw new CodecError(e instanceof Error ? e.message : String(e));
        }
      };
    case 5:
      return decodeLzw;
    case 32773:
      return decodePackBits;
    case 50000:
      return zstdCodec();
    case 7:
    case 34887:
      return geotiffJsCodec(params, file);
    default:
      throw new InputError('TIFF_COMPRESSION_UNSUPPORTED', { file, compression: compressionName(params.compression) });
  }
}

async function geotiffJsCodec(params: CodecParams, file: string): Promise<BlockCodec> {
  let decoder: Awaited<ReturnType<typeof getDecoder>>;
  try {
    // JPEGTables and LercParameters ride along as geotiff.js's own decoder parameters do.
    decoder = await getDecoder(params.compression, {
      tileWidth: params.tileWidth,
      tileHeight: params.tileHeight,
      predictor: 1,
      bitsPerSample: params.bitsPerSample,
      planarConfiguration: params.planarConfiguration,
      samplesPerPixel: params.samplesPerPixel,
      ...(params.jpegTables ? { JPEGTables: params.jpegTables } : {}),
      ...(params.lercParameters ? { LercParameters: params.lercParameters } : {}),
    });
  } catch {
    throw new InputError('TIFF_COMPRESSION_UNSUPPORTED', { file, compression: compressionName(params.compression) });
  }
  return (input, out) => {
    let decoded: ArrayBufferLike | Promise<ArrayBufferLike>;
    try {
      decoded = decoder.decodeBlock(input.slice().buffer);
    } catch (e) {
      throw new CodecError(e instanceof Error ? e.message : String(e));
    }
    if (decoded instanceof Promise) throw new CodecError('asynchronous decoder');
    const bytes = new Uint8Array(decoded);
    const n = Math.min(bytes.length, out.length);
    out.set(bytes.subarray(0, n));
    return n;
  };
}

/**
 * ZSTD through zstddec (the decoder geotiff.js itself uses), decompressed in one call into the block's size.
 * Why not geotiff.js's decoder: it passes no size, so a frame without a declared content size — what libtiff's
 * streaming compressor writes, hence most ZSTD GeoTIFFs — goes down zstddec's streaming loop, which never ends
 * on damaged data (the decoder's error leaves the input position where it was).
 */
async function zstdCodec(): Promise<BlockCodec> {
  const zstd = new ZSTDDecoder();
  await zstd.init();
  return (input, out) => {
    checkZstdContentSize(input, out.length);
    let decoded: Uint8Array;
    try {
      // With a size, zstddec calls ZSTD_decompress once; on damaged data it returns an error code, read back as
      // an empty result, which the caller reports as a short block.
      decoded = zstd.decode(input, out.length);
    } catch (e) {
      throw new CodecError(e instanceof Error ? e.message : String(e));
    }
    const n = Math.min(decoded.length, out.length);
    out.set(decoded.subarray(0, n));
    return n;
  };
}

/** Refuses a ZSTD frame that declares more content than the block can hold (RFC 8878 §3.1.1.1). */
function checkZstdContentSize(input: Uint8Array, expected: number): void {
  if (input.length < 6 || input[0] !== 0x28 || input[1] !== 0xb5 || input[2] !== 0x2f || input[3] !== 0xfd) {
    throw new CodecError('not a Zstandard frame');
  }
  const descriptor = input[4];
  const fcsFlag = descriptor >> 6;
  const singleSegment = (descriptor >> 5) & 1;
  const dictBytes = [0, 1, 2, 4][descriptor & 3];
  const fcsBytes = fcsFlag === 0 ? singleSegment : [0, 2, 4, 8][fcsFlag];
  if (fcsBytes === 0) return;
  const at = 5 + (singleSegment ? 0 : 1) + dictBytes;
  if (at + fcsBytes > input.length) throw new CodecError('truncated Zstandard frame header');
  let size = 0;
  for (let i = fcsBytes - 1; i >= 0; i--) size = size * 256 + input[at + i];
  if (fcsBytes === 2) size += 256;
  if (size > expected) throw new CodecError(`the frame declares ${size} bytes for a block of ${expected}`);
}
