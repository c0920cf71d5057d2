/**
 * `vep account --redline FOLDER|FILE --out book.xlsx`: the batch workbook from the command line. A folder of
 * coordinate files and a file of several polygons each give a summary row and a sheet per red line, the rows equal
 * to single `vep account --json` runs of the same red lines; a red line that cannot be read gets its reason in its
 * row and on stderr (exit 1, workbook still written); a single red line with `--out .xlsx` is unchanged.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountResult } from '#core';
import type { CliIo } from '../../electron/cli/command';
import { runCli } from '../../electron/cli/run';

const SAMPLE = path.resolve(__dirname, '..', '..', 'sample-data');
const PARCELS = path.join(SAMPLE, 'dltb', 'DLTB.shp');

function io(cwd: string): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { io: { stdout: (t) => (out += t), stderr: (t) => (err += t), stderrIsTty: false, lang: 'zh', cwd }, out: () => out, err: () => err };
}

async function rows(file: string): Promise<{ names: string[]; summary: unknown[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const summary: unknown[][] = [];
  for (let r = 2; r <= ws.rowCount; r++) summary.push((ws.getRow(r).values as unknown[]).slice(1));
  return { names: wb.worksheets.map((w) => w.name), summary };
}

async function single(redline: string, cwd: string): Promise<AccountResult> {
  const r = io(cwd);
  expect(await runCli(['account', '--parcels', PARCELS, '--redline', redline, '--mode', 'coefficient', '--json'], r.io)).toBe(0);
  return JSON.parse(r.out()) as AccountResult;
}

/** The summary row's numbers as the batch workbook lays them out (batch-workbook.ts columns). */
function expectRow(row: unknown[], index: number, name: string, r: AccountResult): void {
  expect(row[0]).toBe(index);
  // The name links to the red line's sheet.
  expect(row[1]).toMatchObject({ text: name, hyperlink: `#'${name}'!A1` });
  expect(row[2]).toBe(r.redline.area);
  expect(row[3]).toBe(r.zones.redline.value);
  expect(row[4]).toBe(r.zones.redline.unitValue);
  expect(row[5]).toBe(r.zones.buffer.unitValue);
  expect(row[6]).toBe(r.zones.total.unitValue);
  expect(row[7]).toBe(r.premium.unitValue);
  expect(row[8] ?? null).toBe(r.premium.tier);
  expect(row[10] ?? null).toBe(r.premium.amount);
}

let dir: string;
let one: AccountResult;
let two: AccountResult;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'vep-cli-batch-'));
  one = await single(path.join(SAMPLE, 'redlines', 'redline-1.txt'), dir);
  two = await single(path.join(SAMPLE, 'redlines', 'redline-2.txt'), dir);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vep account --out .xlsx with many red lines', () => {
  it('a folder of coordinate files: a row and a sheet per file; an unreadable one reported, exit 1', async () => {
    const folder = path.join(dir, 'lines');
    mkdirSync(folder);
    copyFileSync(path.join(SAMPLE, 'redlines', 'redline-1.txt'), path.join(folder, 'A地块.txt'));
    copyFileSync(path.join(SAMPLE, 'redlines', 'redline-2.txt'), path.join(folder, 'B地块.txt'));
    writeFileSync(path.join(folder, 'C坏文件.txt'), 'not a coordinate file\n');
    const r = io(dir);
    expect(await runCli(['account', '--parcels', PARCELS, '--redline', 'lines', '--mode', 'coefficient', '--out', 'batch.xlsx'], r.io)).toBe(1);
    expect(r.err()).toContain('C坏文件');
    const { names, summary } = await rows(path.join(dir, 'batch.xlsx'));
    expect(names).toEqual(['批量汇总', 'A地块', 'B地块']);
    expect(summary).toHaveLength(3);
    expectRow(summary[0], 1, 'A地块', one);
    expectRow(summary[1], 2, 'B地块', two);
    expect(summary[2][1]).toBe('C坏文件');
    expect(summary[2][2] ?? null).toBeNull();
    expect(String(summary[2][11])).toContain('C坏文件');
  }, 120_000);

  it('a file of several polygons: a row and a sheet per polygon, named by its name field; --json lists them', async () => {
    const features = ['redline-1', 'redline-2'].map((n, i) => {
      const fc = JSON.parse(readFileSync(path.join(SAMPLE, 'redlines', `${n}.geojson`), 'utf8')) as { features: { properties: Record<string, unknown> }[]; crs?: unknown };
      return { ...fc.features[0], properties: { name: `地块${i + 1}` } };
    });
    const template = JSON.parse(readFileSync(path.join(SAMPLE, 'redlines', 'redline-1.geojson'), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(dir, 'both.geojson'), JSON.stringify({ ...template, features }));
    const r = io(dir);
    expect(await runCli(['account', '--parcels', PARCELS, '--redline', 'both.geojson', '--mode', 'coefficient', '--out', 'both.xlsx', '--json'], r.io)).toBe(0);
    const { names, summary } = await rows(path.join(dir, 'both.xlsx'));
    expect(names).toEqual(['批量汇总', '地块1', '地块2']);
    expectRow(summary[0], 1, '地块1', one);
    expectRow(summary[1], 2, '地块2', two);
    const doc = JSON.parse(r.out()) as { redlines: { name: string; result: AccountResult }[] };
    expect(doc.redlines.map((x) => [x.name, x.result.premium.unitValue])).toEqual([['地块1', one.premium.unitValue], ['地块2', two.premium.unitValue]]);
  }, 120_000);

  it('one red line with --out .xlsx is the single appraisal workbook, as before', async () => {
    const r = io(dir);
    expect(await runCli(['account', '--parcels', PARCELS, '--redline', path.join(SAMPLE, 'redlines', 'redline-1.txt'), '--mode', 'coefficient', '--out', 'one.xlsx'], r.io)).toBe(0);
    const { names } = await rows(path.join(dir, 'one.xlsx'));
    expect(names[0]).toBe('汇总');
    expect(names).not.toContain('批量汇总');
  }, 120_000);
});
