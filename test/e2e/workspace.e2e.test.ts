/**
 * The workspace as a person uses it, in Chromium through the web host: the map shows the parcels in 三调 colours
 * (read back from the canvas), identify, the attribute table, importing a layer through the file browser, drawing
 * a red line by clicks with undo, the live impact ring, saving, and switching
 * to English. Each step leaves a screenshot in test/e2e/artifacts/.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { canvasColours, launchBrowser, openApp, screenshot, serve, waitForMapIdle, type Served } from './harness';
import { parcelProject, sampleProject } from './fixture-project';
import { blend, landClassPixels, pixelsNear } from './pixels';

interface WorkspaceProbe {
  draft: { type: string; coordinates: number[][][] } | null;
  ring: unknown;
  redLines: { id: number; name: string }[];
  result: { runId: number } | null;
}

const readState = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { __vepWorkspace: { get(): WorkspaceProbe } }).__vepWorkspace.get();
    return { draft: s.draft, ring: s.ring !== null, redLines: s.redLines.map((r) => ({ id: r.id, name: r.name })), result: s.result ? { runId: s.result.runId } : null };
  });

/** A screen point over a rendered parcel near the map's centre. */
async function parcelPoint(page: Page): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(() => {
    const map = (window as unknown as { __vepMap: { getCanvas(): HTMLCanvasElement; queryRenderedFeatures(p: [number, number]): { id?: unknown; layer: { type: string } }[] } }).__vepMap;
    const c = map.getCanvas();
    const w = c.clientWidth;
    const h = c.clientHeight;
    for (let r = 0; r < 200; r += 7) {
      for (const [dx, dy] of [[r, 0], [0, r], [-r, 0], [0, -r], [r, r], [-r, -r]]) {
        const x = w / 2 + dx;
        const y = h / 2 + dy;
        if (map.queryRenderedFeatures([x, y]).some((f) => f.layer.type === 'fill' && f.id !== undefined)) {
          const box = c.getBoundingClientRect();
          return { x: box.left + x, y: box.top + y };
        }
      }
    }
    return null;
  });
  if (!p) throw new Error('no parcel rendered near the map centre');
  return p;
}

describe('workspace', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  const importSource = parcelProject(400, 'import-source.gpkg');

  beforeAll(async () => {
    served = await serve(sampleProject() ?? parcelProject(3000));
    browser = await launchBrowser();
    page = await openApp(browser, served.url);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('opens the project and draws the parcels in 三调 land-class colours, with the legend', async () => {
    await page.getByTestId('legend').waitFor();
    await waitForMapIdle(page);
    const counts = await canvasColours(page);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    // One code per level-1 class (each has its own colour): cultivated, plantation, forest, grass, housing, roads, water.
    const byClass = landClassPixels(counts, ['0101', '0201', '0301', '0404', '0702', '1003', '1101']);
    const shown = Object.values(byClass).filter((n) => n > total * 0.005);
    // Several classes each cover a visible share of the map in their own colours, and parcels cover much of it.
    expect(shown.length, JSON.stringify(byClass)).toBeGreaterThanOrEqual(3);
    expect(Object.values(byClass).reduce((a, b) => a + b, 0)).toBeGreaterThan(total * 0.15);
    await expect.poll(() => page.getByTestId('legend').innerText()).toContain('乔木林地');
    await screenshot(page, 'workspace-1-map');
  });

  it('identifies a clicked parcel and shows cursor coordinates as GK X/Y', async () => {
    const p = await parcelPoint(page);
    await page.mouse.move(p.x, p.y);
    await page.mouse.click(p.x, p.y);
    const identify = page.getByTestId('identify');
    await identify.waitFor();
    expect(await identify.innerText()).toMatch(/DLBM/);
    const xy = await page.getByTestId('status-xy').innerText();
    // X (northing) of about 3.4 million m and Y (easting) with the zone prefix 40 in CGCS2000 3° zone 40.
    expect(xy).toMatch(/X（北） 3,\d{3},\d{3}\.\d{2} · Y（东） 40,\d{3},\d{3}\.\d{2}/);
    await screenshot(page, 'workspace-2-identify');
  });

  it('pages the attribute table from the host and filters it by land class', async () => {
    await page.getByTestId('tool-table').click();
    const count = page.getByTestId('table-count');
    await expect.poll(() => count.innerText()).toMatch(/共 [\d,]+ 行/);
    const allRows = Number((await count.innerText()).replace(/\D/g, ''));
    expect(allRows).toBeGreaterThan(100);
    await expect.poll(() => page.getByTestId('table-row').first().innerText()).toMatch(/\d/);
    const filter = page.getByTestId('table-class-filter');
    const option = await filter.locator('option').nth(1).getAttribute('value');
    await filter.selectOption(option!);
    await expect.poll(async () => Number((await count.innerText()).replace(/\D/g, ''))).toBeLessThan(allRows);
    await screenshot(page, 'workspace-3-table');
    await page.getByTestId('tool-table').click();
  });

  it('imports a layer chosen in the file browser, after showing what the file holds', async () => {
    const rowsBefore = await page.getByTestId('layer-row').count();
    await page.getByTestId('tool-import').click();
    await page.getByTestId('file-browser').waitFor();
    const pathBox = page.getByLabel('路径');
    await pathBox.fill(path.dirname(importSource));
    await pathBox.press('Enter');
    await page.getByTestId('fb-entry').filter({ hasText: 'import-source.gpkg' }).click();
    await page.getByTestId('fb-open').click();
    const info = page.getByTestId('inspect-info');
    await info.waitFor();
    expect(await info.innerText()).toMatch(/要素数\s+400/);
    // The file does not say its CRS: the user gives it, and the file is read again with it.
    const crsBox = page.getByTestId('import-crs');
    await crsBox.fill('EPSG:4528');
    await crsBox.press('Enter');
    await expect.poll(() => info.innerText()).toMatch(/3-degree Gauss-Kruger zone 40/);
    await page.getByTestId('import-title').fill('导入图斑');
    await screenshot(page, 'workspace-4-import-dialog');
    await page.getByTestId('import-run').click();
    await expect.poll(() => page.getByTestId('layer-row').count(), { timeout: 60_000 }).toBe(rowsBefore + 1);
    expect(await page.getByTestId('layers-panel').innerText()).toContain('导入图斑');
    await waitForMapIdle(page);
    await screenshot(page, 'workspace-5-imported');
  });

  it('draws a red line by clicks, undoes a vertex, and shows the live impact ring', async () => {
    await page.getByTestId('tab-redLines').click();
    const box = (await page.getByTestId('map').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.getByTestId('tool-draw').click();
    const clicks: [number, number][] = [[-90, -70], [80, -80], [300, 200], [100, 90], [-80, 60]];
    for (const [dx, dy] of clicks) {
      await page.mouse.click(cx + dx, cy + dy);
      await page.waitForTimeout(150);
    }
    await page.getByTestId('tool-undo').click(); // takes back (-80, 60)
    await page.getByTestId('tool-undo').click(); // takes back (100, 90)
    await page.mouse.click(cx + 90, cy + 80);
    await page.waitForTimeout(150);
    await page.mouse.click(cx - 85, cy + 70);
    await page.waitForTimeout(150);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await readState(page)).draft?.coordinates[0].length ?? 0).toBe(6); // 5 vertices + closing
    const draft = (await readState(page)).draft!;
    // The undone vertex (100, 90) is gone; the redrawn (90, 80) is there.
    const drawn = await page.evaluate((ring) => {
      const map = (window as unknown as { __vepMap: { project(p: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement } }).__vepMap;
      const r = map.getCanvas().getBoundingClientRect();
      return ring.map(([lon, lat]) => { const p = map.project([lon, lat]); return [Math.round(r.left + p.x), Math.round(r.top + p.y)]; });
    }, draft.coordinates[0] as [number, number][]);
    expect(drawn.some(([x, y]) => Math.abs(x - (cx + 90)) <= 2 && Math.abs(y - (cy + 80)) <= 2)).toBe(true);
    expect(drawn.some(([x, y]) => Math.abs(x - (cx + 100)) <= 2 && Math.abs(y - (cy + 90)) <= 2)).toBe(false);
    await page.getByTestId('draft-card').waitFor();
    await expect.poll(async () => (await readState(page)).ring).toBe(true);
    await page.getByTestId('map').hover({ position: { x: 10, y: 10 } });
    await waitForMapIdle(page);
    // The ring's dashed amber outline is on the canvas.
    expect(pixelsNear(await canvasColours(page), blend('#d97706', '#d97706', 1), 20)).toBeGreaterThan(50);
    await screenshot(page, 'workspace-6-redline-drawn');
    await page.getByTestId('save-redline').click();
    await expect.poll(async () => (await readState(page)).redLines.length).toBeGreaterThan(0);
  });

  it('switches the whole workspace to English and back', async () => {
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('tool-import').getAttribute('aria-label')).toBe('Import data');
    expect(await page.getByTestId('tab-redLines').innerText()).toBe('Red lines');
    expect(await page.getByTestId('status-bar').innerText()).toContain('Area unit');
    await page.getByTestId('tab-layers').click();
    await expect.poll(() => page.getByTestId('legend').innerText()).toMatch(/forest/i);
    await screenshot(page, 'workspace-8-english');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('tool-import').getAttribute('aria-label')).toBe('导入数据');
  });
});
