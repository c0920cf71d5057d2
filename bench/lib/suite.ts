/**
 * The benchmark suite (`npm run bench`, bench/run.mjs): makes the data if missing, runs every benchmark with its GDAL
 * twin in the same run, writes bench/results/<timestamp>.json and the results section of docs/benchmarks.md.
 * In a child process (`suite.mjs --child <id> <json>`) it runs one benchmark's own side instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { accountBatch } from '../suite/account-batch';
import { accountOne } from '../suite/account-one';
import { importProject } from '../suite/import-project';
import { readShapefile } from '../suite/read-shapefile';
import { tilesView } from '../suite/tiles-view';
import { zonalStats } from '../suite/zonal-stats';
import { prepareData, type BenchData } from './bench-data';
import type { BenchContext, Benchmark, ResultRow } from './benchmark';
import { measure } from './measure';
import { resultsMarkdown, type Machine } from './results-markdown';

/** In running order: import makes the files the later ones read. */
const BENCHMARKS: Benchmark[] = [readShapefile, importProject, accountOne, accountBatch, zonalStats, tilesView];

export interface SuiteOptions {
  root: string;
  parcels: number;
  demSize: number;
  runs: number;
  quick: boolean;
  /** Only these benchmark ids (the data they need must exist already). */
  only: string[] | null;
  /** Rewrite docs/benchmarks.md from this results file instead of running. */
  report: string | null;
}

/** Parses `--parcels N --runs N --dem N --quick --only a,b --report bench/results/<file>.json`. */
export function parseSuiteArgs(argv: readonly string[], root: string): SuiteOptions {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  const number = (name: string, fallback: number) => {
    const v = Number(value(name) ?? fallback);
    if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} needs a positive whole number`);
    return v;
  };
  return { root, quick, parcels: number('parcels', quick ? 20_000 : 300_000), demSize: number('dem', quick ? 2000 : 10_000), runs: number('runs', 1), only: value('only')?.split(',') ?? null, report: value('report') ?? null };
}

const log = (line: string) => process.stderr.write(`${line}\n`);

interface ResultsFile {
  machine: Machine;
  settings: Settings;
  rows: ResultRow[];
}

type Settings = Parameters<typeof resultsMarkdown>[2];

export async function runSuite(options: SuiteOptions): Promise<ResultRow[]> {
  if (options.report) {
    const saved = JSON.parse(readFileSync(options.report, 'utf8')) as ResultsFile;
    writeResultsSection(path.join(options.root, 'docs', 'benchmarks.md'), resultsMarkdown(saved.rows, saved.machine, saved.settings));
    log(`docs/benchmarks.md: results section rewritten from ${options.report}`);
    return saved.rows;
  }
  const data = prepareData(options.root, options.parcels, options.demSize, log);
  const bundle = fileURLToPath(import.meta.url);
  const ctx: BenchContext = {
    data,
    runs: options.runs,
    quick: options.quick,
    child<T>(id: string, childOptions: Record<string, unknown>, runs = 1) {
      const run = measure(process.execPath, [bundle, '--child', id, JSON.stringify({ options: childOptions, data })], { runs });
      return { ...run, result: JSON.parse(run.stdout) as T };
    },
  };
  const machine = describeMachine();
  const rows: ResultRow[] = [];
  for (const benchmark of BENCHMARKS) {
    if (options.only && !options.only.includes(benchmark.id)) continue;
    log(`${benchmark.title} …`);
    const started = performance.now();
    for (const row of benchmark.run(ctx)) {
      rows.push(row);
      log(`  ${row.title}: ours ${(row.ours.wallMs / 1000).toFixed(2)} s${row.gdal ? `, GDAL ${(row.gdal.wallMs / 1000).toFixed(2)} s` : ''}`);
    }
    log(`  (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  machine.loadAverageEnd = os.loadavg().map((l) => Number(l.toFixed(2)));

  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const resultsDir = path.join(options.root, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const resultsFile = path.join(resultsDir, `${stamp}.json`);
  const settings: Settings = { parcels: data.parcels, demSize: data.demSize, runs: options.runs, quick: options.quick };
  writeFileSync(resultsFile, `${JSON.stringify({ machine, settings, rows } satisfies ResultsFile, null, 2)}\n`);
  log(`results: ${path.relative(options.root, resultsFile)}`);
  if (options.only === null) {
    writeResultsSection(path.join(options.root, 'docs', 'benchmarks.md'), resultsMarkdown(rows, machine, settings));
    log('docs/benchmarks.md: results section rewritten');
  }
  return rows;
}

function describeMachine(): Machine {
  const gdal = spawnSync('ogrinfo', ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? 'not found';
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    gdal,
    date: new Date().toISOString(),
    loadAverageStart: os.loadavg().map((l) => Number(l.toFixed(2))),
    loadAverageEnd: [],
  };
}

const START = '<!-- results:start (written by npm run bench) -->';
const END = '<!-- results:end -->';

/** Replaces the text between the markers of docs/benchmarks.md (appends them when missing). */
function writeResultsSection(file: string, section: string): void {
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const [a, b] = [text.indexOf(START), text.indexOf(END)];
  const block = `${START}\n${section}\n${END}`;
  text = a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + END.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, text);
}

async function childMain(id: string, json: string): Promise<void> {
  const benchmark = BENCHMARKS.find((b) => b.id === id);
  if (!benchmark) throw new Error(`no benchmark ${id}`);
  const { options, data } = JSON.parse(json) as { options: Record<string, unknown>; data: BenchData };
  process.stdout.write(JSON.stringify(await benchmark.child(options, data)));
}

if (process.argv[2] === '--child') await childMain(process.argv[3], process.argv[4]);
