// The benchmark suite: `npm run bench [-- --parcels 300000] [--runs 1] [--dem 10000] [--quick] [--only id,id]`;
// `--report bench/results/<file>.json` rewrites the results section of docs/benchmarks.md from a saved run.
//
// Bundles bench/lib/suite.ts (every benchmark of bench/suite/ and the host code they drive) with esbuild into
// bench/data/suite-lib/ (git-ignored; inside the repository so better-sqlite3 resolves), then runs it. Data are
// generated once, seeded, into bench/data/; results go to bench/results/<timestamp>.json and docs/benchmarks.md.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'bench', 'data', 'suite-lib', 'suite.mjs');
await build({
  entryPoints: [join(root, 'bench', 'lib', 'suite.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outfile,
  external: ['better-sqlite3', 'exceljs', 'pdfkit', 'electron'],
  alias: { '#core': join(root, 'core', 'src', 'index.ts') },
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  absWorkingDir: root,
});
const { parseSuiteArgs, runSuite } = await import(pathToFileURL(outfile).href);
await runSuite(parseSuiteArgs(process.argv.slice(2), root));
