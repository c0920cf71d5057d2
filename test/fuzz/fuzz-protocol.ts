/** Messages between the fuzz runner (test process) and the fuzz worker. */

export interface FuzzJob {
  target: string;
  seed: number;
  /** Cases start … end − 1. */
  start: number;
  end: number;
  /** Int32 [case being run, 1 while running]: read by the runner's watchdog. */
  progress: SharedArrayBuffer;
  allocationLimitBytes: number;
  caseAllocationLimitBytes: number;
  maxFailures: number;
  /** Send failing inputs back (for VEP_FUZZ_DUMP). */
  keepInputs: boolean;
  /** Given inputs (regression cases) instead of generated ones: case i is inputs[i]. */
  inputs?: { name: string; files: Record<string, Uint8Array> }[];
}

export interface FuzzCaseFailure {
  caseIndex: number;
  seedName: string;
  /** Which files of the seed were mutated. */
  mutated: string[];
  error: string;
  input?: Record<string, Uint8Array>;
}

export type WorkerMessage =
  | { type: 'case'; caseIndex: number; outcome: string; failure?: FuzzCaseFailure }
  | { type: 'done' };
