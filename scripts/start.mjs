#!/usr/bin/env node
// `npm start`: builds if needed, then opens VEP Studio on the bundled sample project in Electron. When the Electron
// binary cannot be had (it is downloaded on first launch, which fails offline), says so in one line and serves the
// same UI through the web host on 127.0.0.1 instead, printing the URL to open.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const passThrough = process.argv.slice(2);

const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const electronPath = findElectron();
if (electronPath) {
  const child = spawn(electronPath, [root, ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
} else {
  console.log('VEP Studio: the Electron runtime is not available on this machine (it is downloaded on first launch, and that failed) — serving the same app in your browser instead.');
  const child = spawn(process.execPath, [path.join(root, 'bin', 'vep.js'), 'serve', ...passThrough], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}

/**
 * The Electron executable, or null when it cannot be had. Resolving the `electron` package triggers its lazy
 * download; run that in a child with a time limit so a dead network cannot hang `npm start`.
 */
function findElectron() {
  if (process.env.VEP_NO_ELECTRON === '1') return null;
  const require = createRequire(import.meta.url);
  let entry;
  try {
    entry = require.resolve('electron');
  } catch {
    return null;
  }
  const probe = spawnSync(process.execPath, ['-e', `process.stdout.write(require(${JSON.stringify(entry)}))`], { encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
  return probe.status === 0 && probe.stdout.trim() ? probe.stdout.trim() : null;
}
