/**
 * GeoTIFFs whose tags lie: one tag of a GDAL-made fixture overwritten at a time (first IFD, classic little-endian
 * TIFF). Each is a catalogued error at open or at the first read, never a crash or an allocation sized by the lie.
 */
import { readFileSync } from 'node:fs';
import { bytesSource, openGeoTiff } from '#core';
import { describe, expect, it } from 'vitest';
import { expectInputError } from './tiny-files';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../core/fixtures/geotiff/in/${name}`, import.meta.url)));

/** The fixture with the value of TIFF tag `tag` in its first IFD replaced by `value`. */
function withTag(name: string, tag: number, value: number): Uint8Array {
  const bytes = fixture(name);
  const view = new DataView(bytes.buffer);
  expect(view.getUint16(0, true), 'a little-endian TIFF').toBe(0x4949);
  const ifd = view.getUint32(4, true);
  for (let i = 0; i < view.getUint16(ifd, true); i++) {
    const entry = ifd + 2 + 12 * i;
    if (view.getUint16(entry, true) !== tag) continue;
    if (view.getUint16(entry + 2, true) === 3) view.setUint16(entry + 8, value, true); // SHORT
    else view.setUint32(entry + 8, value, true); // LONG
    return bytes;
  }
  throw new Error(`${name} has no tag ${tag}`);
}

/** Opens and reads the top-left 16×16 window, as sampling would. */
async function openAndRead(bytes: Uint8Array): Promise<void> {
  const reader = await openGeoTiff(bytesSource(bytes), { name: 'dem.tif' });
  reader.readWindow(1, { x: 0, y: 0, width: Math.min(16, reader.info.width), height: Math.min(16, reader.info.height) });
}

const TILED = 'float32-lzw-pred3-tiled.tif';
const STRIPS = 'float32-lzw.tif';

describe('GeoTIFF tags that lie', () => {
  const cases: [string, string, number, number, string][] = [
    ['TileWidth 0', TILED, 322, 0, 'TIFF_TAG_INVALID'],
    ['TileLength 1 (more tiles than offsets)', TILED, 323, 1, 'TIFF_TAG_INVALID'],
    ['RowsPerStrip 0', STRIPS, 278, 0, 'TIFF_TAG_INVALID'],
    ['Predictor 9', STRIPS, 317, 9, 'TIFF_TAG_INVALID'],
    ['PlanarConfiguration 7', STRIPS, 284, 7, 'TIFF_TAG_INVALID'],
    ['BitsPerSample 0', TILED, 258, 0, 'TIFF_SAMPLE_FORMAT_UNSUPPORTED'],
    ['SampleFormat 9', STRIPS, 339, 9, 'TIFF_SAMPLE_FORMAT_UNSUPPORTED'],
    ['StripByteCounts 2³²−1', STRIPS, 279, 0xffffffff, 'TIFF_TRUNCATED'],
    ['TileByteCounts pointing past the file', TILED, 325, 0x7fffffff, 'TIFF_TRUNCATED'],
    ['SamplesPerPixel 65535', TILED, 277, 65535, 'TIFF_BLOCK_CORRUPT'],
    ['TileWidth 2³¹−1', TILED, 322, 0x7fffffff, 'TIFF_BLOCK_CORRUPT'],
    ['ImageWidth 0', STRIPS, 256, 0, 'RASTER_TOO_LARGE'],
  ];
  it.each(cases)('%s: %s', async (_, file, tag, value, code) => {
    await expectInputError(() => openAndRead(withTag(file, tag, value)), code, ['dem.tif']);
  });

  it('the untouched fixtures read (the damage, not the fixture, causes each error)', async () => {
    await openAndRead(fixture(TILED));
    await openAndRead(fixture(STRIPS));
  });
});
