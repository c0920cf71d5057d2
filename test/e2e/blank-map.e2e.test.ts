/**
 * The map-pixel check of workspace.e2e.test.ts must fail on a blank map: an empty project shows no land-class
 * colours at all, and the same measure that finds several classes on the sample finds none here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { canvasColours, launchBrowser, screenshot, serve, waitForMapIdle, type Served } from './harness';
import { parcelProject } from './fixture-project';
import { landClassPixels } from './pixels';

describe('blank map', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    served = await serve(parcelProject(0, 'empty.vep.gpkg'));
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
    await page.goto(served.url);
    await waitForMapIdle(page);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('shows no land-class colours for a project without parcels, and says there are no layers', async () => {
    await page.getByTestId('layers-panel').waitFor();
    expect(await page.getByTestId('layers-panel').innerText()).toContain('项目中还没有图层');
    const counts = await canvasColours(page);
    const byClass = landClassPixels(counts, ['0101', '0201', '0301', '0404', '0702', '1003', '1101']);
    expect(Object.values(byClass).reduce((a, b) => a + b, 0)).toBe(0);
    await screenshot(page, 'blank-map');
  });
});
