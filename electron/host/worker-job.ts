/**
 * One long task in a worker thread, so the caller's event loop (the app's UI requests, tile serving) stays free:
 * the driver side `runWorkerJob` and the worker side `serveWorkerJob`. Work inside a worker is synchronous (SQLite,
 * file reads, geometry), so it cannot receive a cancel message mid-task; it polls a shared flag instead.
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { BugError, CancelledError, fromErrorShape, InputError, toErrorShape, type ErrorShape, type Progress, type TaskContext } from '#core';
import { workerEntry } from './worker-url';

type WorkerMessage<R> = { type: 'progress'; progress: Progress } | { type: 'done'; result: R } | { type: 'error'; error: ErrorShape };

interface WorkerEnvelope<J> {
  job: J;
  /** One Int32 the driver sets to 1 to cancel. */
  cancelFlag: SharedArrayBuffer;
}

/** Heap limit of a job's worker, MB: a runaway job ends its own thread, never the app. */
export const DEFAULT_WORKER_HEAP_MB = 8192;

/** How long a cancelled job may take to notice its flag before its worker is terminated, ms. */
export const CANCEL_GRACE_MS = 10_000;

/** The heap limit: VEP_WORKER_MAX_HEAP_MB (for machines with little memory) or the default. */
export function workerHeapLimitMb(): number {
  const mb = Number(process.env.VEP_WORKER_MAX_HEAP_MB);
  return Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_WORKER_HEAP_MB;
}

/**
 * Runs `job` in workers/<name>.worker.ts, with its heap bounded by {@link workerHeapLimitMb}.
 * @returns the worker's result; rejects with the worker's typed error; CancelledError when `signal` aborts (the
 *   worker is terminated if it has not stopped {@link CANCEL_GRACE_MS} later); InputError JOB_OUT_OF_MEMORY when the
 *   worker runs out of its heap; BugError when it dies otherwise — the caller's process carries on either way.
 */
export function runWorkerJob<J, R>(name: string, job: J, onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<R> {
  if (signal?.aborted) return Promise.reject(new CancelledError());
  const cancelFlag = new SharedArrayBuffer(4);
  const entry = workerEntry(name);
  return new Promise<R>((resolve, reject) => {
    const limitMb = workerHeapLimitMb();
    const worker = new Worker(entry.url, {
      workerData: { job, cancelFlag } satisfies WorkerEnvelope<J>, execArgv: entry.execArgv, argv: entry.argv, resourceLimits: { maxOldGenerationSizeMb: limitMb },
    });
    let grace: ReturnType<typeof setTimeout> | undefined;
    const onAbort = (): void => {
      Atomics.store(new Int32Array(cancelFlag), 0, 1);
      // A step that never polls the flag must not hold the job open: end the thread. Accounting only reads the project;
      // an import writes in transactions into a staging table no reader sees, so the project stays as it was (the
      // staging table is dropped by a later import once this process has gone).
      grace = setTimeout(() => settle(() => {
        reject(new CancelledError());
        void worker.terminate();
      }), CANCEL_GRACE_MS);
      grace.unref();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    let settled = false;
    const settle = (f: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(grace);
      signal?.removeEventListener('abort', onAbort);
      f();
    };
    worker.on('message', (m: WorkerMessage<R>) => {
      if (m.type === 'progress') onProgress?.(m.progress);
      else if (m.type === 'done') settle(() => resolve(m.result));
      else settle(() => reject(fromErrorShape(m.error)));
    });
    worker.on('error', (e: Error & { code?: string }) => settle(() => {
      reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new InputError('JOB_OUT_OF_MEMORY', { job: name, limitMb }) : new BugError(`${name} worker failed: ${e.message}`));
    }));
    worker.on('exit', (code) => settle(() => reject(new BugError(`${name} worker exited with code ${code} before finishing`))));
  });
}

/** The worker side: runs the job passed in workerData and reports progress, the result or the error. */
export async function serveWorkerJob<J, R>(run: (job: J, ctx: TaskContext) => R | Promise<R>): Promise<void> {
  const { job, cancelFlag } = workerData as WorkerEnvelope<J>;
  const flag = new Int32Array(cancelFlag);
  const post = (m: WorkerMessage<R>): void => parentPort!.postMessage(m);
  const signal = {
    get aborted(): boolean {
      return Atomics.load(flag, 0) !== 0;
    },
  };
  try {
    post({ type: 'done', result: await run(job, { signal, onProgress: (progress) => post({ type: 'progress', progress }) }) });
  } catch (e) {
    post({ type: 'error', error: toErrorShape(e) });
  }
}
