/**
 * GeoTIFF inputs the fuzzer found damaging, kept as regression cases. Each runs in the guarded fuzz worker, so a
 * hang that comes back fails on its deadline instead of stalling the suite.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { runInputs } from './run-fuzz';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../core/fixtures/geotiff/in/${name}`, import.meta.url)));

/** Offsets of the Zstandard frames (magic 28 B5 2F FD) in a file. */
function zstdFrames(b: Uint8Array): number[] {
  const starts: number[] = [];
  for (let i = 0; i + 4 <= b.length; i++) if (b[i] === 0x28 && b[i + 1] === 0xb5 && b[i + 2] === 0x2f && b[i + 3] === 0xfd) starts.push(i);
  return starts;
}

it('geotiff-zstd-damaged-frame: a damaged ZSTD block without a declared content size is TIFF_BLOCK_CORRUPT, not an endless decode', async () => {
  // libtiff (hence GDAL) writes ZSTD frames without a content size (descriptor byte 0); geotiff.js decoded those
  // through zstddec's streaming loop, which spun for ever (growing the heap) once the data was damaged.
  const tif = fixture('int32-zstd-pred2-tiled.tif');
  const frames = zstdFrames(tif);
  expect(frames.length).toBeGreaterThan(1);
  expect(tif[frames[0] + 4]).toBe(0); // no content size declared
  const damaged = tif.slice();
  for (const at of frames) damaged.fill(0xc3, at + 6, at + 12);
  const report = await runInputs('geotiff', [{ name: 'zstd-intact.tif', files: { tif } }, { name: 'zstd-damaged.tif', files: { tif: damaged } }]);
  expect(report.failures).toEqual([]);
  expect(report.byCase).toEqual(['data', 'TIFF_BLOCK_CORRUPT']);
}, 60_000);
