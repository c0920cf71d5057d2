/**
 * The map rasteriser: exact coverage for straight edges (the covered fraction of every pixel, and the sum over the
 * image equals the polygon's area), holes by opposite winding, strokes and dashes, clipping; and the PNG encoder
 * read back by GDAL.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoverageRasterizer, createImage, type RgbaImage } from '../../electron/host/reports/raster/coverage-rasterizer';
import { encodePng } from '../../electron/host/reports/raster/png-encode';
import { dashLine, negative, positive, strokeOutline } from '../../electron/host/reports/raster/stroke-outline';
import { hasGdal } from '../store/gdal-tools';

const BLACK = { rgb: [0, 0, 0] as const, opacity: 1 };

/** Coverage of each pixel read back from a black paint on white: 1 − red/255. */
function coverage(img: RgbaImage): number[][] {
  return Array.from({ length: img.height }, (_, y) => Array.from({ length: img.width }, (_, x) => 1 - img.data[(y * img.width + x) * 4] / 255));
}
const total = (c: number[][]) => c.flat().reduce((a, b) => a + b, 0);

describe('coverage rasteriser', () => {
  it('a pixel-aligned square covers its pixels fully and nothing else', () => {
    const img = createImage(6, 6);
    new CoverageRasterizer(img).fill([[1, 1, 4, 1, 4, 4, 1, 4]], BLACK);
    const c = coverage(img);
    expect(c[2][2]).toBe(1);
    expect(c[0][0]).toBe(0);
    expect(c[4][4]).toBe(0);
    expect(total(c)).toBe(9);
  });

  it('a square offset by half a pixel: edges half, corners a quarter, total its area (within 8-bit rounding)', () => {
    const img = createImage(6, 6);
    new CoverageRasterizer(img).fill([[1.5, 1.5, 3.5, 1.5, 3.5, 3.5, 1.5, 3.5]], BLACK);
    const c = coverage(img);
    expect(c[1][1]).toBeCloseTo(0.25, 2); // corner pixel: 0.5 × 0.5
    expect(c[1][2]).toBeCloseTo(0.5, 2); // edge pixel
    expect(c[2][2]).toBe(1);
    expect(total(c)).toBeCloseTo(4, 1); // 2 × 2
  });

  it('a thin sloped triangle: total coverage equals its area (exact area, not sampling)', () => {
    const img = createImage(40, 20);
    // Area = ½ × 30 × 7.3 = 109.5 px²
    new CoverageRasterizer(img).fill([[3.2, 2.1, 33.2, 9.4, 3.2, 9.4]], BLACK);
    expect(total(coverage(img))).toBeCloseTo(109.5, 0);
  });

  it('a hole wound the other way is left empty, whichever way the outer ring was given', () => {
    for (const outer of [[1, 1, 9, 1, 9, 9, 1, 9], [1, 9, 9, 9, 9, 1, 1, 1]]) {
      const img = createImage(10, 10);
      new CoverageRasterizer(img).fill([positive(outer), negative([3, 3, 7, 3, 7, 7, 3, 7])], BLACK);
      const c = coverage(img);
      expect(c[5][5]).toBe(0);
      expect(c[2][2]).toBe(1);
      expect(total(c)).toBeCloseTo(64 - 16, 6);
    }
  });

  it('overlapping parts of one stroke are painted once', () => {
    const img = createImage(20, 20);
    new CoverageRasterizer(img).fill(strokeOutline([2, 10, 18, 10, 10, 4], 2, false), { rgb: [0, 0, 0], opacity: 0.5 });
    // Half-transparent black over white: 255 × (1 − 0.5) = 127.5 wherever covered, never darker where pieces overlap.
    const reds = Array.from({ length: 400 }, (_, i) => img.data[4 * i]);
    expect(Math.min(...reds)).toBeGreaterThanOrEqual(127);
  });

  it('dashes alternate on and off along the line', () => {
    const dashes = dashLine([0, 0, 10, 0], [2, 3], false);
    expect(dashes).toEqual([[0, 0, 2, 0], [5, 0, 7, 0]]); // on 0–2, off 2–5, on 5–7, off 7–10
  });

  it('clips to a rectangle', () => {
    const img = createImage(10, 10);
    new CoverageRasterizer(img).fill([[0, 0, 10, 0, 10, 10, 0, 10]], BLACK, [2, 2, 5, 5]);
    expect(total(coverage(img))).toBe(9);
  });
});

describe.runIf(hasGdal)('PNG encoder', () => {
  it('GDAL reads the pixels and the resolution back', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vep-png-'));
    try {
      const img = createImage(37, 23);
      new CoverageRasterizer(img).fill([[5, 5, 30, 5, 30, 18, 5, 18]], { rgb: [200, 30, 40], opacity: 1 });
      const file = path.join(dir, 'a.png');
      writeFileSync(file, encodePng(img.data, img.width, img.height, 300));
      const script = 'import sys,json\nfrom osgeo import gdal\nds=gdal.Open(sys.argv[1])\nprint(json.dumps({"size":[ds.RasterXSize,ds.RasterYSize],"bands":ds.RasterCount,"px":[ds.GetRasterBand(b).ReadAsArray().tolist() for b in range(1,5)]}))';
      const out = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8', maxBuffer: 1 << 26 })) as { size: number[]; bands: number; px: number[][][] };
      expect(out.size).toEqual([37, 23]);
      expect(out.bands).toBe(4);
      for (let b = 0; b < 4; b++) {
        for (let y = 0; y < 23; y++) for (let x = 0; x < 37; x++) expect(out.px[b][y][x]).toBe(img.data[(y * 37 + x) * 4 + b]);
      }
      // pHYs: 300 dpi = 11 811 pixels per metre on both axes, unit 1 (metre).
      const png = readFileSync(file);
      const at = png.indexOf('pHYs');
      expect([png.readUInt32BE(at + 4), png.readUInt32BE(at + 8), png[at + 12]]).toEqual([11811, 11811, 1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
