/** What the import driver (import-layer.ts) hands the import worker (workers/import.worker.ts). */
import type { ImportOptions } from './import-types';

export interface ImportJob {
  projectPath: string;
  sourceFiles: string[];
  options: ImportOptions;
}
