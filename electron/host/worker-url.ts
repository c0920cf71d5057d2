/**
 * Where a host worker's code is. Workers live in electron/host/workers/<name>.worker.ts; the build bundles each to
 * dist/electron/workers/<name>.worker.js next to the bundled host. Run from source (tests), the TypeScript file is
 * started through the tsx loader instead.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface WorkerEntry {
  url: URL;
  execArgv: string[];
}

export function workerEntry(name: string): WorkerEntry {
  const bundled = new URL(`./workers/${name}.worker.js`, import.meta.url);
  if (existsSync(fileURLToPath(bundled))) return { url: bundled, execArgv: [] };
  return { url: new URL(`./workers/${name}.worker.ts`, import.meta.url), execArgv: ['--import', 'tsx'] };
}
