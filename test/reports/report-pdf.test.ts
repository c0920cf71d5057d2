/**
 * The PDF report and the map exports, checked with poppler as a reader would see them: pdffonts shows the Chinese
 * font embedded as a subset, pdftotext finds the Chinese and English text and the result's numbers, pdftoppm renders
 * non-empty pages (the map page has the land-class colours and the red line's red); the PNG map has the map's pixels
 * at the DPI asked for; atomic writes leave a previous file when rendering fails.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETER_SET, landClassColor } from '#core';
import { exportMap } from '../../electron/host/reports/map/export-map';
import type { MapData } from '../../electron/host/reports/map/map-content';
import { mapFrame, STANDARD_SCALES } from '../../electron/host/reports/map/map-frame';
import { writeReportPdf } from '../../electron/host/reports/pdf/report-pdf';
import { formatNumber } from '../../electron/host/reports/pdf/pdf-flow';
import { makeSampleAppraisal, type SampleAppraisal } from './sample-appraisal';

const hasPoppler = spawnSync('pdftoppm', ['-v']).status === 0;

let sample: SampleAppraisal;
let map: MapData;
let dir: string;

beforeAll(() => {
  sample = makeSampleAppraisal();
  map = { crs: sample.crs, parcels: sample.pieces.map((p) => ({ geometry: p.geometry, dlbm: p.dlbm })), redline: sample.redline, ring: sample.ring };
  dir = mkdtempSync(path.join(os.tmpdir(), 'vep-report-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface PngStats {
  width: number;
  height: number;
  /** Share of white pixels. */
  white: number;
  /** Share of pixels within ±2 of each colour asked for. */
  colours: number[];
  /** Pixels of a strong red (the red line): r > 180, g and b < 60. */
  red: number;
}

/** Statistics of PNGs' pixels, read by GDAL (numpy does the counting), in one Python run. */
function pngStats(files: string[], colours: string[] = []): PngStats[] {
  const script = [
    'import sys,json',
    'import numpy as np',
    'from osgeo import gdal',
    'cs=json.loads(sys.argv[1])',
    'out=[]',
    'for f in sys.argv[2:]:',
    '  ds=gdal.Open(f)',
    '  a=np.stack([ds.GetRasterBand(i).ReadAsArray().astype(int) for i in (1,2,3)],axis=-1)',
    '  n=a.shape[0]*a.shape[1]',
    '  near=lambda c: float((np.abs(a-np.array(c)).max(axis=-1)<=2).sum())/n',
    '  out.append({"width":ds.RasterXSize,"height":ds.RasterYSize,"white":near([255,255,255]),"colours":[near(c) for c in cs],"red":int(((a[...,0]>180)&(a[...,1]<60)&(a[...,2]<60)).sum())})',
    'print(json.dumps(out))',
  ].join('\n');
  const rgb = colours.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, JSON.stringify(rgb), ...files], { encoding: 'utf8' })) as PngStats[];
}

describe.runIf(hasPoppler)('PDF report', () => {
  it.each(['zh', 'en'] as const)('%s: fonts embedded as subsets, text extractable, pages rendered', async (lang) => {
    const file = path.join(dir, `report-${lang}.pdf`);
    await writeReportPdf(file, { result: sample.result, params: DEFAULT_PARAMETER_SET, redLineName: lang === 'zh' ? '递铺街道 A-3 地块' : 'Dipu A-3', lang, map, bufferM: 1000 });
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    // name, type, encoding, emb, sub, uni: embedded, subset, with a ToUnicode map.
    expect(fonts).toMatch(/\+NotoSansCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    expect(fonts).toMatch(/\+NotoSansCJKsc-Bold\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const r = sample.result;
    if (lang === 'zh') {
      for (const words of ['生态环境增值金核算报告', '递铺街道 A-3 地块', '水源涵养', '土壤保持', '洪水调蓄', '固碳', '释氧', '气候调节', '项目区位与地类图', '图例', '分档表为示例']) expect(text).toContain(words);
    } else {
      for (const words of ['Ecological Premium Appraisal Report', 'Water retention', 'Legend', 'illustrative']) expect(text).toContain(words);
    }
    // The numbers of the JSON document, as printed (thousands separated, cli.md places).
    expect(text).toContain(formatNumber(r.zones.total.value, 2));
    expect(text).toContain(formatNumber(r.premium.unitValue, 4));
    expect(text).toContain(formatNumber(r.services.water_retention.value, 2));
    expect(text).toContain(formatNumber(r.parcels[0].value, 2));
    // CO₂ prints as CO2 (the font has no subscript digits), never as a missing-glyph box.
    expect(text).toContain('t CO2/a');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(5);
    execFileSync('pdftoppm', ['-r', '40', '-png', file, path.join(dir, `page-${lang}`)]);
    const rendered = readdirSync(dir).filter((f) => f.startsWith(`page-${lang}`)).sort();
    expect(rendered).toHaveLength(pages);
    const stats = pngStats(rendered.map((p) => path.join(dir, p)), [landClassColor('0101'), landClassColor('0301')]);
    for (const page of stats) expect(page.white).toBeLessThan(0.995); // every page has content
    // Page 2 is the map: 水田 and 乔木林地 in their 三调 colours, and the red line's red.
    const mapPage = stats[1];
    expect(mapPage.colours[0]).toBeGreaterThan(0.005);
    expect(mapPage.colours[1]).toBeGreaterThan(0.005);
    expect(mapPage.red).toBeGreaterThan(20);
  });

  it('a report that cannot be drawn leaves the previous file in place', async () => {
    const file = path.join(dir, 'keep.pdf');
    writeFileSync(file, 'previous report');
    const broken = { ...map, redline: null, ring: null, parcels: [] };
    await expect(writeReportPdf(file, { result: sample.result, params: null, redLineName: 'x', lang: 'zh', map: broken })).rejects.toMatchObject({ code: 'REPORT_MAP_EXTENT_INVALID' });
    expect(readFileSync(file, 'utf8')).toBe('previous report');
    expect(readdirSync(dir).filter((f) => f.includes('.vep-tmp'))).toEqual([]);
  });
});

describe.runIf(hasPoppler)('map export', () => {
  it('A4 landscape sheet as PNG at 150 dpi: the page size in pixels, class colours, red line, a round scale', async () => {
    const file = path.join(dir, 'sheet.png');
    const result = await exportMap(file, { data: map, layout: { kind: 'page', size: 'A4', orientation: 'landscape' }, lang: 'zh', title: '项目区位与地类图', dpi: 150 });
    // A4 landscape = 841.89 × 595.28 pt = 297 × 210 mm: at 150 dpi 1754 × 1240 px.
    expect([result.widthPx, result.heightPx]).toEqual([1754, 1240]);
    expect(STANDARD_SCALES).toContain(result.scaleDenominator);
    const [png] = pngStats([file], [landClassColor('0301')]);
    expect([png.width, png.height]).toEqual([1754, 1240]);
    expect(png.colours[0]).toBeGreaterThan(0.01);
    expect(png.red).toBeGreaterThan(100);
  });

  it('the current view as PDF: vector, one page of the view size, text extractable', async () => {
    const file = path.join(dir, 'view.pdf');
    const result = await exportMap(file, { data: map, layout: { kind: 'view', extent: [40470600, 3390700, 40472000, 3391800], widthPx: 1000, heightPx: 700 }, lang: 'en', title: 'Current view' });
    // 1400 × 1100 m into 750 × 525 pt (1000 × 700 px): the height binds, 1 : 1100 / (525 × 0.0254 / 72) = 1 : 5939.26
    expect(result.scaleDenominator).toBeCloseTo(1100 / ((525 * 0.0254) / 72), 6);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+750 x 525 pts/);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Legend');
  });

  it('refuses an image too large to allocate, before allocating it', async () => {
    await expect(exportMap(path.join(dir, 'huge.png'), { data: map, layout: { kind: 'page', size: 'A3', orientation: 'portrait' }, lang: 'zh', title: 'x', dpi: 2400 })).rejects.toMatchObject({ code: 'REPORT_MAP_TOO_LARGE' });
    expect(existsSync(path.join(dir, 'huge.png'))).toBe(false);
  });
});

describe('map frame', () => {
  it('a sheet takes the largest round scale that fits; a view fits exactly', () => {
    // 2000 m into 500 pt: 1 pt = 0.0254/72 m, so fit = 2000 / (500 × 0.0254 / 72) = 1 : 11 338.6 → 1 : 12 000.
    expect(mapFrame(0, 0, 500, 500, [0, 0, 2000, 1000], 'standard').scaleDenominator).toBe(12_000);
    expect(mapFrame(0, 0, 500, 500, [0, 0, 2000, 1000], 'fit').scaleDenominator).toBeCloseTo(11_338.58, 2);
    expect(() => mapFrame(0, 0, 500, 500, [0, 0, 0, 1000], 'fit')).toThrow(expect.objectContaining({ code: 'REPORT_MAP_EXTENT_INVALID' }));
  });
});
