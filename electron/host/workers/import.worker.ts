/** Worker entry for imports: runs one ImportJob (import/run-import.ts) and reports progress, the layer or the error. */
import type { ImportJob } from '../import/import-messages';
import { runImport } from '../import/run-import';
import { serveWorkerJob } from '../worker-job';

void serveWorkerJob((job: ImportJob, ctx) => runImport(job.projectPath, job.sourceFiles, job.options, ctx));
