/** What a benchmark of the suite is, what it is given, and what it returns (one or more rows of the table). */
import type { Measurement, ProcessRun } from './measure';
import type { BenchData } from './bench-data';

export interface Goal {
  text: string;
  met: boolean;
}

/** The memory goal for the county layer: every process of ours below 1.5 GB (decimal) at peak. */
export function memoryGoal(peakRssMiB: number): Goal {
  return { text: 'peak RSS < 1.5 GB', met: peakRssMiB * 2 ** 20 < 1.5e9 };
}

/** One side of a row: our code, or its GDAL twin. */
export interface Side extends Measurement {
  /** What was run, e.g. `ogr2ogr -f GPKG`. */
  label: string;
  /** How the numbers were taken when not "one process, start to end", e.g. "median of 10 warm runs, in-process". */
  note?: string;
}

export interface ResultRow {
  id: string;
  title: string;
  ours: Side;
  gdal: Side | null;
  /** The goals this row is held to, and whether this run met them. */
  goals?: Goal[];
  /** Checks and counts that show both sides did the same work (feature counts, area sums, means …). */
  details?: Record<string, unknown>;
}

export interface BenchContext {
  data: BenchData;
  /** Process runs per measurement (median wall/CPU, largest RSS). */
  runs: number;
  quick: boolean;
  /**
   * Runs this benchmark's child (`child(options)` in a fresh Node process, the suite bundle) under the measurer,
   * returning the process measurement and the JSON the child printed.
   */
  child<T>(id: string, options: Record<string, unknown>, runs?: number): ProcessRun & { result: T };
}

export interface Benchmark {
  id: string;
  title: string;
  /** Measures our side (through ctx.child) and the GDAL twin, in the same run. */
  run(ctx: BenchContext): ResultRow[];
  /** Our side's work, in the child process; returns what the parent reports (JSON-serialisable). */
  child(options: Record<string, unknown>, data: BenchData): Promise<unknown>;
}

/** A side from a process measurement. */
export function side(label: string, m: Measurement, note?: string): Side {
  return { label, wallMs: m.wallMs, cpuMs: m.cpuMs, peakRssMiB: m.peakRssMiB, runs: m.runs, ...(note ? { note } : {}) };
}
