import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { knownCrsFromEpsg } from '../../crs/zone-table';
import { openGeoTiff } from '../../io/geotiff/geotiff-reader';
import { bytesSource } from '../../types';
import type { Raster } from '../raster';
import { readRaster } from '../read-raster';
import { slope, SLOPE_NODATA } from './slope';

// DEMs and the slope rasters `gdaldem slope -compute_edges` (GDAL 3.6) made from them
// (core/fixtures/raster/make-terrain-fixtures.py).
const root = new URL('../../../fixtures/raster/terrain/', import.meta.url);
async function load(file: string): Promise<Raster> {
  return readRaster(await openGeoTiff(bytesSource(new Uint8Array(readFileSync(new URL(file, root)))), { name: file }));
}

describe('slope as gdaldem slope -compute_edges', () => {
  const dems = ['dem-float32', 'dem-float32-nodata', 'dem-int16', 'dem-float32-30x20'];
  const units = [['degrees', 'slope-degrees'], ['percent', 'slope-percent']] as const;
  it.each(dems.flatMap((d) => units.map(([u, suffix]) => [`${d} in ${u}`, d, u, suffix] as const)))('%s, cell for cell', async (_name, dem, unit, suffix) => {
    const ours = slope(await load(`${dem}.tif`), { units: unit });
    const gdal = await load(`${dem}.${suffix}.tif`);
    expect(gdal.noData).toBe(SLOPE_NODATA);
    expect(ours.noData).toBe(SLOPE_NODATA);
    const a = ours.data[0];
    const b = gdal.data[0];
    let differing = 0;
    for (let i = 0; i < a.length; i++) {
      // Both are Float32; GDAL's and our evaluation order is the same, so the bits should be too.
      if (a[i] !== b[i]) differing++;
    }
    expect(differing).toBe(0);
  });
});

describe('slope by hand', () => {
  const gk40 = knownCrsFromEpsg(4528)!;
  const plane = (w: number, h: number, f: (c: number, r: number) => number, cell = 10): Raster => ({
    width: w, height: h, dataType: 'Float32', noData: null, geoTransform: [40500000, cell, 0, 3300000, 0, -cell], crs: gk40,
    data: [Float32Array.from({ length: w * h }, (_, i) => f(i % w, Math.floor(i / w)))],
  });

  it('is 10 % (5.7106°) on a plane falling 1 m per 10 m cell eastwards, half that in the corner cells', () => {
    const dem = plane(6, 4, (c) => 100 - c);
    const pct = slope(dem, { units: 'percent' }).data[0];
    const deg = slope(dem).data[0];
    // Interior and left/right edge cells: (a + 2d + g) − (c + 2f + i) = 4 · z(c−1) − 4 · z(c+1) = 4 · 2 m = 8 m,
    // over 8 · 10 m → 0.1 → 10 %; atan(0.1) = 5.710593137°.
    expect(pct[1 * 6 + 0]).toBeCloseTo(10, 5);
    expect(pct[2 * 6 + 3]).toBeCloseTo(10, 5);
    expect(deg[2 * 6 + 3]).toBeCloseTo(5.710593137, 5);
    // Top-left corner: gdaldem repeats the corner cell for its missing left neighbour, so the difference spans one
    // cell, not two: 4 · z(0) − 4 · z(1) = 4 m over 80 m → 5 %.
    expect(pct[0]).toBeCloseTo(5, 5);
  });

  it('is 0 on a flat DEM', () => {
    const flat = slope(plane(5, 5, () => 42), { units: 'percent' }).data[0];
    expect(Array.from(flat)).toEqual(new Array(25).fill(0));
  });

  it('refuses a DEM in degrees', () => {
    const dem = { ...plane(3, 3, () => 1), crs: knownCrsFromEpsg(4490)! };
    expect(() => slope(dem)).toThrow(expect.objectContaining({ code: 'TERRAIN_NOT_PROJECTED' }));
  });
});
