/**
 * The fuzz runner (test side): runs one target's cases in a worker thread under a watchdog, so that a hang is a
 * reported failure with its case number rather than a stuck test run, and a crash of the worker itself (out of
 * memory) is a failure of the case that caused it; the run then goes on from the next case.
 *
 * Settings (environment, for longer local runs):
 *   VEP_FUZZ_SEED    run seed (default 20240520; "random" picks one and prints it)
 *   VEP_FUZZ_SCALE   multiplies every target's case count (default 1)
 *   VEP_FUZZ_CASES   exact case count per target (overrides the scale)
 *   VEP_FUZZ_ONLY    one case number to run alone (reproduce a failure)
 *   VEP_FUZZ_CASE_MS a case's deadline before it counts as a hang (default 10000 ms: generous — a hang is a
 *                    case that never ends, not a slow one; no timing is asserted)
 *   VEP_FUZZ_DUMP    a folder where failing inputs are written
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FuzzCaseFailure, FuzzJob, WorkerMessage } from './fuzz-protocol';

const DEFAULT_SEED = 20240520;
/** One allocation a ≤ 15 KB damaged file may ask for; the readers' real files stream in far smaller pieces. */
const ALLOCATION_LIMIT_BYTES = 64 << 20;
/** Everything one case may ask for in all. */
const CASE_ALLOCATION_LIMIT_BYTES = 512 << 20;
const MAX_FAILURES = 20;

export interface FuzzReport {
  target: string;
  seed: number;
  cases: number;
  /** How the cases ended: "data", an error code, or "failure". */
  outcomes: Record<string, number>;
  /** The outcome of each case, in case order. */
  byCase: string[];
  failures: FuzzCaseFailure[];
}

export interface FuzzSettings {
  seed: number;
  cases: number;
  only: number | null;
  caseDeadlineMs: number;
  dumpDir: string | null;
}

/** The settings of a run of `target` whose default case count is `defaultCases`. */
export function fuzzSettings(defaultCases: number, env: NodeJS.ProcessEnv = process.env): FuzzSettings {
  const seed = env.VEP_FUZZ_SEED === 'random' ? (Math.random() * 2 ** 31) >>> 0 : Number(env.VEP_FUZZ_SEED ?? DEFAULT_SEED);
  const scale = Number(env.VEP_FUZZ_SCALE ?? 1);
  const cases = env.VEP_FUZZ_CASES ? Number(env.VEP_FUZZ_CASES) : Math.round(defaultCases * scale);
  return {
    seed,
    cases,
    only: env.VEP_FUZZ_ONLY ? Number(env.VEP_FUZZ_ONLY) : null,
    caseDeadlineMs: Number(env.VEP_FUZZ_CASE_MS ?? 10_000),
    dumpDir: env.VEP_FUZZ_DUMP ?? null,
  };
}

/**
 * Runs cases of one target and returns how they ended. Prints the seed and the case count.
 * @param target a key of TARGETS (fuzz-targets.ts).
 * @param defaultCases the CI case count (the target's `cases`).
 */
export async function runFuzz(target: string, defaultCases: number): Promise<FuzzReport> {
  const settings = fuzzSettings(defaultCases);
  const first = settings.only ?? 0;
  const end = settings.only !== null ? settings.only + 1 : settings.cases;
  const report: FuzzReport = { target, seed: settings.seed, cases: end - first, outcomes: {}, byCase: [], failures: [] };
  let next = first;
  while (next < end && report.failures.length < MAX_FAILURES) {
    const part = await runWorker(target, settings, next, end, MAX_FAILURES - report.failures.length);
    for (const [k, n] of Object.entries(part.outcomes)) report.outcomes[k] = (report.outcomes[k] ?? 0) + n;
    report.byCase.push(...part.byCase);
    report.failures.push(...part.failures);
    next = part.next;
  }
  if (settings.dumpDir) dumpFailures(settings.dumpDir, target, report.failures);
  const errors = Object.entries(report.outcomes).filter(([k]) => k !== 'data' && k !== 'failure');
  console.log(
    `fuzz ${target}: seed ${settings.seed}, ${report.cases} cases — ${report.outcomes.data ?? 0} read as data, ` +
      `${errors.reduce((s, [, n]) => s + n, 0)} typed errors (${errors.length} codes), ${report.failures.length} failures` +
      (report.failures.length > 0 ? ` (reproduce one: VEP_FUZZ_SEED=${settings.seed} VEP_FUZZ_ONLY=<case>)` : ''),
  );
  return report;
}

interface WorkerPart {
  outcomes: Record<string, number>;
  byCase: string[];
  failures: FuzzCaseFailure[];
  /** The first case not yet run. */
  next: number;
}

/**
 * Reads given inputs through one target's parser in the guarded worker, under the same deadline and memory
 * bounds as the fuzz cases: how each ended ("data", an error code, or "failure" with the reason in `failures`).
 * Regression tests of fuzz findings use it, so a hang that comes back fails the test instead of stalling it.
 */
export async function runInputs(target: string, inputs: { name: string; files: Record<string, Uint8Array> }[]): Promise<FuzzReport> {
  const settings = { ...fuzzSettings(inputs.length), only: null };
  const report: FuzzReport = { target, seed: settings.seed, cases: inputs.length, outcomes: {}, byCase: [], failures: [] };
  let next = 0;
  while (next < inputs.length) {
    const part = await runWorker(target, settings, next, inputs.length, inputs.length, inputs);
    for (const [k, n] of Object.entries(part.outcomes)) report.outcomes[k] = (report.outcomes[k] ?? 0) + n;
    report.byCase.push(...part.byCase);
    report.failures.push(...part.failures);
    next = part.next;
  }
  return report;
}

function runWorker(
  target: string, settings: FuzzSettings, start: number, end: number, maxFailures: number,
  inputs?: { name: string; files: Record<string, Uint8Array> }[],
): Promise<WorkerPart> {
  const progress = new SharedArrayBuffer(8);
  const state = new Int32Array(progress);
  Atomics.store(state, 0, start - 1);
  const job: FuzzJob = {
    target, seed: settings.seed, start, end, progress, maxFailures, keepInputs: settings.dumpDir !== null,
    allocationLimitBytes: ALLOCATION_LIMIT_BYTES, caseAllocationLimitBytes: CASE_ALLOCATION_LIMIT_BYTES, inputs,
  };
  const worker = new Worker(new URL('../../electron/host/workers/tsx-bootstrap.mjs', import.meta.url), {
    workerData: job,
    argv: [new URL('./fuzz-worker.ts', import.meta.url).href],
    // A reader that builds an unbounded structure of JS objects dies here instead of taking the machine.
    resourceLimits: { maxOldGenerationSizeMb: 768 },
  });
  const part: WorkerPart = { outcomes: {}, byCase: [], failures: [], next: start };
  const record = (caseIndex: number, outcome: string, failure?: FuzzCaseFailure): void => {
    part.outcomes[outcome] = (part.outcomes[outcome] ?? 0) + 1;
    part.byCase[caseIndex - start] = outcome;
    if (failure) part.failures.push(failure);
    part.next = caseIndex + 1;
  };
  return new Promise<WorkerPart>((resolve) => {
    let settled = false;
    let watched = -1;
    let since = Date.now();
    const finish = (): void => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      void worker.terminate();
      resolve(part);
    };
    // The case that was running when the worker died or hung fails; the run resumes after it.
    const failCurrent = (error: string): void => {
      if (settled) return;
      const caseIndex = Math.max(Atomics.load(state, 0), part.next);
      record(caseIndex, 'failure', { caseIndex, seedName: '?', mutated: [], error });
      finish();
    };
    const watchdog = setInterval(() => {
      const current = Atomics.load(state, 0);
      if (current !== watched || Atomics.load(state, 1) === 0) {
        watched = current;
        since = Date.now();
      } else if (Date.now() - since > settings.caseDeadlineMs) {
        failCurrent(`hang: case ${current} ran past its ${settings.caseDeadlineMs} ms deadline`);
      }
    }, 50);
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'case') record(m.caseIndex, m.outcome, m.failure);
      else {
        if (part.failures.length < maxFailures) part.next = end;
        finish();
      }
    });
    worker.on('error', (e) => failCurrent(`worker died: ${e.message}`));
    worker.on('exit', (code) => failCurrent(`worker exited with code ${code} before finishing`));
  });
}

function dumpFailures(dir: string, target: string, failures: FuzzCaseFailure[]): void {
  mkdirSync(dir, { recursive: true });
  for (const f of failures) {
    for (const [role, bytes] of Object.entries(f.input ?? {})) writeFileSync(join(dir, `${target}-${f.caseIndex}.${role}`), bytes);
  }
}

/** A failure list short enough to read in a test's output. */
export function describeFailures(report: FuzzReport): string[] {
  return report.failures.map((f) => `case ${f.caseIndex} (${f.seedName}, mutated ${f.mutated.join('+') || '?'}): ${f.error}`);
}
