import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { bytesSource, type ByteSource } from '../../types';
import { openGeoTiff } from './geotiff-reader';
import { parseGdalNumber } from './geo-metadata';

// GeoTIFFs written by GDAL and what `gdalinfo -json -stats` says about them (core/fixtures/geotiff/make-fixtures.py).
interface Case {
  file: string;
  dataType: string;
  gdalType: string;
  width: number;
  height: number;
  bandCount: number;
  noData: number | 'nan' | null;
  geoTransform: number[] | undefined;
  epsg: number | null;
  crsProbe: { lonLat: [number, number]; xy: [number, number] } | null;
  hasCrs: boolean;
  compression: string;
  block: [number, number];
  block11: { offset: number; size: number } | null;
  bands: { min: number; max: number; mean: number; stdDev: number; validPercent: number; sha256: string }[];
}
const root = new URL('../../../fixtures/geotiff/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', root), 'utf8')) as { cases: Case[]; noDataTexts: { file: string; text: string; gdal: number | string | null }[] };
const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(path, root)));
const open = (c: Case) => openGeoTiff(bytesSource(fixture(`in/${c.file}`)), { name: c.file });
const sha256 = (a: ArrayBufferView): string => createHash('sha256').update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).digest('hex');
const lossy = new Set(['byte-jpeg.tif', 'byte-3band-jpeg.tif']);

describe('GeoTIFF reader against GDAL', () => {
  it.each(expected.cases.map((c) => [c.file, c] as const))('reads the header of %s as gdalinfo does', async (_name, c) => {
    const { info, format } = await open(c);
    expect([info.width, info.height, info.bands]).toEqual([c.width, c.height, c.bandCount]);
    expect(info.dataType).toBe(c.dataType);
    expect(info.noData).toEqual(c.noData === 'nan' ? Number.NaN : c.noData);
    expect(info.geoTransform).toEqual(c.geoTransform ?? null);
    // EPSG:4528's parameters written without the code: GDAL 3.6 does not identify it, the reader recognises the zone.
    expect(info.crs?.epsg ?? null).toBe(c.file === 'float32-gk40-user-defined.tif' ? 4528 : c.epsg);
    expect(info.crs !== null).toBe(c.hasCrs);
    expect([format.blockWidth, format.blockHeight]).toEqual(c.block);
    expect(format.compression).toBe(c.compression.replace(/^LERC_.*/, 'LERC'));
  });

  it.each(expected.cases.filter((c) => !lossy.has(c.file)).map((c) => [c.file, c] as const))('decodes every pixel of %s exactly as GDAL does', async (_name, c) => {
    const reader = await open(c);
    for (let b = 1; b <= c.bandCount; b++) {
      const pixels = reader.readWindow(b, { x: 0, y: 0, width: c.width, height: c.height });
      expect(sha256(pixels), `band ${b}`).toBe(c.bands[b - 1].sha256);
    }
  });

  it.each([...lossy])('decodes %s (JPEG, lossy) to within a fraction of a grey level of libjpeg on average', async (file) => {
    const c = expected.cases.find((k) => k.file === file)!;
    const reader = await open(c);
    for (let b = 1; b <= c.bandCount; b++) {
      const pixels = reader.readWindow(b, { x: 0, y: 0, width: c.width, height: c.height });
      let sum = 0;
      for (const v of pixels) sum += v;
      // The IDCTs of geotiff.js and libjpeg round differently on some pixels (by ±1); the means stay within 0.1.
      expect(Math.abs(sum / pixels.length - c.bands[b - 1].mean)).toBeLessThan(0.1);
    }
  });

  it.each(expected.cases.filter((c) => c.crsProbe).map((c) => [c.file, c] as const))('builds a proj4 definition of the user-defined CRS of %s that projects as GDAL does', async (_name, c) => {
    const { info } = await open(c);
    const probe = c.crsProbe!;
    const ellipsoid = info.crs!.proj4.match(/\+(ellps|datum|a)=\S+( \+rf=\S+)?/)![0];
    const [x, y] = proj4(`+proj=longlat ${ellipsoid} +no_defs`, info.crs!.proj4, probe.lonLat);
    expect(x).toBeCloseTo(probe.xy[0], 4);
    expect(y).toBeCloseTo(probe.xy[1], 4);
  });

  it('reports PixelIsPoint rasters with the cell-corner geotransform, as GDAL does', async () => {
    const c = expected.cases.find((k) => k.file === 'float32-pixel-is-point.tif')!;
    const reader = await open(c);
    expect(reader.format.pixelIsPoint).toBe(true);
    // Made from geotransform [40500123.5, 30, 0, 3300456.25, 0, -30] with AREA_OR_POINT=Point; GDAL reads it back unchanged.
    expect(reader.info.geoTransform).toEqual([40500123.5, 30, 0, 3300456.25, 0, -30]);
  });

  it('reads a window equal to the same part of the whole raster, across tile edges', async () => {
    for (const name of ['int16-3band-band-tiled.tif', 'uint16-3band-pixel-pred2.tif', 'float32-cog.tif', 'uint16-be-many-strips.tif']) {
      const c = expected.cases.find((k) => k.file === name)!;
      const reader = await open(c);
      const whole = reader.readWindow(c.bandCount, { x: 0, y: 0, width: c.width, height: c.height });
      const win = { x: 7, y: 3, width: Math.min(70, c.width - 7), height: Math.min(40, c.height - 3) };
      const part = reader.readWindow(c.bandCount, win);
      for (let r = 0; r < win.height; r++) {
        for (let col = 0; col < win.width; col++) {
          expect(part[r * win.width + col]).toBe(whole[(r + win.y) * c.width + col + win.x]);
        }
      }
    }
  });
});

describe('a platform DEFLATE decoder supplied by the host', () => {
  // What the Node host passes: zlib, bounded to the block's size.
  const nodeInflate = (input: Uint8Array, out: Uint8Array): number => {
    const bytes = inflateSync(input, { maxOutputLength: out.length });
    out.set(bytes);
    return bytes.length;
  };

  it.each(expected.cases.filter((c) => c.compression === 'DEFLATE').map((c) => [c.file, c] as const))('decodes %s to the same pixels', async (_name, c) => {
    const reader = await openGeoTiff(bytesSource(fixture(`in/${c.file}`)), { name: c.file, inflate: nodeInflate });
    for (let b = 1; b <= c.bandCount; b++) expect(sha256(reader.readWindow(b, { x: 0, y: 0, width: c.width, height: c.height }))).toBe(c.bands[b - 1].sha256);
  });

  it('reports its failures as a damaged block', async () => {
    const reader = await openGeoTiff(bytesSource(fixture('bad/corrupt-deflate-block.tif')), { name: 'corrupt.tif', inflate: nodeInflate });
    expect(() => reader.readWindow(1, { x: 0, y: 0, width: 23, height: 19 })).toThrow(expect.objectContaining({ code: 'TIFF_BLOCK_CORRUPT' }));
  });
});

describe('GeoTIFF reader fetches only what a window needs', () => {
  function counting(bytes: Uint8Array): ByteSource & { reads: [number, number][] } {
    const inner = bytesSource(bytes);
    const reads: [number, number][] = [];
    return { size: inner.size, reads, read: (offset, length) => (reads.push([offset, length]), inner.read(offset, length)) };
  }

  it('reads one tile of a COG for a window inside that tile, and nothing the second time', async () => {
    const c = expected.cases.find((k) => k.file === 'float32-cog.tif')!;
    const source = counting(fixture(`in/${c.file}`));
    const reader = await openGeoTiff(source, { name: c.file });
    source.reads.length = 0;
    reader.readWindow(1, { x: 70, y: 70, width: 10, height: 10 }); // inside tile (1, 1) of 64 × 64 tiles
    expect(source.reads).toEqual([[c.block11!.offset, c.block11!.size]]);
    reader.readWindow(1, { x: 75, y: 72, width: 5, height: 5 });
    expect(source.reads).toHaveLength(1);
  });

  it('reads only the rows of an uncompressed strip a window covers', async () => {
    const c = expected.cases.find((k) => k.file === 'float64-be-none.tif')!; // one strip of 19 rows × 23 Float64
    const source = counting(fixture(`in/${c.file}`));
    const reader = await openGeoTiff(source, { name: c.file });
    source.reads.length = 0;
    reader.readWindow(1, { x: 2, y: 5, width: 3, height: 2 });
    expect(source.reads.map(([, length]) => length)).toEqual([23 * 8, 23 * 8]);
  });
});

describe('GDAL_NODATA text', () => {
  it.each(expected.noDataTexts.map((c) => [JSON.stringify(c.text), c] as const))('reads %s as GDAL does', async (_name, c) => {
    const { info } = await openGeoTiff(bytesSource(fixture(`nodata/${c.file}`)), { name: c.file });
    const gdal = c.gdal === 'nan' ? Number.NaN : c.gdal === 'inf' ? Infinity : c.gdal === '-inf' ? -Infinity : c.gdal;
    expect(info.noData).toEqual(gdal);
  });

  it('parses like C strtod after the decimal mark is settled', () => {
    expect(parseGdalNumber('-9999.5')).toBe(-9999.5);
    expect(parseGdalNumber('1.5e3m')).toBe(1500);
    expect(parseGdalNumber('0x1p4')).toBe(16);
    expect(parseGdalNumber('-')).toBe(0);
  });
});

describe('GeoTIFF reader refuses bad files with a catalogued error', () => {
  const bad: [string, string][] = [
    ['not-a-tiff.tif', 'TIFF_NOT_TIFF'],
    ['truncated.tif', 'TIFF_TRUNCATED'],
    ['broken-ifd-offset.tif', 'TIFF_BAD_IFD_OFFSET'],
    ['ifd-loop.tif', 'TIFF_IFD_LOOP'],
    ['absurd-size.tif', 'RASTER_TOO_LARGE'],
    ['lzma.tif', 'TIFF_COMPRESSION_UNSUPPORTED'],
    ['webp.tif', 'TIFF_COMPRESSION_UNSUPPORTED'],
    ['ycbcr-jpeg.tif', 'TIFF_COMPRESSION_UNSUPPORTED'],
    ['complex.tif', 'TIFF_SAMPLE_FORMAT_UNSUPPORTED'],
    ['corrupt-deflate-block.tif', 'TIFF_BLOCK_CORRUPT'],
  ];

  it.each(bad)('%s → %s, naming the file in zh and en', { timeout: 5000 }, async (file, code) => {
    const attempt = async () => {
      const reader = await openGeoTiff(bytesSource(fixture(`bad/${file}`)), { name: file });
      reader.readWindow(1, { x: 0, y: 0, width: reader.info.width, height: reader.info.height });
    };
    const error = await attempt().then(() => null, (e: unknown) => e as { name: string; code: string; message: string });
    expect(error).toMatchObject({ name: 'InputError', code });
    expect(error!.message).toContain(file);
    const { errorMessage } = await import('../../errors');
    expect(errorMessage(error, 'zh')).toContain(file);
    expect(errorMessage(error, 'zh')).not.toBe(errorMessage(error, 'en'));
  });

  it('refuses a window larger than the memory limit before allocating it', async () => {
    const c = expected.cases.find((k) => k.file === 'float32-cog.tif')!;
    const reader = await openGeoTiff(bytesSource(fixture(`in/${c.file}`)), { name: c.file, maxWindowBytes: 1000 });
    expect(() => reader.readWindow(1, { x: 0, y: 0, width: 100, height: 100 })).toThrow(expect.objectContaining({ code: 'RASTER_WINDOW_TOO_LARGE' }));
    expect(() => reader.readWindow(2, { x: 0, y: 0, width: 1, height: 1 })).toThrow(expect.objectContaining({ code: 'RASTER_BAND_OUT_OF_RANGE' }));
  });
});
