/** Worker entry for imports: runs one ImportJob (import/run-import.ts) and reports progress, the layer or the error. */
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorShape } from '#core';
import type { ImportJob, ImportWorkerMessage } from '../import/import-messages';
import { runImport } from '../import/run-import';

const job = workerData as ImportJob;
const cancel = new Int32Array(job.cancelFlag);
const post = (m: ImportWorkerMessage): void => parentPort!.postMessage(m);
const signal = {
  get aborted(): boolean {
    return Atomics.load(cancel, 0) !== 0;
  },
};

try {
  const layer = runImport(job.projectPath, job.sourceFiles, job.options, { signal, onProgress: (progress) => post({ type: 'progress', progress }) });
  post({ type: 'done', layer });
} catch (e) {
  post({ type: 'error', error: toErrorShape(e) });
}
