/**
 * The one way every benchmark measures a process: run it under `/usr/bin/time` and read the child's wall time,
 * CPU time (user + system) and peak resident set size. `%M` is the peak RSS of that process alone (a getrusage()
 * in a child forked from here would also count this process's pages at the fork).
 */
import { spawnSync } from 'node:child_process';

export interface Measurement {
  /** Wall-clock time, ms (median of the runs). */
  wallMs: number;
  /** User + system CPU time, ms (median of the runs): on a shared machine the steadier number. */
  cpuMs: number;
  /** Peak resident set size, MiB (largest of the runs). */
  peakRssMiB: number;
  runs: number;
}

export interface ProcessRun extends Measurement {
  /** The child's standard output of the last run. */
  stdout: string;
}

const MARK = '@@VEP-BENCH-TIME';

/** One run of `cmd args` under /usr/bin/time. @throws Error when the command fails. */
export function measureOnce(cmd: string, args: readonly string[], options: { before?: () => void } = {}): ProcessRun {
  options.before?.();
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', `${MARK} %U %S %M`, cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallMs = performance.now() - started;
  const at = run.stderr?.lastIndexOf(MARK) ?? -1;
  if (run.status !== 0 || at < 0) throw new Error(`${cmd} ${args.join(' ')} failed (${run.status}):\n${run.stderr}`);
  const [user, sys, rssKiB] = run.stderr.slice(at + MARK.length).trim().split(/\s+/).map(Number);
  return { wallMs, cpuMs: (user + sys) * 1000, peakRssMiB: rssKiB / 1024, runs: 1, stdout: run.stdout };
}

/** `runs` runs of a command: median wall and CPU time, largest peak RSS, the last run's output. */
export function measure(cmd: string, args: readonly string[], options: { runs?: number; before?: () => void } = {}): ProcessRun {
  const runs = Array.from({ length: Math.max(1, options.runs ?? 1) }, () => measureOnce(cmd, args, options));
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    peakRssMiB: Math.max(...runs.map((r) => r.peakRssMiB)),
    runs: runs.length,
    stdout: runs[runs.length - 1].stdout,
  };
}

/** The median (the upper one of an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Wall and CPU milliseconds of `f` in this process. */
export function timeInProcess<T>(f: () => T): { value: T; wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = f();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** As {@link timeInProcess}, for async work. */
export async function timeInProcessAsync<T>(f: () => Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await f();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}
