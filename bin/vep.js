#!/usr/bin/env node
// The `vep` command. The code is built into dist/ by `npm install` (prepare) or `npm run build`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/electron/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('vep: VEP Studio is not built yet: run `npm run build` in its folder\n');
  process.exit(1);
}
await import(entry.href);
