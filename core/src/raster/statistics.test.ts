import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openGeoTiff } from '../io/geotiff/geotiff-reader';
import { bytesSource } from '../types';
import { memoryRasterSource } from './memory-raster';
import { noDataTest } from './no-data';
import { computeStatistics } from './statistics';

// The STATISTICS_* items `gdalinfo -json -stats` writes (14 significant digits), per band of every fixture.
interface Case {
  file: string;
  bandCount: number;
  bands: { min: number; max: number; mean: number; stdDev: number; validPercent: number }[];
}
const root = new URL('../../fixtures/geotiff/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', root), 'utf8')) as { cases: Case[] };
const relative = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), 1e-300));

describe('band statistics as gdalinfo -stats', () => {
  it.each(expected.cases.filter((c) => !c.file.includes('jpeg')).map((c) => [c.file, c] as const))('%s', async (_name, c) => {
    const reader = await openGeoTiff(bytesSource(new Uint8Array(readFileSync(new URL(`in/${c.file}`, root)))), { name: c.file });
    for (let b = 1; b <= c.bandCount; b++) {
      const s = computeStatistics(reader, b)!;
      const g = c.bands[b - 1];
      // gdalinfo prints 14 significant digits, so 1e-9 relative is far inside what it can show.
      expect(relative(s.min, g.min), `min band ${b}`).toBeLessThan(1e-9);
      expect(relative(s.max, g.max), `max band ${b}`).toBeLessThan(1e-9);
      expect(relative(s.mean, g.mean), `mean band ${b}`).toBeLessThan(1e-9);
      expect(relative(s.stdDev, g.stdDev), `stdDev band ${b}`).toBeLessThan(1e-9);
      expect(Number(s.validPercent.toPrecision(4)), "valid percent (gdalinfo prints 4 digits)").toBe(g.validPercent);
    }
  });
});

describe('statistics by hand', () => {
  const grid = (values: number[], noData: number | null) =>
    memoryRasterSource({ width: values.length, height: 1, dataType: 'Float64', noData, geoTransform: [0, 1, 0, 0, 0, -1], crs: null, data: [Float64Array.from(values)] });

  it('excludes nodata and NaN and uses the population standard deviation', () => {
    // Valid values 2, 4, 4, 4, 5, 5, 7, 9: mean 40 / 8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32; σ = √(32/8) = 2.
    const s = computeStatistics(grid([2, 4, -9999, 4, 4, Number.NaN, 5, 5, 7, 9], -9999), 1)!;
    expect(s).toEqual({ min: 2, max: 9, mean: 5, stdDev: 2, validCount: 8, validPercent: 80 });
  });

  it('merges windows without losing precision on large offsets', () => {
    // 1e9 + {0, 1, 2, 3} repeated: mean 1e9 + 1.5, σ = √1.25 = 1.118033988749895 — naive Σx² would lose it.
    const values = Array.from({ length: 4000 }, (_, i) => 1e9 + (i % 4));
    const source = { ...grid(values, null), blockSize: { width: 7, height: 1 } };
    const s = computeStatistics(source, 1)!;
    expect(s.mean).toBe(1e9 + 1.5);
    expect(s.stdDev).toBeCloseTo(Math.sqrt(1.25), 12);
  });

  it('returns null when every pixel is nodata', () => {
    expect(computeStatistics(grid([-1, -1], -1), 1)).toBeNull();
  });
});

describe('nodata matching as GDAL ARE_REAL_EQUAL', () => {
  it('treats values within 2·FLT_EPSILON·|a+b| of the nodata value as nodata, exactly for small integers', () => {
    const f64 = noDataTest(-9999.5, 'Float64');
    expect(f64(-9999.5)).toBe(true);
    // |Δ| = 1e-4 < 2^-23 · 19999 · 2 ≈ 4.77e-3 → nodata in GDAL's statistics too.
    expect(f64(-9999.4999)).toBe(true);
    expect(f64(-9999.49)).toBe(false);
    expect(noDataTest(-9999, 'Int16')(-9998)).toBe(false);
    expect(noDataTest(255, 'Byte')(254)).toBe(false);
    expect(noDataTest(null, 'Float32')(Number.NaN)).toBe(true);
    expect(noDataTest(null, 'Int32')(0)).toBe(false);
  });
});
