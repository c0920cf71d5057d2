/**
 * `importLayer`: the host function the app and the `vep import` command both call. It runs the import in a
 * worker thread (workers/import.worker.ts), so the caller's event loop — the app's UI requests, tile serving —
 * stays free while a 300k-parcel layer streams in.
 */
import type { Progress } from '#core';
import type { LayerInfo } from '../store/store-types';
import { runWorkerJob } from '../worker-job';
import type { ImportJob } from './import-messages';
import type { ImportOptions } from './import-types';

/**
 * Imports a vector file as a new layer of a project.
 * @param projectPath the project (.vep.gpkg); created first when `options.createProject` and it does not exist.
 * @param sourceFiles the source file (.shp, .zip, .geojson, .kml, .txt, .gpkg) first.
 * @param onProgress phases "open", "import" (done/total features), "publish".
 * @param signal aborting it cancels the import; the project is then left as it was.
 * @returns the new layer.
 * @throws (rejects with) InputError for bad input (JOB_OUT_OF_MEMORY past the worker's heap limit), CancelledError
 *   when cancelled, BugError when the worker dies.
 */
export function importLayer(
  projectPath: string,
  sourceFiles: readonly string[],
  options: ImportOptions = {},
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<LayerInfo> {
  return runWorkerJob<ImportJob, LayerInfo>('import', { projectPath, sourceFiles: [...sourceFiles], options }, onProgress, signal);
}
