/** The messages between the import driver (import-layer.ts) and the import worker (workers/import.worker.ts). */
import type { ErrorShape, Progress } from '#core';
import type { LayerInfo } from '../store/store-types';
import type { ImportOptions } from './import-types';

export interface ImportJob {
  projectPath: string;
  sourceFiles: string[];
  options: ImportOptions;
  /**
   * One Int32 the driver sets to 1 to cancel. The worker's import loop is synchronous (SQLite and file reads), so it
   * cannot receive a message mid-import; it polls this shared flag instead.
   */
  cancelFlag: SharedArrayBuffer;
}

export type ImportWorkerMessage =
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; layer: LayerInfo }
  | { type: 'error'; error: ErrorShape };
