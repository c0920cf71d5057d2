// Opening and panning a county-sized project in the workspace, in Chromium through the web host.
//
//   node scripts/build.mjs && npx tsx bench/ui-open.bench.ts [--parcels 300000] [--dir /tmp/vep-ui-bench] [--runs 3]
//   npx tsx bench/ui-open.bench.ts --project bench/data/county-300000/ours.vep.gpkg   (the suite's county, as imported)
//
// Without --project, makes (once, seeded) a project of --parcels synthetic 三调 parcels through the project store (test/store/parcels.ts:
// a jittered 90 m grid in CGCS2000 / 3° GK zone 40 with shared edges, holes and multipart parcels) with the tile
// overview an import leaves in the project, then per run
// starts a fresh `vep serve` on a copy (cold tile cache) and a fresh browser page, and measures in the page:
//   - open: navigation start → the map's first `idle` with parcels on screen (checked on the canvas pixels), the
//     whole county in view (the app fits the layer's extent on first open); also when the first parcel tile arrived
//     (the first parcels drawn) and when the map was created (the page's own start-up before it);
//   - pan: 12 drags of 300 px at zoom 13 and 15 while recording every animation frame: the longest frame gap (a
//     freeze shows as a long gap), the 95th percentile, and the time from the last drag to `idle` (tiles loaded).
// Prints one JSON line per run and a summary. Chromium here renders WebGL in software (SwiftShader) on 2 cores:
// a desktop GPU is faster, so these are upper bounds.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { addParcels, createTestProject } from '../electron/host/store/test-project';
import { TileService } from '../electron/host/tiles/tile-service';
import { canvasColours, launchBrowser, serve, waitForMapIdle } from '../test/e2e/harness';
import { landClassPixels } from '../test/e2e/pixels';

const args = Object.fromEntries(process.argv.slice(2).reduce<[string, string][]>((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1] ?? '']] : pairs), []));
const PARCELS = Number(args.parcels ?? 300_000);
const DIR = args.dir ?? '/tmp/vep-ui-bench';
const RUNS = Number(args.runs ?? 3);
const PROJECT = args.project;
/** A map that never loads is reported, not waited for. */
const OPEN_TIMEOUT_MS = 120_000;

function ensureProject(): string {
  mkdirSync(DIR, { recursive: true });
  const file = path.join(DIR, `county-${PARCELS}.vep.gpkg`);
  if (!existsSync(file)) {
    const t0 = performance.now();
    const store = createTestProject(`${file}.tmp`);
    const id = addParcels(store, PARCELS, { title: 'DLTB' });
    new TileService(store).prepareOverview(id); // as an import does
    store.close();
    copyFileSync(`${file}.tmp`, file);
    console.error(`made ${file} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  return file;
}

// In-page code is passed as text: tsx would wrap named inner functions in a helper the page does not have.

/** Records, on the page's clock, when the map is created and when the first tile of a parcel layer arrives. */
const MARKS = `(() => {
  window.__marks = {};
  const attach = () => {
    const map = window.__vepMap;
    if (!map) return setTimeout(attach, 5);
    window.__marks.map = performance.now();
    map.on('data', (e) => {
      if (e.tile && e.sourceId.startsWith('src-') && window.__marks.firstTile === undefined) window.__marks.firstTile = performance.now();
    });
  };
  attach();
})()`;

/** ms from navigation start to the first moment the map has loaded the parcel layer's tiles (the page's clock). */
function openTime(page: Page): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const poll = () => {
      const map = window.__vepMap;
      const hasLayer = map && Object.keys(map.getStyle().sources).some((s) => s.startsWith('src-'));
      if (map && hasLayer && map.loaded() && map.areTilesLoaded()) return resolve(performance.now());
      // A timer, not requestAnimationFrame: once the map is idle nothing asks for frames, and the poll stalled there.
      setTimeout(poll, 10);
    };
    poll();
  })`) as Promise<number>;
}

async function pan(page: Page, zoom: number): Promise<{ maxFrameMs: number; p95FrameMs: number; settleMs: number }> {
  await page.evaluate((z) => (window as unknown as { __vepMap: { jumpTo(o: { zoom: number }): void } }).__vepMap.jumpTo({ zoom: z }), zoom);
  await waitForMapIdle(page);
  await page.evaluate(`(() => {
    window.__frames = [];
    const tick = (t) => {
      window.__frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const box = (await page.getByTestId('map').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (let i = 0; i < 12; i++) {
    const dx = [300, 0, -300, 0][i % 4];
    const dy = [0, 300, 0, -300][i % 4];
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + dx, cy + dy, { steps: 10 });
    await page.mouse.up();
  }
  const t0 = Date.now();
  await waitForMapIdle(page);
  const settleMs = Date.now() - t0;
  const frames = (await page.evaluate('window.__frames')) as number[];
  const gaps = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
  return { maxFrameMs: Math.round(gaps[gaps.length - 1] ?? 0), p95FrameMs: Math.round(gaps[Math.floor(gaps.length * 0.95)] ?? 0), settleMs };
}

/** A given project is copied, so that opening it (which may keep a tile overview) leaves the original as it was. */
function copyProject(source: string): string {
  mkdirSync(DIR, { recursive: true });
  const file = path.join(DIR, `open-${path.basename(source)}`);
  copyFileSync(source, file);
  return file;
}

const project = PROJECT ? copyProject(PROJECT) : ensureProject();
const browser = await launchBrowser();
const results: { openMs: number; mapCreatedMs: number; firstTileMs: number; classesOnScreen: number; pan13: Awaited<ReturnType<typeof pan>>; pan15: Awaited<ReturnType<typeof pan>> }[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const served = await serve(project);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await page.addInitScript(MARKS);
      await page.goto(served.url);
      const openMs = Math.round(await Promise.race([
        openTime(page),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the map did not load its parcels within ${OPEN_TIMEOUT_MS} ms`)), OPEN_TIMEOUT_MS)),
      ]));
      const marks = (await page.evaluate('window.__marks')) as { map: number; firstTile: number };
      const [mapCreatedMs, firstTileMs] = [Math.round(marks.map), Math.round(marks.firstTile)];
      const counts = await canvasColours(page);
      const classesOnScreen = Object.values(landClassPixels(counts, ['0101', '0201', '0301', '0404', '0702', '1003', '1101'])).filter((n) => n > 1000).length;
      const pan13 = await pan(page, 13);
      const pan15 = await pan(page, 15);
      const r = { openMs, mapCreatedMs, firstTileMs, classesOnScreen, pan13, pan15 };
      results.push(r);
      console.log(JSON.stringify({ run, project: path.basename(project), ...r }));
    } finally {
      await context.close();
      await served.stop();
    }
  }
} finally {
  await browser.close();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `summary (${path.basename(project)}, ${RUNS} runs, median): open ${median(results.map((r) => r.openMs))} ms ` +
    `(map created ${median(results.map((r) => r.mapCreatedMs))} ms, first parcel tile ${median(results.map((r) => r.firstTileMs))} ms); ` +
    `pan z13 max frame ${median(results.map((r) => r.pan13.maxFrameMs))} ms, p95 ${median(results.map((r) => r.pan13.p95FrameMs))} ms, settle ${median(results.map((r) => r.pan13.settleMs))} ms; ` +
    `pan z15 max frame ${median(results.map((r) => r.pan15.maxFrameMs))} ms, p95 ${median(results.map((r) => r.pan15.p95FrameMs))} ms, settle ${median(results.map((r) => r.pan15.settleMs))} ms`,
);
