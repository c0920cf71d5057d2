/**
 * The sample-data generator's command line (`npm run sample-data`, i.e. `tsx sample-data/generator/main.ts`):
 *
 *   main.ts                          regenerate the committed sample in sample-data/ (and the ready project)
 *   main.ts --out DIR                write the sample into DIR instead (no project)
 *   main.ts --scale N --out DIR      write a county DLTB layer of at least N parcels into DIR, streaming
 *   --seed S                         another landscape (default: the committed sample's seed)
 *
 * Timing and peak memory go to stderr; the summary is printed as JSON on stdout.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCounty } from './county';
import { generateSample, SAMPLE_SEED } from './sample';
import { writeSampleProject } from './sample-project';

interface Args {
  out: string | null;
  scale: number | null;
  seed: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { out: null, scale: null, seed: SAMPLE_SEED };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--out':
        args.out = value;
        i++;
        break;
      case '--scale':
        args.scale = Number(value);
        i++;
        break;
      case '--seed':
        args.seed = Number(value);
        i++;
        break;
      default:
        usage(`unknown argument ${argv[i]}`);
    }
  }
  if (args.scale !== null && !(Number.isInteger(args.scale) && args.scale > 0)) usage('--scale needs a positive whole number of parcels');
  if (args.scale !== null && args.out === null) usage('--scale needs --out DIR (county layers are not written into the repository)');
  if (!Number.isInteger(args.seed) || args.seed < 0) usage('--seed needs a non-negative whole number');
  return args;
}

function usage(problem: string): never {
  process.stderr.write(`sample-data: ${problem}\nusage: main.ts [--out DIR] [--scale PARCELS --out DIR] [--seed N]\n`);
  process.exit(2);
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  let summary: object;
  if (args.scale !== null) {
    let last = 0;
    const county = generateCounty(args.out!, {
      parcels: args.scale,
      seed: args.seed,
      onProgress: (written, target) => {
        if (written - last >= 50_000 || written >= target) {
          last = written;
          process.stderr.write(`${written} / ${target} parcels, ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
        }
      },
    });
    if (county.parcels < args.scale) process.stderr.write(`sample-data: the planned county ran out of tiles at ${county.parcels} parcels\n`);
    summary = county;
  } else {
    const repoSampleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const outDir = args.out ?? repoSampleDir;
    summary = generateSample(outDir, args.seed);
    if (args.out === null) summary = { ...summary, project: writeSampleProject(outDir) };
  }
  const seconds = (performance.now() - started) / 1000;
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  process.stderr.write(`done in ${seconds.toFixed(1)} s, peak RSS ${peakMiB.toFixed(0)} MiB\n`);
  process.stdout.write(JSON.stringify({ ...summary, seconds: Number(seconds.toFixed(1)), peakRssMiB: Math.round(peakMiB) }) + '\n');
}

main();
