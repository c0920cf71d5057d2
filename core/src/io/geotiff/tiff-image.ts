/**
 * The pixel layout of a TIFF image (IFD 0): size, sample type, strips or tiles, planar configuration, and where
 * every block's bytes are — all validated against the file before any pixel is read.
 *
 * Uncompressed strips are addressed row by row ("virtual blocks" of one row), so a file written as one huge
 * uncompressed strip still reads a parcel's window without touching the rest of the strip.
 */
import { InputError } from '../../errors';
import type { RasterDataType } from '../../raster/raster';
import type { TiffDirectory } from './tiff-directory';
import { tagName } from './tiff-directory';
import { compressionName, TAG } from './tiff-tags';

/** A decoded block (tile or strip) may not exceed this many bytes. */
export const MAX_BLOCK_BYTES = 512 * 1024 * 1024;
const MAX_DIMENSION = 2 ** 31 - 1;

export interface TiffImage {
  width: number;
  height: number;
  samplesPerPixel: number;
  dataType: RasterDataType;
  /** Bits per stored sample (16 for half floats, which are widened to Float32). */
  bitsPerSample: number;
  sampleFormat: number;
  compression: number;
  predictor: number;
  /** 1 = pixel-interleaved (chunky), 2 = band-separate (planar). */
  planar: 1 | 2;
  tiled: boolean;
  /** Block size in pixels; for strips the width is the image width and the height RowsPerStrip. */
  blockWidth: number;
  blockHeight: number;
  blocksAcross: number;
  blocksDown: number;
  /** True when uncompressed strips are addressed one row at a time (blockHeight is then 1). */
  rowAddressed: boolean;
  /** Per block (plane-major for planar 2): file offset and byte count. */
  offsets: Float64Array;
  byteCounts: Float64Array;
}

/**
 * Reads and checks the image layout of IFD 0.
 * @throws InputError TIFF_TAG_MISSING, TIFF_TAG_INVALID, TIFF_SAMPLE_FORMAT_UNSUPPORTED, TIFF_TRUNCATED,
 *   RASTER_TOO_LARGE, LIMIT_EXCEEDED (a decoded block above {@link MAX_BLOCK_BYTES}).
 */
export function readTiffImage(dir: TiffDirectory): TiffImage {
  const file = dir.file;
  const required = (tag: number): number => {
    const v = dir.numbers(tag);
    if (!v || v.length === 0) throw new InputError('TIFF_TAG_MISSING', { file, tag: tagName(tag) });
    return v[0];
  };
  const width = required(TAG.ImageWidth);
  const height = required(TAG.ImageLength);
  const samplesPerPixel = dir.number(TAG.SamplesPerPixel, 1);
  if (!(width >= 1 && height >= 1 && width <= MAX_DIMENSION && height <= MAX_DIMENSION && samplesPerPixel >= 1 && samplesPerPixel <= 65535)) {
    throw new InputError('RASTER_TOO_LARGE', { file, width, height, bands: samplesPerPixel });
  }
  const bits = dir.numbers(TAG.BitsPerSample) ?? [1];
  const formats = dir.numbers(TAG.SampleFormat) ?? [1];
  const bitsPerSample = bits[0];
  const sampleFormat = formats[0];
  if (bits.some((b) => b !== bitsPerSample) || formats.some((f) => f !== sampleFormat)) {
    throw new InputError('TIFF_SAMPLE_FORMAT_UNSUPPORTED', { file, format: 'bands of different types', bits: bits.join('/') });
  }
  const dataType = dataTypeOf(sampleFormat, bitsPerSample);
  if (!dataType) throw new InputError('TIFF_SAMPLE_FORMAT_UNSUPPORTED', { file, format: sampleFormatName(sampleFormat), bits: bitsPerSample });

  const planarTag = dir.number(TAG.PlanarConfiguration, 1);
  if (planarTag !== 1 && planarTag !== 2) throw new InputError('TIFF_TAG_INVALID', { file, tag: tagName(TAG.PlanarConfiguration), reason: `value ${planarTag}` });
  const planar: 1 | 2 = samplesPerPixel === 1 ? 1 : planarTag;
  const compression = dir.number(TAG.Compression, 1);
  // YCbCr (photometric 6) is stored subsampled and colour-converted: a photo encoding, never a value raster.
  if (dir.number(TAG.Photometric, 1) === 6) {
    throw new InputError('TIFF_COMPRESSION_UNSUPPORTED', { file, compression: `YCbCr ${compressionName(compression)}` });
  }
  const predictor = dir.number(TAG.Predictor, 1);
  if (predictor !== 1 && predictor !== 2 && predictor !== 3) throw new InputError('TIFF_TAG_INVALID', { file, tag: tagName(TAG.Predictor), reason: `value ${predictor}` });
  if (predictor === 3 && sampleFormat !== 3) throw new InputError('TIFF_TAG_INVALID', { file, tag: tagName(TAG.Predictor), reason: 'floating-point predictor on integer samples' });

  const tiled = dir.has(TAG.TileOffsets);
  const blockWidth = tiled ? required(TAG.TileWidth) : width;
  const blockHeight = tiled ? required(TAG.TileLength) : Math.min(dir.number(TAG.RowsPerStrip, height), height);
  if (!(blockWidth >= 1 && blockHeight >= 1)) throw new InputError('TIFF_TAG_INVALID', { file, tag: tagName(tiled ? TAG.TileWidth : TAG.RowsPerStrip), reason: `block ${blockWidth}×${blockHeight}` });
  const blocksAcross = Math.ceil(width / blockWidth);
  const blocksDown = Math.ceil(height / blockHeight);
  const planes = planar === 2 ? samplesPerPixel : 1;
  const blockCount = blocksAcross * blocksDown * planes;
  if (blockCount > MAX_DIMENSION) throw new InputError('RASTER_TOO_LARGE', { file, width, height, bands: samplesPerPixel });
  const bytesPerSample = bitsPerSample / 8;
  const blockBytes = blockWidth * blockHeight * (planar === 1 ? samplesPerPixel : 1) * bytesPerSample;
  const rowAddressed = !tiled && compression === 1;
  if (blockBytes > MAX_BLOCK_BYTES && !rowAddressed) {
    throw new InputError('LIMIT_EXCEEDED', { what: `one ${tiled ? 'tile' : 'strip'} of ${file} (${blockWidth}×${blockHeight} pixels, ${compressionName(compression)})`, limit: MAX_BLOCK_BYTES, value: blockBytes });
  }

  const offsetsTag = tiled ? TAG.TileOffsets : TAG.StripOffsets;
  const countsTag = tiled ? TAG.TileByteCounts : TAG.StripByteCounts;
  const offsets = dir.numbers(offsetsTag);
  const counts = dir.numbers(countsTag);
  if (!offsets) throw new InputError('TIFF_TAG_MISSING', { file, tag: tagName(offsetsTag) });
  if (!counts) throw new InputError('TIFF_TAG_MISSING', { file, tag: tagName(countsTag) });
  for (const [tag, values] of [[offsetsTag, offsets], [countsTag, counts]] as const) {
    if (values.length < blockCount) throw new InputError('TIFF_TAG_INVALID', { file, tag: tagName(tag), reason: `${values.length} values for ${blockCount} blocks of a ${width}×${height} image` });
  }
  const image: TiffImage = {
    width, height, samplesPerPixel, dataType, bitsPerSample, sampleFormat, compression, predictor, planar, tiled,
    blockWidth, blockHeight, blocksAcross, blocksDown, rowAddressed: false,
    offsets: Float64Array.from(offsets.slice(0, blockCount)), byteCounts: Float64Array.from(counts.slice(0, blockCount)),
  };
  checkBlocksInFile(image, dir);
  return rowAddressed ? toRowBlocks(image, file) : image;
}

function checkBlocksInFile(image: TiffImage, dir: TiffDirectory): void {
  const size = dir.source.size;
  for (let i = 0; i < image.offsets.length; i++) {
    const offset = image.offsets[i];
    const count = image.byteCounts[i];
    if (count === 0) continue; // a sparse block, filled with nodata as GDAL does
    if (!(offset + count <= size)) {
      throw new InputError('TIFF_TRUNCATED', { file: dir.file, what: `${image.tiled ? 'tile' : 'strip'} ${i}`, offset, end: offset + count, size });
    }
  }
}

/** Re-addresses uncompressed strips as one block per row (per plane), checking each strip holds all its rows. */
function toRowBlocks(image: TiffImage, file: string): TiffImage {
  const planes = image.planar === 2 ? image.samplesPerPixel : 1;
  const rowBytes = image.width * (image.planar === 1 ? image.samplesPerPixel : 1) * (image.bitsPerSample / 8);
  for (let s = 0; s < image.offsets.length; s++) {
    const rows = Math.min(image.blockHeight, image.height - (s % image.blocksDown) * image.blockHeight);
    const count = image.byteCounts[s];
    if (count > 0 && count < rows * rowBytes) {
      throw new InputError('TIFF_TRUNCATED', { file, what: `strip ${s} (${count} bytes for ${rows} rows of ${rowBytes} bytes)`, offset: image.offsets[s], end: image.offsets[s] + rows * rowBytes, size: image.offsets[s] + count });
    }
  }
  const offsets = new Float64Array(planes * image.height);
  const byteCounts = new Float64Array(planes * image.height);
  for (let p = 0; p < planes; p++) {
    for (let r = 0; r < image.height; r++) {
      const strip = p * image.blocksDown + Math.floor(r / image.blockHeight);
      const i = p * image.height + r;
      if (image.byteCounts[strip] === 0) continue; // a sparse strip stays sparse
      offsets[i] = image.offsets[strip] + (r % image.blockHeight) * rowBytes;
      byteCounts[i] = rowBytes;
    }
  }
  return { ...image, blockHeight: 1, blocksDown: image.height, rowAddressed: true, offsets, byteCounts };
}

function dataTypeOf(format: number, bits: number): RasterDataType | null {
  if (format === 1 || format === 4) return ({ 8: 'Byte', 16: 'UInt16', 32: 'UInt32' } as const)[bits as 8 | 16 | 32] ?? null;
  if (format === 2) return ({ 8: 'Int8', 16: 'Int16', 32: 'Int32' } as const)[bits as 8 | 16 | 32] ?? null;
  if (format === 3) return ({ 16: 'Float32', 32: 'Float32', 64: 'Float64' } as const)[bits as 16 | 32 | 64] ?? null;
  return null;
}

function sampleFormatName(format: number): string {
  return ({ 1: 'unsigned integer', 2: 'signed integer', 3: 'floating point', 4: 'undefined', 5: 'complex integer', 6: 'complex floating point' } as Record<number, string>)[format] ?? `SampleFormat ${format}`;
}
