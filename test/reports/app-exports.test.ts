/**
 * The app's exports, through the host's `reports:` calls as the UI makes them (request validation included), on a
 * copy of the sample project: a stored run written as JSON, CSV, workbook, GeoPackage and PDF and read back by
 * exceljs, GDAL and pdftotext with the numbers of the run's JSON; the red lines and a layer as shapefile (GBK),
 * GeoJSON, KML and coordinate text read back by GDAL; the current view as PNG and PDF at the asked size; the batch
 * workbook of every red line with summary rows equal to the single runs; and the targets the host refuses.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_IDS, type AccountResult } from '#core';
import type { Channel, RequestOf, ResponseOf } from '../../electron/host/api';
import { dispatch } from '../../electron/host/dispatch';
import { Host } from '../../electron/host/host';
import { ogrDump } from '../exports/ogr';
import { hasGdal, validateGpkg } from '../store/gdal-tools';

const SAMPLE = path.resolve(__dirname, '..', '..', 'sample-data', 'anji-sample.vep.gpkg');
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;

let host: Host;
let dir: string;
let project: string;
let jobs = 0;

/** A call as the UI makes it: validated by the request schema, then handled; errors come back as their shape. */
async function call<K extends Channel>(channel: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  const r = await dispatch(host, channel, request);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as ResponseOf<K>;
}
const jobId = () => `t${++jobs}`;

/** Data rows of a sheet (row 1 is the header), cells from column A. */
function dataRows(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 2; r <= ws.rowCount; r++) rows.push((ws.getRow(r).values as unknown[]).slice(1));
  return rows;
}

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Column A label → column B value of the summary block. */
function summaryCells(ws: ExcelJS.Worksheet): Map<string, unknown> {
  const cells = new Map<string, unknown>();
  ws.eachRow((row) => {
    const a = row.getCell(1).value;
    if (typeof a === 'string' && !cells.has(a)) cells.set(a, row.getCell(2).value);
  });
  return cells;
}

let runId: number;
let result: AccountResult;
let redLines: { id: number; name: string }[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'vep-app-exports-'));
  project = path.join(dir, 'project.vep.gpkg');
  copyFileSync(SAMPLE, project);
  host = new Host({ transport: 'web', projectPath: project });
  await host.start();
  redLines = (await call('redlines:list', undefined)).map((r) => ({ id: r.id, name: r.name }));
  const run = await call('account:run', { jobId: jobId(), redLineId: redLines[0].id, bufferM: 1000, mode: 'coefficient' });
  runId = run.runId;
  result = run.result;
}, 120_000);

afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('reports:run — a stored run as the files vep account --out writes', () => {
  it('.json is the run\'s result document', async () => {
    const file = path.join(dir, 'run.json');
    expect(await call('reports:run', { jobId: jobId(), runId, path: file, lang: 'zh' })).toEqual({ files: [file] });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(result);
  });

  it('.csv: one row per result row with its area and value, and the summary file beside it', async () => {
    const file = path.join(dir, 'run.csv');
    const { files } = await call('reports:run', { jobId: jobId(), runId, path: file, lang: 'zh' });
    expect(files).toEqual([file, path.join(dir, 'run.summary.csv')]);
    const [header, ...rows] = readFileSync(file, 'utf8').slice(1).trimEnd().split('\r\n').map((l) => l.split(','));
    expect(rows).toHaveLength(result.parcels.length);
    rows.forEach((row, i) => {
      expect(Number(row[header.indexOf('area_m2')])).toBe(result.parcels[i].area);
      expect(Number(row[header.indexOf('value_yuan')])).toBe(result.parcels[i].value);
    });
  });

  it('.xlsx: the appraisal workbook with the run\'s numbers (summary, services, parcels)', async () => {
    const file = path.join(dir, 'run.xlsx');
    await call('reports:run', { jobId: jobId(), runId, path: file, lang: 'zh' });
    const wb = await readWorkbook(file);
    const cells = summaryCells(wb.getWorksheet('汇总')!);
    expect(cells.get('红线面积（m²）')).toBe(result.redline.area);
    expect(cells.get('红线内')).toBe(result.zones.redline.area);
    expect(cells.get('价值指数 U*（元/m²·年）')).toBe(result.premium.unitValue);
    const services = dataRows(wb.getWorksheet('分服务')!);
    SERVICE_IDS.forEach((id, k) => expect(services[k][4]).toBe(result.services[id].value));
    const parcels = dataRows(wb.getWorksheet('图斑明细')!);
    expect(parcels).toHaveLength(result.parcels.length);
    parcels.forEach((row, i) => {
      expect(row[4]).toBe(result.parcels[i].area);
      expect(row[17]).toBe(result.parcels[i].value);
    });
    // The built-in set the run used is listed in full.
    expect(dataRows(wb.getWorksheet('参数表')!).length).toBeGreaterThan(20);
  });

  it.runIf(hasGdal)('.gpkg: valid; every result row with its piece\'s geometry, the red line and the ring', async () => {
    const file = path.join(dir, 'run.gpkg');
    await call('reports:run', { jobId: jobId(), runId, path: file, lang: 'zh' });
    expect(validateGpkg(file)).toEqual([]);
    const parcels = ogrDump(file, 'parcels');
    expect(parcels.count).toBe(result.parcels.length);
    // A 田坎 deduction splits one piece into two rows (the cultivated class and 1203) sharing the piece's geometry:
    // so GDAL's planar area of each row's geometry is the sum of the areas of its piece's rows, within 0.1 % (the
    // rows are ellipsoidal areas; Gauss-Kruger scale near the central meridian differs from the plane by far less).
    const pieceArea = new Map<string, number>();
    for (const row of result.parcels) pieceArea.set(`${row.zone}|${row.id}`, (pieceArea.get(`${row.zone}|${row.id}`) ?? 0) + row.area);
    parcels.features.forEach((f, i) => {
      const row = result.parcels[i];
      expect(f.props.parcel_id).toBe(String(row.id));
      expect(f.props.value_yuan).toBe(row.value);
      const expected = pieceArea.get(`${row.zone}|${row.id}`)!;
      expect(f.area).not.toBeNull();
      expect(Math.abs(f.area! - expected)).toBeLessThanOrEqual(Math.max(0.01, expected * 1e-3));
    });
    const zone = ogrDump(file, 'zone');
    expect(zone.features.map((f) => f.props.zone)).toEqual(['redline', 'buffer']);
    expect(zone.features[0].area! / result.redline.area).toBeCloseTo(1, 3);
    // The ring is rebuilt from the red line and the run's 1000 m buffer: its area is the buffer zone's.
    expect(zone.features[1].area! / result.zones.buffer.area).toBeGreaterThan(0.999);
    expect(ogrDump(file, 'redline').features[0].props.name).toBe(redLines[0].name);
  });

  it.runIf(hasPoppler)('.pdf: the appraisal report names the red line and carries the numbers', async () => {
    const file = path.join(dir, 'run.pdf');
    await call('reports:run', { jobId: jobId(), runId, path: file, lang: 'zh' });
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(redLines[0].name);
    const digits = text.replace(/[,\s]/g, '');
    expect(digits).toContain(result.zones.redline.value.toFixed(2));
    expect(digits).toContain(result.premium.unitValue!.toFixed(4));
  });
});

describe.runIf(hasGdal)('reports:layer — a layer or the red lines as data', () => {
  it('red lines as a GBK shapefile (names read back by GDAL) and as coordinate text', async () => {
    const shp = path.join(dir, 'redlines.shp');
    const r = await call('reports:layer', { jobId: jobId(), source: { kind: 'redlines' }, path: shp });
    expect(r.featureCount).toBe(redLines.length);
    expect(readFileSync(path.join(dir, 'redlines.cpg'), 'latin1').trim().toUpperCase()).toMatch(/GBK|936/);
    expect(ogrDump(shp).features.map((f) => f.props.NAME)).toEqual(redLines.map((l) => l.name));
    const txt = path.join(dir, 'redlines.txt');
    await call('reports:layer', { jobId: jobId(), source: { kind: 'redlines', ids: [redLines[0].id] }, path: txt, encoding: 'UTF-8' });
    expect(readFileSync(txt, 'utf8')).toContain('[地块坐标]');
    // Read back by the app's own importer (GDAL has no driver for the Ministry file).
    expect((await call('import:inspect', { path: txt, encoding: 'UTF-8' })).featureCount).toBe(1);
  });

  it('the parcel layer as GeoJSON and KML, every feature', async () => {
    const layer = (await call('project:status', undefined)).project!.layers.find((l) => l.geometryType?.endsWith('Polygon'))!;
    for (const ext of ['geojson', 'kml']) {
      const file = path.join(dir, `layer.${ext}`);
      const r = await call('reports:layer', { jobId: jobId(), source: { kind: 'layer', layerId: layer.id }, path: file });
      expect(r.featureCount).toBe(layer.featureCount);
      expect(ogrDump(file).count).toBe(layer.featureCount);
    }
  });
});

describe('reports:map — the current view', () => {
  const view = { extentLonLat: [119.545, 30.54, 119.57, 30.56] as [number, number, number, number], widthPx: 800, heightPx: 600 };

  it('PNG at the chosen DPI: (800 × 0.75 pt) × 144/72 = 1200 × 900 pixels', async () => {
    const file = path.join(dir, 'view.png');
    const r = await call('reports:map', { jobId: jobId(), path: file, view, dpi: 144, lang: 'zh', redLineId: redLines[0].id });
    expect([r.widthPx, r.heightPx]).toEqual([1200, 900]);
    const png = readFileSync(file);
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(900);
  });

  it.runIf(hasPoppler)('PDF of the run\'s map: one page of 800 × 0.75 = 600 by 450 pt', async () => {
    const file = path.join(dir, 'view.pdf');
    await call('reports:map', { jobId: jobId(), path: file, view, lang: 'en', runId });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+600 x 450 pts/);
  });
});

describe('reports:batch — every red line in one workbook', () => {
  it('N red lines → a summary row and a sheet each, the rows equal to single runs of the same red lines', async () => {
    const file = path.join(dir, 'batch.xlsx');
    const r = await call('reports:batch', { jobId: jobId(), path: file, lang: 'zh', bufferM: 1000, mode: 'coefficient' });
    expect(r.entries.map((e) => e.name)).toEqual(redLines.map((l) => l.name));
    const singles: AccountResult[] = [];
    for (const l of redLines) singles.push((await call('account:run', { jobId: jobId(), redLineId: l.id, bufferM: 1000, mode: 'coefficient' })).result);
    const wb = await readWorkbook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['批量汇总', ...redLines.map((l) => l.name)]);
    const rows = dataRows(wb.getWorksheet('批量汇总')!);
    expect(rows).toHaveLength(redLines.length);
    rows.forEach((row, i) => {
      const s = singles[i];
      expect(r.entries[i].error).toBeNull();
      expect(row[0]).toBe(i + 1);
      expect(row[2]).toBe(s.redline.area);
      expect(row[3]).toBe(s.zones.redline.value);
      expect(row[4]).toBe(s.zones.redline.unitValue);
      expect(row[5]).toBe(s.zones.buffer.unitValue);
      expect(row[6]).toBe(s.zones.total.unitValue);
      expect(row[7]).toBe(s.premium.unitValue);
      expect(row[8] ?? null).toBe(s.premium.tier);
      // Each red line's sheet holds its summary block with the same area.
      expect(summaryCells(wb.getWorksheet(redLines[i].name)!).get('红线面积（m²）')).toBe(s.redline.area);
    });
    // Each batch entry is an ordinary stored run with the single run's result.
    for (const [i, e] of r.entries.entries()) expect((await call('account:result', { runId: e.runId! })).zones).toEqual(singles[i].zones);
  }, 120_000);
});

describe('targets the host refuses', () => {
  it('the open project itself, a relative path, a wrong extension, a run that does not exist', async () => {
    await expect(call('reports:run', { jobId: jobId(), runId, path: project, lang: 'zh' })).rejects.toMatchObject({ code: 'EXPORT_TARGET_IS_PROJECT' });
    await expect(call('reports:layer', { jobId: jobId(), source: { kind: 'redlines' }, path: project })).rejects.toMatchObject({ code: 'EXPORT_TARGET_IS_PROJECT' });
    await expect(call('reports:run', { jobId: jobId(), runId, path: 'run.pdf', lang: 'zh' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(call('reports:run', { jobId: jobId(), runId, path: path.join(dir, 'run.exe'), lang: 'zh' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(call('reports:run', { jobId: jobId(), runId: 9999, path: path.join(dir, 'x.pdf'), lang: 'zh' })).rejects.toMatchObject({ code: 'RECORD_NOT_FOUND' });
    await expect(call('reports:run', { jobId: jobId(), runId, path: path.join(dir, 'missing', 'x.pdf'), lang: 'zh' })).rejects.toMatchObject({ code: 'EXPORT_TARGET_DIR_MISSING' });
  });
});
