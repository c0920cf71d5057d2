/**
 * The GeoTIFF writer: an in-memory {@link Raster} to the bytes of a GeoTIFF that GDAL and QGIS open with the same
 * size, geotransform, CRS, nodata and values — for `--intermediates` rasters and the sample data.
 *
 * Little-endian classic TIFF; tiles (default 256 × 256) or strips; DEFLATE (fflate, zlib-wrapped as TIFF requires)
 * or no compression, with an optional predictor (2 for integers, 3 for floats); bands stored separately
 * (PlanarConfiguration 2). Georeferencing: ModelPixelScale + ModelTiepoint for north-up grids,
 * ModelTransformation for rotated ones; GeoKeys from crs/geokeys.ts; PixelIsArea; GDAL_NODATA.
 */
import { zlibSync } from 'fflate';
import { geoKeysFromCrs } from '../../crs/geokeys';
import { BugError, InputError } from '../../errors';
import { isNorthUp } from '../../raster/geo-transform';
import { DATA_TYPE_BYTES, dataTypeOf, isFloatType, type Raster, type RasterDataType } from '../../raster/raster';
import { writeGeoKeys } from './geo-key-directory';
import { HOST_LITTLE_ENDIAN } from './predictor';
import { BLOCK_OFFSETS, layoutTiff, type IfdEntry } from './tiff-ifd-writer';
import { FIELD, TAG } from './tiff-tags';

/** Largest file written (a classic TIFF's offsets are 32-bit; buffers this size are safe to allocate). */
const MAX_FILE_BYTES = 2 ** 31 - 1;

export interface WriteGeoTiffOptions {
  /** 'deflate' (default) or 'none'. */
  compression?: 'deflate' | 'none';
  /** Tiles (default) or strips. */
  tiled?: boolean;
  /** Tile edge in pixels, a multiple of 16 (default 256). */
  tileSize?: number;
  /** Horizontal differencing (integers) or floating-point predictor (floats) before DEFLATE (default false). */
  predictor?: boolean;
  /** DEFLATE level 1–9 (default 6). */
  level?: number;
}

/**
 * Encodes a raster as a GeoTIFF.
 * @param raster width × height pixels per band, all bands of `raster.dataType`.
 * @param options compression, tiling, predictor.
 * @returns the file's bytes.
 * @throws InputError RASTER_CRS_NOT_WRITABLE (a CRS with neither EPSG code nor transverse Mercator parameters),
 *   RASTER_WRITE_TOO_LARGE; BugError when the band arrays do not match the declared size and type.
 * @example
 *   const bytes = writeGeoTiff({ width, height, dataType: 'Float32', noData: -9999, geoTransform, crs, data: [slope] });
 */
export function writeGeoTiff(raster: Raster, options: WriteGeoTiffOptions = {}): Uint8Array {
  const { width, height, dataType, data } = raster;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || data.length < 1) throw new BugError(`cannot write a ${width}×${height} raster with ${data.length} bands`);
  for (const band of data) {
    if (band.length !== width * height || dataTypeOf(band) !== dataType) throw new BugError(`band of ${band.length} ${dataTypeOf(band)} pixels for a ${width}×${height} ${dataType} raster`);
  }
  const bytesPerSample = DATA_TYPE_BYTES[dataType];
  const estimate = width * height * data.length * bytesPerSample + 65536;
  if (estimate > MAX_FILE_BYTES) throw new InputError('RASTER_WRITE_TOO_LARGE', { bytes: estimate, limit: MAX_FILE_BYTES });

  const compress = (options.compression ?? 'deflate') === 'deflate';
  const tiled = options.tiled ?? true;
  const tileSize = options.tileSize ?? 256;
  if (tiled && (tileSize < 16 || tileSize % 16 !== 0)) throw new BugError(`tile size ${tileSize} is not a multiple of 16`);
  const predictor = compress && options.predictor ? (isFloatType(dataType) ? 3 : 2) : 1;
  const blockWidth = tiled ? tileSize : width;
  const blockHeight = tiled ? tileSize : Math.max(1, Math.min(height, Math.floor(65536 / (width * bytesPerSample))));
  const across = Math.ceil(width / blockWidth);
  const down = Math.ceil(height / blockHeight);

  const blocks: Uint8Array[] = [];
  for (const band of data) {
    for (let by = 0; by < down; by++) {
      for (let bx = 0; bx < across; bx++) {
        // Tiles are always full size (padded with zeros); the last strip holds only the remaining rows.
        const rows = tiled ? blockHeight : Math.min(blockHeight, height - by * blockHeight);
        const block = new Uint8Array(blockWidth * rows * bytesPerSample);
        const typed = new (band.constructor as new (b: ArrayBuffer) => typeof band)(block.buffer);
        for (let r = 0; r < rows && by * blockHeight + r < height; r++) {
          const y = by * blockHeight + r;
          const x0 = bx * blockWidth;
          const n = Math.min(blockWidth, width - x0);
          typed.set(band.subarray(y * width + x0, y * width + x0 + n), r * blockWidth);
        }
        if (predictor !== 1) applyPredictor(block, predictor, bytesPerSample, blockWidth, rows);
        else if (!HOST_LITTLE_ENDIAN) swapToLittleEndian(block, bytesPerSample);
        blocks.push(compress ? zlibSync(block, { level: (options.level ?? 6) as 6 }) : block);
      }
    }
  }

  const bands = data.length;
  const entries: IfdEntry[] = [
    { tag: TAG.ImageWidth, value: { type: FIELD.LONG, values: [width] } },
    { tag: TAG.ImageLength, value: { type: FIELD.LONG, values: [height] } },
    { tag: TAG.BitsPerSample, value: { type: FIELD.SHORT, values: new Array<number>(bands).fill(bytesPerSample * 8) } },
    { tag: TAG.Compression, value: { type: FIELD.SHORT, values: [compress ? 8 : 1] } },
    { tag: TAG.Photometric, value: { type: FIELD.SHORT, values: [1] } },
    { tag: TAG.SamplesPerPixel, value: { type: FIELD.SHORT, values: [bands] } },
    { tag: TAG.PlanarConfiguration, value: { type: FIELD.SHORT, values: [bands > 1 ? 2 : 1] } },
    { tag: TAG.SampleFormat, value: { type: FIELD.SHORT, values: new Array<number>(bands).fill(sampleFormat(dataType)) } },
    ...(tiled
      ? [
        { tag: TAG.TileWidth, value: { type: FIELD.LONG, values: [blockWidth] } },
        { tag: TAG.TileLength, value: { type: FIELD.LONG, values: [blockHeight] } },
        { tag: TAG.TileOffsets, value: BLOCK_OFFSETS },
        { tag: TAG.TileByteCounts, value: { type: FIELD.LONG, values: blocks.map((b) => b.length) } },
      ] as IfdEntry[]
      : [
        { tag: TAG.RowsPerStrip, value: { type: FIELD.LONG, values: [blockHeight] } },
        { tag: TAG.StripOffsets, value: BLOCK_OFFSETS },
        { tag: TAG.StripByteCounts, value: { type: FIELD.LONG, values: blocks.map((b) => b.length) } },
      ] as IfdEntry[]),
  ];
  if (predictor !== 1) entries.push({ tag: TAG.Predictor, value: { type: FIELD.SHORT, values: [predictor] } });
  // Bands beyond the first of a MinIsBlack image are declared as unspecified extra samples (TIFF 6.0 §18).
  if (bands > 1) entries.push({ tag: TAG.ExtraSamples, value: { type: FIELD.SHORT, values: new Array<number>(bands - 1).fill(0) } });
  entries.push(...georeferencing(raster));
  if (raster.noData !== null) entries.push({ tag: TAG.GdalNoData, value: { type: FIELD.ASCII, text: formatNoData(raster.noData) } });

  const fileBytes = blocks.reduce((sum, b) => sum + b.length, 0) + 65536;
  if (fileBytes > MAX_FILE_BYTES) throw new InputError('RASTER_WRITE_TOO_LARGE', { bytes: fileBytes, limit: MAX_FILE_BYTES });
  return layoutTiff(entries, blocks);
}

function georeferencing(raster: Raster): IfdEntry[] {
  const entries: IfdEntry[] = [];
  const gt = raster.geoTransform;
  if (gt && isNorthUp(gt)) {
    entries.push({ tag: TAG.ModelPixelScale, value: { type: FIELD.DOUBLE, values: [gt[1], -gt[5], 0] } });
    entries.push({ tag: TAG.ModelTiepoint, value: { type: FIELD.DOUBLE, values: [0, 0, 0, gt[0], gt[3], 0] } });
  } else if (gt) {
    entries.push({ tag: TAG.ModelTransformation, value: { type: FIELD.DOUBLE, values: [gt[1], gt[2], 0, gt[0], gt[4], gt[5], 0, gt[3], 0, 0, 0, 0, 0, 0, 0, 1] } });
  }
  if (raster.crs) {
    const { directory, doubles, ascii } = writeGeoKeys(geoKeysFromCrs(raster.crs));
    entries.push({ tag: TAG.GeoKeyDirectory, value: { type: FIELD.SHORT, values: directory } });
    if (doubles.length > 0) entries.push({ tag: TAG.GeoDoubleParams, value: { type: FIELD.DOUBLE, values: doubles } });
    if (ascii.length > 0) entries.push({ tag: TAG.GeoAsciiParams, value: { type: FIELD.ASCII, text: ascii } });
  }
  return entries;
}

function sampleFormat(dataType: RasterDataType): number {
  if (isFloatType(dataType)) return 3;
  return dataType === 'Int8' || dataType === 'Int16' || dataType === 'Int32' ? 2 : 1;
}

/** The GDAL_NODATA text: the shortest decimal that reads back to the same double; "nan", "inf", "-inf". */
function formatNoData(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  return String(v);
}

/** Predictor 2 (integers, per sample) or 3 (floats, byte planes), in place, leaving little-endian bytes. */
function applyPredictor(block: Uint8Array, predictor: number, size: number, width: number, rows: number): void {
  if (!HOST_LITTLE_ENDIAN) swapToLittleEndian(block, size);
  if (predictor === 2) {
    for (let r = 0; r < rows; r++) {
      const row = block.subarray(r * width * size, (r + 1) * width * size);
      const view = new DataView(row.buffer, row.byteOffset, row.byteLength);
      for (let i = width - 1; i > 0; i--) {
        if (size === 1) row[i] = (row[i] - row[i - 1]) & 0xff;
        else if (size === 2) view.setUint16(i * 2, view.getUint16(i * 2, true) - view.getUint16(i * 2 - 2, true), true);
        else view.setUint32(i * 4, view.getUint32(i * 4, true) - view.getUint32(i * 4 - 4, true), true);
      }
    }
    return;
  }
  const planes = new Uint8Array(width * size);
  for (let r = 0; r < rows; r++) {
    const row = block.subarray(r * width * size, (r + 1) * width * size);
    // Byte planes, most significant first (Adobe TN3), then bytewise differences right to left.
    for (let s = 0; s < width; s++) for (let b = 0; b < size; b++) planes[b * width + s] = row[s * size + (size - 1 - b)];
    for (let i = planes.length - 1; i > 0; i--) row[i] = (planes[i] - planes[i - 1]) & 0xff;
    row[0] = planes[0];
  }
}

function swapToLittleEndian(block: Uint8Array, size: number): void {
  for (let i = 0; i + size <= block.length; i += size) block.subarray(i, i + size).reverse();
}
