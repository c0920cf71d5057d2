/**
 * Exports through the real UI (web host, Chromium): a stored run of the sample project shown in the results panel,
 * its appraisal report (PDF) and workbook (XLSX) saved through the export menu and the save dialog, then the files
 * checked: pdftotext finds the red line's name, exceljs reads the run's numbers.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AccountResult } from '#core';
import { accountProjectRedline } from '../../electron/host/services/account-run';
import { ProjectStore } from '../../electron/host/store/project-store';
import { launchBrowser, openApp, screenshot, serve, type Served } from './harness';
import { sampleProject } from './fixture-project';

describe('exports', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let out: string;
  let run: { runId: number; result: AccountResult };
  let redLineName: string;

  beforeAll(async () => {
    const sample = sampleProject();
    if (!sample) throw new Error('the sample project is missing (sample-data/anji-sample.vep.gpkg)');
    // A project with one stored run, made by the app's own accounting service.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vep-e2e-exports-'));
    const project = path.join(dir, 'anji-sample.vep.gpkg');
    copyFileSync(sample, project);
    const store = ProjectStore.open(project);
    try {
      const redLine = store.redLines.list()[0];
      redLineName = redLine.name;
      run = await accountProjectRedline(store, { redLineId: redLine.id, bufferM: 1000, modes: 'coefficient' });
    } finally {
      store.close();
    }
    out = mkdtempSync(path.join(os.tmpdir(), 'vep-e2e-export-out-'));
    served = await serve(project);
    browser = await launchBrowser();
    page = await openApp(browser, served.url);
    // Show the stored run in the results panel, as choosing it there does.
    await page.evaluate((r) => {
      (window as unknown as { __vepWorkspace: { set(p: unknown): void } }).__vepWorkspace.set({ result: r, rightTab: 'results' });
    }, run);
    await page.getByTestId('export-menu').waitFor();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  async function saveThroughDialog(button: string, name: string, ext: string): Promise<string> {
    await page.getByTestId(button).click();
    const dialog = page.getByTestId('save-dialog');
    await dialog.waitFor();
    const folder = page.getByTestId('save-folder');
    await folder.fill(out);
    await folder.press('Enter');
    await expect.poll(() => folder.inputValue()).toBe(out);
    await page.getByTestId('save-name').fill(name);
    await page.getByTestId('save-confirm').click();
    const file = path.join(out, `${name}${ext}`);
    await expect.poll(() => existsSync(file), { timeout: 120_000 }).toBe(true);
    return file;
  }

  it('saves the appraisal report as PDF: the text names the red line', async () => {
    const file = await saveThroughDialog('export-run-pdf', '评估报告', '.pdf');
    await screenshot(page, 'exports-1-pdf');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(redLineName);
    expect(text.replace(/[,\s]/g, '')).toContain(run.result.zones.redline.value.toFixed(2));
  }, 180_000);

  it('saves the appraisal workbook: exceljs reads the run\'s numbers', async () => {
    const file = await saveThroughDialog('export-run-xlsx', 'workbook', '.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cells = new Map<string, unknown>();
    wb.getWorksheet('汇总')!.eachRow((row) => {
      const a = row.getCell(1).value;
      if (typeof a === 'string' && !cells.has(a)) cells.set(a, row.getCell(2).value);
    });
    expect(cells.get('红线面积（m²）')).toBe(run.result.redline.area);
    expect(cells.get('价值指数 U*（元/m²·年）')).toBe(run.result.premium.unitValue);
    const parcels = wb.getWorksheet('图斑明细')!;
    expect(parcels.rowCount - 1).toBe(run.result.parcels.length);
  }, 180_000);
});
