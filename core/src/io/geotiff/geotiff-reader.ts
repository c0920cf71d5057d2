/**
 * The GeoTIFF reader: a {@link ByteSource} in, a {@link RasterSource} out, reading only the tiles or strips a
 * window touches.
 *
 * Why the container is parsed here rather than by geotiff.js: geotiff.js 3.0.5 reads deferred tag arrays of
 * big-endian files as little-endian (tile/strip offsets beyond its first 1 KB read come out wrong) and undoes
 * predictors 2 and 3 in little-endian order, so big-endian files with a predictor decode to wrong values;
 * it also allocates tag arrays of any declared size and counts IFDs without a loop guard. This module owns the
 * container (tiff-directory.ts, tiff-image.ts), the byte order and the predictors (predictor.ts), and uses
 * geotiff.js for the codecs it does well (ZSTD, LERC, JPEG; block-codecs.ts).
 *
 *   ByteSource ──read(offset, length)──▶ TIFF block ──codec──▶ file-order bytes ──predictor/byte order──▶
 *   typed block (LRU cache) ──copy──▶ window
 */
import { readGeoKeys } from './geo-key-directory';
import { readGeoMetadata } from './geo-metadata';
import { finishBlock } from './predictor';
import { TiffDirectory } from './tiff-directory';
import { readTiffImage, type TiffImage } from './tiff-image';
import { compressionName, TAG } from './tiff-tags';
import { decodesToNativeOrder, loadBlockCodec, type BlockCodec } from './block-codecs';
import { CodecError } from './codec-error';
import { BugError, InputError } from '../../errors';
import { BlockCache } from '../../raster/block-cache';
import { rasterExtent } from '../../raster/geo-transform';
import { createRasterArray, DATA_TYPE_BYTES, noDataAsStored, rasterArrayOver, type RasterArray, type RasterInfo, type RasterSource, type RasterWindow } from '../../raster/raster';
import type { ByteSource } from '../../types';

/** Default memory for decoded blocks kept between reads. */
const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;
/** Default largest window one read may allocate. */
const DEFAULT_MAX_WINDOW_BYTES = 1024 * 1024 * 1024;

export interface OpenGeoTiffOptions {
  /** The file's name, used in messages. */
  name?: string;
  /** Bytes of decoded blocks to keep for later reads (default 64 MiB). */
  cacheBytes?: number;
  /** Largest window a single read may allocate (default 1 GiB). */
  maxWindowBytes?: number;
  /**
   * A platform zlib decoder to use for DEFLATE blocks instead of fflate — Node's zlib inflates 2–3× faster (see
   * docs/rasters.md). It must write at most `out.length` bytes into `out`, return how many it wrote, and throw
   * on damaged data; the host supplies it, core never imports a platform module.
   */
  inflate?: (input: Uint8Array, out: Uint8Array) => number;
}

/** How the file stores its pixels, for `vep inspect` and for advice on slow files. */
export interface GeoTiffFormat {
  compression: string;
  predictor: number;
  tiled: boolean;
  blockWidth: number;
  blockHeight: number;
  interleave: 'pixel' | 'band';
  byteOrder: 'little' | 'big';
  bigTiff: boolean;
  pixelIsPoint: boolean;
}

export interface GeoTiffReader extends RasterSource {
  readonly format: GeoTiffFormat;
}

/**
 * Opens a GeoTIFF (classic or BigTIFF, either byte order, strips or tiles, pixel- or band-interleaved).
 * Only the header, the first IFD and the block offset tables are read; pixels are read by `readWindow`.
 * @param source the file's bytes (random access).
 * @param options name for messages, cache size, window limit.
 * @returns the reader; `info.warnings` lists what could not be interpreted (unknown CRS, no geotransform…).
 * @throws InputError TIFF_NOT_TIFF, TIFF_TRUNCATED, TIFF_BAD_IFD_OFFSET, TIFF_IFD_LOOP, TIFF_TAG_MISSING,
 *   TIFF_TAG_INVALID, TIFF_SAMPLE_FORMAT_UNSUPPORTED, TIFF_COMPRESSION_UNSUPPORTED, RASTER_TOO_LARGE, LIMIT_EXCEEDED.
 * @example
 *   const dem = await openGeoTiff(bytesSource(bytes), { name: 'dem.tif' });
 *   const window = dem.readWindow(1, { x: 100, y: 200, width: 64, height: 64 });
 */
export async function openGeoTiff(source: ByteSource, options: OpenGeoTiffOptions = {}): Promise<GeoTiffReader> {
  const file = options.name ?? 'GeoTIFF';
  const dir = TiffDirectory.open(source, file);
  const image = readTiffImage(dir);
  const keys = readGeoKeys(dir);
  const geo = readGeoMetadata(dir, keys, image.dataType);
  const codec = await loadBlockCodec({
    compression: image.compression,
    tileWidth: image.blockWidth,
    tileHeight: image.blockHeight,
    bitsPerSample: new Array<number>(image.samplesPerPixel).fill(image.bitsPerSample),
    planarConfiguration: image.planar,
    samplesPerPixel: image.samplesPerPixel,
    jpegTables: dir.bytes(TAG.JPEGTables),
    lercParameters: dir.numbers(TAG.LercParameters),
  }, file, options.inflate);
  const info: RasterInfo = {
    width: image.width,
    height: image.height,
    bands: image.samplesPerPixel,
    dataType: image.dataType,
    noData: geo.noData,
    geoTransform: geo.geoTransform,
    crs: geo.crs,
    extent: geo.geoTransform ? rasterExtent(geo.geoTransform, image.width, image.height) : null,
    warnings: [...dir.warnings, ...geo.warnings],
  };
  const format: GeoTiffFormat = {
    compression: compressionName(image.compression),
    predictor: image.predictor,
    tiled: image.tiled,
    blockWidth: image.blockWidth,
    blockHeight: image.rowAddressed ? Math.min(dir.number(TAG.RowsPerStrip, image.height), image.height) : image.blockHeight,
    interleave: image.planar === 1 ? 'pixel' : 'band',
    byteOrder: dir.littleEndian ? 'little' : 'big',
    bigTiff: dir.bigTiff,
    pixelIsPoint: geo.pixelIsPoint,
  };
  return new GeoTiffRaster(source, file, image, info, format, codec, options);
}

class GeoTiffRaster implements GeoTiffReader {
  readonly blockSize: { width: number; height: number };
  private readonly cache: BlockCache;
  private readonly maxWindowBytes: number;
  private readonly stride: number;
  private readonly fill: number;

  constructor(
    private readonly source: ByteSource,
    readonly name: string,
    private readonly image: TiffImage,
    readonly info: RasterInfo,
    readonly format: GeoTiffFormat,
    private readonly codec: BlockCodec,
    options: OpenGeoTiffOptions,
  ) {
    this.blockSize = { width: format.blockWidth, height: format.blockHeight };
    this.cache = new BlockCache(options.cacheBytes ?? DEFAULT_CACHE_BYTES);
    this.maxWindowBytes = options.maxWindowBytes ?? DEFAULT_MAX_WINDOW_BYTES;
    this.stride = image.planar === 1 ? image.samplesPerPixel : 1;
    this.fill = noDataAsStored(info.noData, info.dataType) ?? 0;
  }

  readWindow(band: number, window: RasterWindow): RasterArray {
    const { width, height, bands, dataType } = this.info;
    if (!Number.isInteger(band) || band < 1 || band > bands) throw new InputError('RASTER_BAND_OUT_OF_RANGE', { file: this.name, band, bands });
    const { x, y, width: w, height: h } = window;
    if (![x, y, w, h].every(Number.isInteger) || x < 0 || y < 0 || w < 0 || h < 0 || x + w > width || y + h > height) {
      throw new BugError(`window ${JSON.stringify(window)} outside the ${width}×${height} raster ${this.name}`);
    }
    const bytes = w * h * DATA_TYPE_BYTES[dataType];
    if (bytes > this.maxWindowBytes) throw new InputError('RASTER_WINDOW_TOO_LARGE', { file: this.name, width: w, height: h, bytes, limit: this.maxWindowBytes });
    const out = createRasterArray(dataType, w * h);
    if (w === 0 || h === 0) return out;
    const img = this.image;
    const plane = img.planar === 2 ? band - 1 : 0;
    const sample = img.planar === 1 ? band - 1 : 0;
    const stride = this.stride;
    const bw = img.blockWidth;
    const bh = img.blockHeight;
    for (let by = Math.floor(y / bh); by <= Math.floor((y + h - 1) / bh); by++) {
      for (let bx = Math.floor(x / bw); bx <= Math.floor((x + w - 1) / bw); bx++) {
        const block = this.block(plane * img.blocksAcross * img.blocksDown + by * img.blocksAcross + bx, by);
        const c0 = Math.max(x, bx * bw);
        const c1 = Math.min(x + w, (bx + 1) * bw);
        const r0 = Math.max(y, by * bh);
        const r1 = Math.min(y + h, (by + 1) * bh);
        for (let r = r0; r < r1; r++) {
          const src = ((r - by * bh) * bw + (c0 - bx * bw)) * stride + sample;
          const dst = (r - y) * w + (c0 - x);
          if (stride === 1) {
            out.set(block.subarray(src, src + (c1 - c0)), dst);
          } else {
            for (let c = 0; c < c1 - c0; c++) out[dst + c] = block[src + c * stride];
          }
        }
      }
    }
    return out;
  }

  /** The decoded block `index` (row `blockRow`), from the cache or the file. */
  private block(index: number, blockRow: number): RasterArray {
    const cached = this.cache.get(index);
    if (cached) return cached;
    const decoded = this.decode(index, blockRow);
    this.cache.set(index, decoded);
    return decoded;
  }

  private decode(index: number, blockRow: number): RasterArray {
    const img = this.image;
    const rows = img.tiled ? img.blockHeight : Math.min(img.blockHeight, img.height - blockRow * img.blockHeight);
    const samples = img.blockWidth * rows * this.stride;
    const offset = img.offsets[index];
    const count = img.byteCounts[index];
    if (count === 0) return createRasterArray(img.dataType, samples).fill(this.fill);
    const raw = this.source.read(offset, count);
    if (raw.length < count) throw new InputError('TIFF_TRUNCATED', { file: this.name, what: `block ${index}`, offset, end: offset + count, size: this.source.size });
    const bytes = new Uint8Array(samples * (img.bitsPerSample / 8));
    try {
      const n = this.codec(raw, bytes);
      if (n < bytes.length) throw new CodecError(`it decodes to ${n} bytes, ${bytes.length} expected`);
      if (!decodesToNativeOrder(img.compression)) {
        finishBlock(bytes, img.predictor, { bytesPerSample: img.bitsPerSample / 8, stride: this.stride, width: img.blockWidth, rows, littleEndian: this.format.byteOrder === 'little' });
      }
    } catch (e) {
      if (!(e instanceof CodecError)) throw e;
      throw new InputError('TIFF_BLOCK_CORRUPT', { file: this.name, block: index, compression: this.format.compression, reason: e.message });
    }
    if (img.sampleFormat === 3 && img.bitsPerSample === 16) return halfFloatsToFloat32(bytes);
    return rasterArrayOver(img.dataType, bytes.buffer);
  }
}

/** IEEE 754 half-precision samples (machine order) widened to Float32, as GDAL exposes them. */
function halfFloatsToFloat32(bytes: Uint8Array): Float32Array {
  const halves = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
  const out = new Float32Array(halves.length);
  for (let i = 0; i < halves.length; i++) {
    const h = halves[i];
    const sign = h & 0x8000 ? -1 : 1;
    const exponent = (h >> 10) & 0x1f;
    const fraction = h & 0x3ff;
    if (exponent === 0) out[i] = sign * fraction * 2 ** -24;
    else if (exponent === 31) out[i] = fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
    else out[i] = sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
  }
  return out;
}
