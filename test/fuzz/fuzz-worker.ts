/**
 * The fuzz worker: makes cases `start … end − 1` of one target and reads each through, reporting how it ended.
 * The case being run is kept in shared memory so the test process can tell a hang (and which case hung) and
 * terminate this worker; the allocation guard refuses requests a small damaged file cannot justify.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { allocations, endCase, installAllocationGuard, startCase } from './alloc-guard';
import type { FuzzJob, FuzzCaseFailure, WorkerMessage } from './fuzz-protocol';

installAllocationGuard();
const job = workerData as FuzzJob;
const { TARGETS } = await import('./fuzz-targets');
const { isMessageCode } = await import('#core');
const { makeCase } = await import('./make-case');

const target = TARGETS[job.target];
const seeds = job.inputs ? [] : target.seeds();
const progress = new Int32Array(job.progress);
let failures = 0;
const post = (m: WorkerMessage): void => parentPort?.postMessage(m);

for (let i = job.start; i < job.end; i++) {
  const given = job.inputs?.[i];
  const input = given ? { seedName: given.name, files: given.files, mutated: [] } : makeCase(seeds, target.dictionary, job.seed, job.target, i);
  Atomics.store(progress, 0, i);
  Atomics.store(progress, 1, 1);
  let outcome: string;
  let failure: string | null = null;
  startCase(job.allocationLimitBytes, job.caseAllocationLimitBytes);
  try {
    await target.parse(input.files, input.seedName);
    outcome = 'data';
  } catch (e) {
    const err = e as { name?: unknown; code?: unknown; message?: unknown; stack?: unknown };
    if (err?.code === 'CANCELLED' || (err?.name === 'InputError' && typeof err.code === 'string' && isMessageCode(err.code))) outcome = err.code as string;
    else {
      outcome = 'failure';
      failure = `${String(err?.name ?? typeof e)}: ${String(err?.message ?? e)}\n${String(err?.stack ?? '').split('\n').slice(1, 8).join('\n')}`;
    }
  } finally {
    endCase();
  }
  if (allocations.refused && outcome !== 'failure') {
    // A reader that caught the refusal and turned it into an InputError still asked for the memory first.
    failure = `unbounded allocation (ended as ${outcome}): ${allocations.refused}`;
    outcome = 'failure';
  }
  Atomics.store(progress, 1, 0);
  const caseFailure: FuzzCaseFailure | undefined = failure
    ? { caseIndex: i, seedName: input.seedName, mutated: input.mutated, error: failure, input: job.keepInputs ? input.files : undefined }
    : undefined;
  post({ type: 'case', caseIndex: i, outcome, failure: caseFailure });
  if (caseFailure && ++failures >= job.maxFailures) break;
}
post({ type: 'done' });
