#!/usr/bin/env node
// Builds everything into dist/:
//   dist/electron/   the Node side, bundled by esbuild: main.js (Electron), preload.cjs (sandboxed preload),
//                    cli.js (the `vep` command, incl. the web host), workers/*.js (compute and import workers)
//   dist/renderer/   the UI, built by Vite
// `--if-stale` skips the build when dist/ is newer than every source file (used by `npm start` and the e2e tests).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.build-stamp');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

const SOURCE_DIRS = ['core/src', 'electron', 'renderer', 'scripts/build.mjs', 'package.json', 'vite.config.ts'];

function newestMtime(p) {
  const full = path.join(root, p);
  if (!existsSync(full)) return 0;
  const st = statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry.name)));
  }
  return newest;
}

if (process.argv.includes('--if-stale') && existsSync(stamp)) {
  const built = statSync(stamp).mtimeMs;
  if (SOURCE_DIRS.every((d) => newestMtime(d) < built)) {
    console.log('build: dist/ is up to date');
    process.exit(0);
  }
}

// Native modules and packages that read their own files at run time stay outside the bundle.
const external = ['electron', 'better-sqlite3', 'exceljs', 'pdfkit', 'playwright-core', 'fsevents'];

const nodeCommon = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  external,
  logLevel: 'warning',
  define: { __VEP_VERSION__: JSON.stringify(pkg.version) },
};
// Bundled CommonJS dependencies call require(); give the ESM bundles one.
const requireShim = "import { createRequire as __vepCreateRequire } from 'node:module'; const require = __vepCreateRequire(import.meta.url);";

const workerEntries = findWorkers(path.join(root, 'electron'));

await Promise.all([
  build({ ...nodeCommon, format: 'esm', entryPoints: { main: 'electron/main.ts', cli: 'electron/cli.ts' }, outdir: path.join(dist, 'electron'), banner: { js: requireShim }, splitting: false }),
  build({ ...nodeCommon, format: 'cjs', entryPoints: ['electron/preload.ts'], outfile: path.join(dist, 'electron', 'preload.cjs') }),
  workerEntries.length > 0
    ? build({ ...nodeCommon, format: 'esm', entryPoints: Object.fromEntries(workerEntries.map((p) => [path.basename(p, '.ts'), p])), outdir: path.join(dist, 'electron', 'workers'), banner: { js: requireShim } })
    : Promise.resolve(),
]);

execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });

mkdirSync(dist, { recursive: true });
writeFileSync(stamp, new Date().toISOString());
console.log('build: dist/ ready');

/** Every `*.worker.ts` under electron/ becomes dist/electron/workers/<name>.js. */
function findWorkers(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findWorkers(full));
    else if (entry.name.endsWith('.worker.ts')) found.push(path.relative(root, full));
  }
  return found;
}
