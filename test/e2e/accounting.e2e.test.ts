/**
 * Accounting as a person does it, in Chromium through the web host: choose the sample red line, a parameter set and
 * the method, run, and read the results — zone unit values, services, premium tier, unverified parameters, the
 * parcel table, the charts (canvas pixels) and the map restyled by unit value — checked against what `vep account`
 * gives for the same red line and parcels. Also: cancelling a run, results coming back when the project reopens,
 * and the parameter editor's inline checks. Each step leaves a screenshot in test/e2e/artifacts/.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { AccountResult } from '#core';
import { SERVICE_IDS } from '#core';
import { runCli } from '../../electron/cli/run';
import { CHOROPLETH_COLOURS } from '../../renderer/src/map/choropleth';
import { en } from '../../renderer/src/i18n/en';
import { zh } from '../../renderer/src/i18n/zh';
import { canvasColours, launchBrowser, openApp, ROOT, screenshot, serve, waitForMapIdle, type Served } from './harness';
import { sampleProject } from './fixture-project';
import { blend, pixelsNear } from './pixels';

const SAMPLE = path.join(ROOT, 'sample-data');
/** The sample project stores redlines/redline-1.txt under this name. */
const RED_LINE = '杨田村出让地块';

/** `vep account --json` on the sample's DLTB shapefile and red-line file, in coefficient mode with a 1 km ring. */
async function cliAccount(): Promise<AccountResult> {
  let stdout = '';
  let stderr = '';
  const args = ['account', '--parcels', path.join(SAMPLE, 'dltb', 'DLTB.shp'), '--redline', path.join(SAMPLE, 'redlines', 'redline-1.txt'), '--buffer', '1000', '--mode', 'coefficient', '--json'];
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTty: false, lang: 'zh', cwd: SAMPLE });
  if (code !== 0) throw new Error(`vep account failed (${code}): ${stderr}`);
  return JSON.parse(stdout) as AccountResult;
}

/** A number as the UI prints it ("1,234.5678", "6.00%") back to a number. */
function parseShown(text: string): number {
  const n = Number(text.replace(/[,%\s]/g, ''));
  if (!Number.isFinite(n)) throw new Error(`not a number: "${text}"`);
  return n;
}

/** Asserts that `shown` is `expected` rounded to `decimals` places (the display's own rounding, no more). */
function expectShown(shown: string, expected: number, decimals: number, what: string): void {
  expect(Math.abs(parseShown(shown) - expected), `${what}: shown ${shown}, vep account ${expected}`).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
}

/** Counts the pixels of a 2D canvas (a chart) by colour, RGB hex → count. */
function chartColours(chart: Locator): Promise<Record<string, number>> {
  return chart.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const counts: Record<string, number> = {};
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue; // transparent: the panel shows through
      const key = `#${((1 << 24) | (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]).toString(16).slice(1)}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  });
}

/** Map pixels in the result ramp's colours (the fill is opaque, so exact up to anti-aliasing). */
function choroplethPixels(counts: Record<string, number>): number[] {
  return CHOROPLETH_COLOURS.map((c) => pixelsNear(counts, blend(c, c, 1), 2));
}

/** The zone rows of the results (红线内, 影响区, 合计) as the user reads them. */
async function zoneRows(page: Page): Promise<{ zone: string; area: string; value: string; unitValue: string }[]> {
  return page.getByTestId('zones-table').locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => {
      const cells = [...r.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText.trim());
      return { zone: cells[0], area: cells[1], value: cells[2], unitValue: cells[3] };
    }),
  );
}

async function expectZonesOf(page: Page, cli: AccountResult, strings = zh): Promise<void> {
  const rows = await zoneRows(page);
  expect(rows.map((r) => r.zone)).toEqual([strings.results.zoneRedline, strings.results.zoneBuffer, strings.results.zoneTotal]);
  (['redline', 'buffer', 'total'] as const).forEach((z, i) => {
    expectShown(rows[i].unitValue, cli.zones[z].unitValue!, 4, `${z} 元/m²·a`);
    expectShown(rows[i].value, cli.zones[z].value, 2, `${z} 元/a`);
    expectShown(rows[i].area, cli.zones[z].area, 2, `${z} m²`);
  });
}

describe('accounting', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let cli: AccountResult;
  let mapBefore: Record<string, number>;

  beforeAll(async () => {
    const sample = sampleProject();
    if (!sample) throw new Error('sample-data/anji-sample.vep.gpkg is missing (npm run sample-data)');
    [served, cli] = await Promise.all([serve(sample), cliAccount()]);
    browser = await launchBrowser();
    page = await openApp(browser, served.url);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('runs the sample red line from the form and shows the zone unit values vep account gives', async () => {
    await page.getByTestId('tab-redLines').click();
    await page.getByTestId('account-redline').selectOption({ label: RED_LINE });
    await page.getByTestId('account-params').selectOption({ label: zh.account.builtin });
    await page.getByTestId('account-mode').selectOption('coefficient');
    await waitForMapIdle(page);
    mapBefore = await canvasColours(page);
    await screenshot(page, 'accounting-1-form');

    await page.getByTestId('run-account').click();
    // While it runs: the form shows the job with its progress and a cancel button.
    await page.getByTestId('account-job').waitFor();
    expect(await page.getByTestId('account-cancel').innerText()).toBe(zh.account.cancel);
    await page.getByTestId('results').waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByTestId('run-account').isEnabled()).toBe(true);

    expect(await page.getByTestId('results').innerText()).toContain(zh.results.run.replace('{{id}}', '1'));
    const head = await page.getByTestId('zones-table').locator('thead').innerText();
    expect(head).toContain('元/m²·a');
    await expectZonesOf(page, cli);
    // Sanity of the reference itself: the sample red line lands near Anji's 13 元/m² average (methods §5.1).
    expect(cli.zones.redline.unitValue).toBeGreaterThan(5);
    expect(cli.zones.redline.unitValue).toBeLessThan(40);
    await screenshot(page, 'accounting-2-results');
  });

  it('shows the premium tier and rate, the services, the unverified parameters and every parcel row', async () => {
    const premium = await page.getByTestId('premium').innerText();
    expect(cli.premium.tier).not.toBeNull();
    expect(premium).toMatch(new RegExp(`${zh.results.tier}\\s+${cli.premium.tier}\\b`));
    expect(premium).toContain(`${(cli.premium.rate! * 100).toFixed(2)}%`);
    // The sample uses the illustrative tier table: the panel says so.
    expect(cli.premium.illustrative).toBe(true);
    expect(await page.getByTestId('tiers-notice').innerText()).toBe(zh.results.illustrativeTiers);

    const services = await page.getByTestId('services-table').locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText.trim())));
    expect(services.map((r) => r[0])).toEqual(SERVICE_IDS.map((id) => zh.services[id]));
    SERVICE_IDS.forEach((id, i) => {
      expect(services[i][1]).toBe(zh.results.modeCoefficient);
      expectShown(services[i][3], cli.services[id].value, 2, `${id} 元/a`);
    });

    // The built-in set marks values it has not verified: the badge counts them and the list names each one.
    expect(cli.unverified.length).toBeGreaterThan(0);
    expect(await page.getByTestId('unverified-badge').innerText()).toBe(zh.results.unverified.replace('{{count}}', String(cli.unverified.length)));
    const list = page.getByTestId('unverified-list');
    await list.locator('summary').click();
    const listed = await list.locator('tbody th').allInnerTexts();
    expect(listed).toEqual(cli.unverified.map((u) => u.path));

    const table = page.getByTestId('parcel-table');
    await table.scrollIntoViewIfNeeded();
    expect(Number(await table.getAttribute('aria-rowcount'))).toBe(cli.parcels.length);
    // Columns: land class, zone, unit value, value, area, 标识码. Sorted by unit value, highest first: the first row
    // is a piece vep account values highest per m², with its own numbers.
    const first = await table.getByTestId('parcel-row').first().locator('.cell').allInnerTexts();
    const zoneOf = { redline: zh.results.zoneRedline, buffer: zh.results.zoneBuffer };
    const top = cli.parcels.find((p) => String(p.id) === first[5] && `${p.dlbm} ${p.dlmc}` === first[0] && zoneOf[p.zone] === first[1]);
    expect(top, `row ${first.join(' | ')} is one of vep account's pieces`).toBeDefined();
    expect(top!.unitValue).toBe(Math.max(...cli.parcels.map((p) => p.unitValue ?? -Infinity)));
    expectShown(first[2], top!.unitValue!, 4, 'top parcel 元/m²·a');
    expectShown(first[3], top!.value, 2, 'top parcel 元/a');
    expectShown(first[4], top!.area, 2, 'top parcel m²');
    // The numbers are shown whole (the table scrolls sideways in a narrow panel rather than cutting them short)…
    const cells = table.getByTestId('parcel-row').first().locator('.cell');
    const clipped = await cells.evaluateAll((els) => els.map((c) => c.scrollWidth > c.clientWidth));
    expect(clipped.slice(2, 5)).toEqual([false, false, false]);
    // …and the unit value is in view without scrolling.
    const tableBox = (await table.boundingBox())!;
    const unitBox = (await cells.nth(2).boundingBox())!;
    expect(unitBox.x + unitBox.width).toBeLessThanOrEqual(tableBox.x + tableBox.width);
    await screenshot(page, 'accounting-3-details');
  });

  it('draws the charts: zones per service, and land classes in the service colours', async () => {
    const serviceChart = page.getByTestId('service-chart');
    await serviceChart.scrollIntoViewIfNeeded();
    const zones = await chartColours(serviceChart);
    const red = pixelsNear(zones, blend('#e11d48', '#e11d48', 1), 2);
    const amber = pixelsNear(zones, blend('#f59e0b', '#f59e0b', 1), 2);
    expect(red).toBeGreaterThan(20);
    expect(amber).toBeGreaterThan(20);
    // The impact zone is worth far more than the red line in total (its bars are longer), as vep account says.
    expect(cli.zones.buffer.value).toBeGreaterThan(cli.zones.redline.value * 5);
    expect(amber).toBeGreaterThan(red * 3);

    const classChart = page.getByTestId('class-chart');
    await classChart.scrollIntoViewIfNeeded();
    const byClass = await chartColours(classChart);
    const total = Object.values(cli.services).reduce((s, x) => s + x.value, 0);
    const colours = { water_retention: '#2b8cbe', soil_conservation: '#a6761d', flood_storage: '#67a9cf', carbon_sequestration: '#1b9e77', oxygen_release: '#7fbc41', climate_regulation: '#e6ab02' };
    for (const id of SERVICE_IDS) {
      // A service worth at least 2 % of the total has a visible segment in its colour.
      if (cli.services[id].value < total * 0.02) continue;
      expect(pixelsNear(byClass, blend(colours[id], colours[id], 1), 2), id).toBeGreaterThan(10);
    }
    await screenshot(page, 'accounting-4-charts');
  });

  it('restyles the map by unit value, with the ramp in the legend', async () => {
    await waitForMapIdle(page);
    const after = await canvasColours(page);
    const total = Object.values(after).reduce((a, b) => a + b, 0);
    const before = choroplethPixels(mapBefore);
    const now = choroplethPixels(after);
    // The result zone (red line + 1 km ring) now covers a large part of the view in the ramp's colours…
    expect(now.reduce((a, b) => a + b, 0)).toBeGreaterThan(total * 0.1);
    expect(now.reduce((a, b) => a + b, 0)).toBeGreaterThan(10 * before.reduce((a, b) => a + b, 0) + 1000);
    // …in several classes of it, not one flat colour.
    expect(now.filter((n) => n > total * 0.005).length, JSON.stringify(now)).toBeGreaterThanOrEqual(3);

    await page.getByTestId('tab-layers').click();
    const legend = page.getByTestId('result-legend');
    await legend.waitFor();
    const swatches = await legend.locator('.swatch').evaluateAll((s) => s.map((e) => getComputedStyle(e).backgroundColor));
    expect(swatches.length).toBeGreaterThanOrEqual(3);
    const hex = (rgb: string) => `#${rgb.match(/\d+/g)!.slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
    expect(swatches.map(hex).every((c) => CHOROPLETH_COLOURS.includes(c))).toBe(true);
    // The classes run from the lowest to the highest unit value of the parcel pieces vep account gives.
    const values = cli.parcels.map((p) => p.unitValue).filter((v): v is number => v !== null);
    const rows = await legend.locator('li').allInnerTexts();
    expectShown(rows[0].split('–')[0], Math.min(...values), 2, 'legend min');
    expectShown(rows[rows.length - 1].split('–')[1], Math.max(...values), 2, 'legend max');
    await screenshot(page, 'accounting-5-choropleth');
  });

  it('cancels a run: it is listed as cancelled and the shown result and the project stay as they were', async () => {
    await page.getByTestId('tab-redLines').click();
    await page.getByTestId('run-account').click();
    await page.getByTestId('account-cancel').click();
    await page.getByTestId('account-cancelled').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('account-cancelled').innerText()).toBe(zh.account.cancelled);
    await expect.poll(() => page.getByTestId('run-account').isEnabled()).toBe(true);

    const history = page.getByTestId('run-history');
    await history.locator('summary').click();
    await expect.poll(() => history.getByTestId('run-row').count()).toBe(2);
    const newest = history.getByTestId('run-row').first();
    expect(await newest.getAttribute('data-status')).toBe('cancelled');
    expect(await newest.innerText()).toContain(zh.results.status.cancelled);
    expect(await history.getByTestId('run-row').nth(1).getAttribute('data-status')).toBe('succeeded');
    // The result on screen is still run 1's.
    expect(await page.getByTestId('results').innerText()).toContain(zh.results.run.replace('{{id}}', '1'));
    await expectZonesOf(page, cli);
    await screenshot(page, 'accounting-6-cancelled');
  });

  it('reopens the project with the stored result and its map', async () => {
    await page.reload();
    await waitForMapIdle(page);
    await page.getByTestId('tab-results').click();
    await page.getByTestId('results').waitFor();
    expect(await page.getByTestId('results').innerText()).toContain(zh.results.run.replace('{{id}}', '1'));
    await expectZonesOf(page, cli);
    await waitForMapIdle(page);
    const counts = await canvasColours(page);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(choroplethPixels(counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(total * 0.1);
    // Still usable after the cancelled run: a new run succeeds and becomes run 3.
    await page.getByTestId('tab-redLines').click();
    await page.getByTestId('account-redline').selectOption({ label: RED_LINE });
    await page.getByTestId('account-mode').selectOption('coefficient');
    await page.getByTestId('run-account').click();
    await expect.poll(() => page.getByTestId('results').innerText(), { timeout: 120_000 }).toContain(zh.results.run.replace('{{id}}', '3'));
    await expectZonesOf(page, cli);
    await screenshot(page, 'accounting-7-reopened');
  });

  it('shows the results in English after a language switch, with the same numbers', async () => {
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('zones-table').locator('thead').innerText()).toContain(en.results.unitValue);
    await expectZonesOf(page, cli, en);
    expect(await page.getByTestId('premium').innerText()).toContain(en.results.tier);
    expect(await page.getByTestId('services-table').innerText()).toContain(en.services.water_retention);
    await screenshot(page, 'accounting-8-english');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('zones-table').locator('thead').innerText()).toContain(zh.results.unitValue);
  });

  it('checks a parameter value in its cell as it is typed, and saves a duplicated set', async () => {
    await page.getByTestId('tab-params').click();
    const before = await page.getByTestId('param-set').count();
    await page.getByTestId('duplicate-builtin').click();
    await expect.poll(() => page.getByTestId('param-set').count()).toBe(before + 1);
    const copyName = zh.params.newName.replace('{{name}}', zh.account.builtin);
    // a second copy gets a name of its own
    await page.getByTestId('duplicate-builtin').click();
    await expect.poll(() => page.getByTestId('param-set').count()).toBe(before + 2);
    expect(await page.getByTestId('param-set').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining(copyName), expect.stringContaining(`${copyName} (2)`)]));
    await page.getByTestId('param-set').getByRole('button', { name: copyName, exact: true }).click();
    const editor = page.getByTestId('params-editor');
    await editor.waitFor();
    await editor.getByTestId('tab-constants').click();
    const row = editor.locator('tr').filter({ has: page.getByRole('rowheader', { name: '土壤容重', exact: true }) });
    const input = row.locator('input[type=number]');
    await input.fill('9');
    // Soil bulk density is valid from 0.1 to 3 t/m³: the cell says so at once, before any save.
    const cellError = row.getByTestId('param-cell-error');
    await cellError.waitFor();
    expect(await cellError.innerText()).toMatch(/超出有效范围 \[0\.1, 3\]/);
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await cellError.scrollIntoViewIfNeeded();
    await screenshot(page, 'accounting-9-param-invalid');
    await editor.getByRole('button', { name: zh.params.save, exact: true }).click();
    await expect.poll(() => editor.getByRole('status').innerText()).toBe(zh.params.notSaved.replace('{{count}}', '1'));

    await input.fill('1.35');
    await expect.poll(() => cellError.count()).toBe(0);
    expect(await input.getAttribute('aria-invalid')).toBe('false');
    await editor.getByRole('button', { name: zh.params.save, exact: true }).click();
    await expect.poll(() => editor.getByRole('status').innerText()).toBe(zh.params.saved);
    await page.getByRole('dialog').getByRole('button', { name: zh.panels.close }).first().click();

    // Saved in the project: it opens again with the new value, and the accounting form offers it.
    await page.getByTestId('param-set').getByRole('button', { name: copyName, exact: true }).click();
    await editor.getByTestId('tab-constants').click();
    await expect.poll(() => editor.locator('tr').filter({ has: page.getByRole('rowheader', { name: '土壤容重', exact: true }) }).locator('input').inputValue()).toBe('1.35');
    await page.getByRole('dialog').getByRole('button', { name: zh.panels.close }).first().click();
    await page.getByTestId('tab-redLines').click();
    expect(await page.getByTestId('account-params').locator('option').allInnerTexts()).toContain(copyName);
    await screenshot(page, 'accounting-10-param-saved');
  });
});
