/**
 * Where a host worker's code is. Workers live in electron/host/workers/<name>.worker.ts; the build bundles each to
 * dist/electron/workers/<name>.worker.js next to the bundled host. Run from source (tests), the TypeScript file is
 * started through workers/tsx-bootstrap.mjs, which registers tsx inside the worker (Node 20 ignores `--import tsx`
 * in a Worker's execArgv) and imports the entry given as the last argv: pass `execArgv` and `argv` to the Worker.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface WorkerEntry {
  url: URL;
  execArgv: string[];
  argv: string[];
}

export function workerEntry(name: string): WorkerEntry {
  const bundled = new URL(`./workers/${name}.worker.js`, import.meta.url);
  if (existsSync(fileURLToPath(bundled))) return { url: bundled, execArgv: [], argv: [] };
  const source = new URL(`./workers/${name}.worker.ts`, import.meta.url);
  return { url: new URL('./workers/tsx-bootstrap.mjs', import.meta.url), execArgv: [], argv: [source.href] };
}
