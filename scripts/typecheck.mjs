// Type-checks every code folder against its own environment (see each folder's tsconfig.json).
import { spawnSync } from 'node:child_process';

const projects = ['core/tsconfig.json', 'core/tsconfig.test.json', 'electron/tsconfig.json', 'renderer/tsconfig.json', 'test/e2e/tsconfig.json', 'tsconfig.json'];
let failed = false;
for (const project of projects) {
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project, '--noEmit'], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`typecheck: ${project} failed`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
