/**
 * End-to-end harness: the built `vep serve` on a copy of a project, and Debian's Chromium driven by playwright-core.
 *
 * Headless WebGL needs SwiftShader: `--enable-unsafe-swiftshader` (playwright adds it too). Never `--use-gl=swiftshader`
 * alone — it disables WebGL. Chromium's background networking is switched off because this machine has no network.
 * Screenshots go to test/e2e/artifacts/ (git-ignored).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = path.join(ROOT, 'test', 'e2e', 'artifacts');
const CHROMIUM = process.env.VEP_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Served {
  url: string;
  projectPath: string;
  home: string;
  stop(): Promise<void>;
}

/** Starts `vep serve` on a fresh copy of `project` (default: the bundled sample), with its own user folder. */
export async function serve(project = path.join(ROOT, 'sample-data', 'anji-sample.vep.gpkg')): Promise<Served> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'vep-e2e-'));
  const projectPath = path.join(home, path.basename(project));
  copyFileSync(project, projectPath);
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'vep.js'), 'serve', projectPath, '--port', '0'], {
    env: { ...process.env, VEP_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`vep serve exited with ${code}: ${stderr}`)));
  });
  return { url, projectPath, home, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A page of the app at `url` (1440 × 900 unless told), page errors logged, the map idle. */
export async function openApp(browser: Browser, url: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  await waitForMapIdle(page);
  return page;
}

/** Resolves when MapLibre has loaded its style and rendered everything it was asked to (the `idle` event). */
export async function waitForMapIdle(page: Page, timeoutMs = 90_000): Promise<void> {
  await page.waitForFunction(() => Boolean((window as unknown as { __vepMap?: unknown }).__vepMap), undefined, { timeout: timeoutMs });
  await page.evaluate(
    (timeout) =>
      new Promise<void>((resolve, reject) => {
        const map = (window as unknown as { __vepMap: { loaded(): boolean; areTilesLoaded(): boolean; once(e: string, f: () => void): void; triggerRepaint(): void } }).__vepMap;
        const timer = setTimeout(() => reject(new Error('map never became idle')), timeout);
        map.once('idle', () => {
          clearTimeout(timer);
          resolve();
        });
        map.triggerRepaint();
      }),
    timeoutMs,
  );
}

/** Counts the map canvas's pixels by colour (RGB hex → count), read back from the WebGL drawing buffer. */
export function canvasColours(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const gl = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas');
    if (!gl) throw new Error('no map canvas');
    const copy = document.createElement('canvas');
    copy.width = gl.width;
    copy.height = gl.height;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(gl, 0, 0);
    const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
    const counts: Record<string, number> = {};
    for (let i = 0; i < data.length; i += 4) {
      const key = `#${((1 << 24) | (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]).toString(16).slice(1)}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
