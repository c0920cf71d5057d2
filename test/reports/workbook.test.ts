/**
 * The appraisal workbook read back with exceljs: every number equals the `vep account --json` document's (the
 * AccountResult core computed), stored as a number with its number format, headers and sheet names in the chosen
 * language, headers frozen, unverified parameters marked. The batch workbook: a summary row per red line (or its
 * error) and a sheet per red line.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETER_SET, SERVICE_IDS } from '#core';
import { buildAppraisalWorkbook, writeWorkbook } from '../../electron/host/reports/workbook/appraisal-workbook';
import { buildBatchWorkbook, sheetName } from '../../electron/host/reports/workbook/batch-workbook';
import { makeSampleAppraisal, type SampleAppraisal } from './sample-appraisal';

let sample: SampleAppraisal;
let dir: string;

beforeAll(() => {
  sample = makeSampleAppraisal();
  dir = mkdtempSync(path.join(os.tmpdir(), 'vep-workbook-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function roundTrip(wb: ExcelJS.Workbook, name: string): Promise<ExcelJS.Workbook> {
  const file = path.join(dir, name);
  await writeWorkbook(file, wb);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer); // exceljs types predate Node 20's Buffer generics
  return back;
}

/** The values of a sheet's data rows (row 2 on), as exceljs reads them. */
function dataRows(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 2; r <= ws.rowCount; r++) rows.push((ws.getRow(r).values as unknown[]).slice(1));
  return rows;
}

describe('appraisal workbook (zh)', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await roundTrip(buildAppraisalWorkbook({ result: sample.result, params: DEFAULT_PARAMETER_SET, redLineName: '递铺街道 A-3 地块', lang: 'zh' }), 'zh.xlsx');
  });

  it('has Chinese sheet names in a fixed order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '分服务', '分地类', '图斑明细', '参数表', '数据来源', '提示与警告']);
  });

  it('services: the six services in order, values equal to the JSON, numbers with 元 formats', () => {
    const ws = wb.getWorksheet('分服务')!;
    expect(ws.getRow(1).getCell(1).value).toBe('生态系统服务');
    const rows = dataRows(ws);
    expect(rows).toHaveLength(6);
    SERVICE_IDS.forEach((id, i) => {
      const s = sample.result.services[id];
      expect(rows[i][2]).toBe(s.quantity);
      expect(rows[i][3]).toBe(s.unit);
      expect(rows[i][4]).toBe(s.value);
      expect(rows[i][5]).toBe(s.unitValue);
      expect(rows[i][6]).toBe(sample.result.zones.redline.services[id].value);
      expect(rows[i][7]).toBe(sample.result.zones.buffer.services[id].value);
    });
    expect(ws.getRow(2).getCell(5).numFmt).toBe('#,##0.00" 元"');
    expect(ws.getRow(2).getCell(6).numFmt).toBe('0.0000" 元/m²"');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('parcels: one row per piece with the JSON numbers; a null service value stays an empty cell, not 0', () => {
    const rows = dataRows(wb.getWorksheet('图斑明细')!);
    expect(rows).toHaveLength(sample.result.parcels.length);
    sample.result.parcels.forEach((p, i) => {
      const row = rows[i];
      expect(row[0]).toBe(p.id);
      expect(row[2]).toBe(p.dlbm);
      expect(row[4]).toBe(p.area);
      SERVICE_IDS.forEach((id, k) => {
        expect(row[5 + 2 * k] ?? null).toBe(p.services[id].quantity);
        expect(row[6 + 2 * k] ?? null).toBe(p.services[id].value);
      });
      expect(row[17]).toBe(p.value);
      expect(row[18] ?? null).toBe(p.unitValue);
    });
    // 0404 其他草地 has no inputs in the built-in set: its service values are null (listed in the warnings), not 0.
    const grass = sample.result.parcels.findIndex((p) => p.dlbm === '0404');
    expect(grass).toBeGreaterThanOrEqual(0);
    expect(rows[grass][6]).toBeUndefined();
  });

  it('land classes: per zone rows equal the per-class breakdown', () => {
    const rows = dataRows(wb.getWorksheet('分地类')!);
    const expected = (['redline', 'buffer', 'total'] as const).flatMap((z) => sample.result.perClass[z]);
    expect(rows.map((r) => [r[1], r[3], r[4]])).toEqual(expected.map((c) => [c.dlbm, c.area, c.value]));
  });

  it('summary: zone table and premium as numbers, the illustrative-tier notice in the language of the sheet', () => {
    const ws = wb.getWorksheet('汇总')!;
    const cells = new Map<string, unknown>();
    ws.eachRow((row) => {
      const a = row.getCell(1).value;
      if (typeof a === 'string') cells.set(a, row.getCell(2).value);
    });
    expect(cells.get('红线面积（m²）')).toBe(sample.result.redline.area);
    expect(cells.get('红线内')).toBe(sample.result.zones.redline.area);
    expect(cells.get('价值指数 U*（元/m²·年）')).toBe(sample.result.premium.unitValue);
    expect(cells.get('档次')).toBe(sample.result.premium.tier);
    expect(cells.get('增值率')).toBe(sample.result.premium.rate);
    expect([...cells.keys()].some((k) => k.includes('分档表为示例，不是安吉官方分档'))).toBe(true);
  });

  it('parameters: every number of the set with unit, price year and source; unverified ones marked and shaded', () => {
    const ws = wb.getWorksheet('参数表')!;
    const rows = dataRows(ws);
    const set = DEFAULT_PARAMETER_SET;
    const count = Object.keys(set.prices).length + Object.keys(set.constants).length + Object.keys(set.zone).length + set.classes.reduce((n, c) => n + Object.keys(c.inputs).length, 0) + set.coefficients.length;
    expect(rows).toHaveLength(count);
    const carbon = rows.find((r) => r[2] === 'carbonPrice')!;
    expect(carbon.slice(3, 5)).toEqual([set.prices.carbonPrice.value, set.prices.carbonPrice.unit]);
    const unverified = rows.findIndex((r) => String(r[9]).startsWith('未核实'));
    expect(unverified).toBeGreaterThanOrEqual(0);
    expect((ws.getRow(unverified + 2).getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF4CC');
  });

  it('provenance lists the version, the parameter set hash and the input hashes', () => {
    const rows = dataRows(wb.getWorksheet('数据来源')!);
    expect(rows).toContainEqual(['软件版本', '0.1.0-test']);
    expect(rows).toContainEqual(['参数集 SHA-256', 'ab'.repeat(32)]);
    expect(rows).toContainEqual(['输入数据 SHA-256', 'cd'.repeat(32)]);
  });
});

describe('appraisal workbook (en)', () => {
  it('has English sheet names and headers', async () => {
    const wb = await roundTrip(buildAppraisalWorkbook({ result: sample.result, params: null, redLineName: 'A-3', lang: 'en' }), 'en.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Services', 'Land classes', 'Parcels', 'Parameters', 'Provenance', 'Notes']);
    expect(wb.getWorksheet('Parcels')!.getRow(1).getCell(5).value).toBe('Area (m²)');
    // Without the set, the parameter sheet lists the prices the result used and its unverified values.
    const rows = dataRows(wb.getWorksheet('Parameters')!);
    expect(rows).toHaveLength(sample.result.prices.items.length + sample.result.unverified.length);
  });
});

describe('batch workbook', () => {
  it('a summary row per red line with its numbers, the error of a failed one, and a sheet per red line', async () => {
    const second = makeSampleAppraisal(11);
    const wb = await roundTrip(
      buildBatchWorkbook([
        { name: 'A-3 地块', result: sample.result },
        { name: 'B/7 [north]', result: second.result },
        { name: 'C-1', result: null, error: 'no parcels overlap the red line' },
      ], 'zh'),
      'batch.xlsx',
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual(['批量汇总', 'A-3 地块', 'B_7 _north_']);
    const rows = dataRows(wb.getWorksheet('批量汇总')!);
    expect(rows).toHaveLength(3);
    expect(rows[0][2]).toBe(sample.result.redline.area);
    expect(rows[0][6]).toBe(sample.result.zones.total.unitValue);
    expect(rows[1][7]).toBe(second.result.premium.unitValue);
    expect(rows[1][8]).toBe(second.result.premium.tier);
    expect(rows[2][11]).toBe('no parcels overlap the red line');
    expect((rows[0][1] as { text: string }).text).toBe('A-3 地块');
  });

  it('sheet names are cleaned, cut to 31 characters and made unique', () => {
    const taken = new Set<string>();
    expect(sheetName('a:b', taken)).toBe('a_b');
    expect(sheetName('A:B', taken)).toBe('A_B (2)');
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(31);
    expect(sheetName('History', taken)).toBe('History (2)');
  });
});
