/**
 * `importLayer`: the host function the app and the `vep import` command both call. It runs the import in a
 * worker thread (workers/import.worker.ts), so the caller's event loop — the app's UI requests, tile serving —
 * stays free while a 300k-parcel layer streams in.
 */
import { Worker } from 'node:worker_threads';
import { BugError, CancelledError, fromErrorShape, type Progress } from '#core';
import type { LayerInfo } from '../store/store-types';
import { workerEntry } from '../worker-url';
import type { ImportJob, ImportWorkerMessage } from './import-messages';
import type { ImportOptions } from './import-types';

/**
 * Imports a vector file as a new layer of a project.
 * @param projectPath the project (.vep.gpkg); created first when `options.createProject` and it does not exist.
 * @param sourceFiles the source file (.shp, .zip, .geojson, .kml, .txt, .gpkg) first.
 * @param onProgress phases "open", "import" (done/total features), "publish".
 * @param signal aborting it cancels the import; the project is then left as it was.
 * @returns the new layer.
 * @throws (rejects with) InputError for bad input, CancelledError when cancelled, BugError when the worker dies.
 */
export function importLayer(
  projectPath: string,
  sourceFiles: readonly string[],
  options: ImportOptions = {},
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<LayerInfo> {
  if (signal?.aborted) return Promise.reject(new CancelledError());
  const cancelFlag = new SharedArrayBuffer(4);
  const job: ImportJob = { projectPath, sourceFiles: [...sourceFiles], options, cancelFlag };
  const entry = workerEntry('import');
  return new Promise<LayerInfo>((resolve, reject) => {
    const worker = new Worker(entry.url, { workerData: job, execArgv: entry.execArgv, argv: entry.argv });
    const onAbort = (): void => {
      Atomics.store(new Int32Array(cancelFlag), 0, 1);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    let settled = false;
    const settle = (f: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      f();
    };
    worker.on('message', (m: ImportWorkerMessage) => {
      if (m.type === 'progress') onProgress?.(m.progress);
      else if (m.type === 'done') settle(() => resolve(m.layer));
      else settle(() => reject(fromErrorShape(m.error)));
    });
    worker.on('error', (e) => settle(() => reject(new BugError(`import worker failed: ${e.message}`))));
    worker.on('exit', (code) => settle(() => reject(new BugError(`import worker exited with code ${code} before finishing`))));
  });
}
