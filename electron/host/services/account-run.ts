/**
 * The app's accounting run: one stored red line against a layer of the open project, computed in a worker by the
 * same `runAccount` the `vep account` command calls, then recorded in the project (the run, its result document and
 * one row per clipped land-class piece, as a spatial layer GDAL and QGIS open). A cancelled or failed run is recorded
 * as such and leaves earlier runs untouched.
 */
import { checkParameterSetShape, InputError, isCancelled, type AccountResult, type ModeChoice, type Progress, type ServiceId } from '#core';
import type { ProjectStore } from '../store/project-store';
import type { ResultPiece } from '../store/runs';
import { runWorkerJob } from '../worker-job';
import type { AccountJob, AccountOutcome } from './account';
import type { ModelRasterFiles } from './model-rasters';

export interface ProjectAccountRequest {
  redLineId: number;
  /** Default: the project's first polygon layer. */
  layerId?: string;
  /** A stored parameter set; default the built-in set. */
  parameterSetId?: number | null;
  bufferM: number;
  modes?: ModeChoice | Partial<Record<ServiceId, ModeChoice>>;
  rasters?: ModelRasterFiles;
  areaBasis?: 'ellipsoidal' | 'tbmj';
}

export interface ProjectAccountRun {
  runId: number;
  result: AccountResult;
}

/**
 * @throws InputError RECORD_NOT_FOUND (red line, layer or set), LAYER_NOT_POLYGONAL, and the accounting's own errors;
 *   CancelledError when `signal` aborts.
 */
export async function accountProjectRedline(store: ProjectStore, request: ProjectAccountRequest, onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<ProjectAccountRun> {
  const redLine = store.redLines.get(request.redLineId);
  const layerId = request.layerId ?? firstPolygonLayer(store);
  const stored = request.parameterSetId == null ? null : store.parameterSets.get(request.parameterSetId);
  const job: AccountJob = {
    parcels: { kind: 'layer', project: store.path, layerId },
    redline: { kind: 'geometry', geometry: redLine.geometry, crs: redLine.crs, name: redLine.name },
    bufferM: request.bufferM,
    params: stored ? { set: checkParameterSetShape(stored.json, stored.name), id: `project:${stored.id}:${stored.name}` } : undefined,
    modes: request.modes,
    rasters: request.rasters,
    areaBasis: request.areaBasis,
  };
  const runId = store.runs.start({
    kind: 'account',
    redLineId: redLine.id,
    parameterSetId: stored?.id ?? null,
    parameterSetSha256: stored?.sha256 ?? null,
    options: { layerId, bufferM: request.bufferM, modes: request.modes ?? 'auto', rasters: request.rasters ?? null, areaBasis: request.areaBasis ?? 'ellipsoidal' },
    provenance: null,
  });
  try {
    const outcome = await runWorkerJob<AccountJob, AccountOutcome>('account', job, onProgress, signal);
    store.runs.finish(runId, { summary: outcome.result, pieces: resultPieces(outcome, layerId), crs: outcome.crs });
    return { runId, result: outcome.result };
  } catch (e) {
    store.runs.fail(runId, isCancelled(e) ? 'cancelled' : 'failed', e);
    throw e;
  }
}

function firstPolygonLayer(store: ProjectStore): string {
  const layer = store.layers.list().find((l) => l.geometryType === 'Polygon' || l.geometryType === 'MultiPolygon');
  if (!layer) throw new InputError('RECORD_NOT_FOUND', { kind: 'polygon layer / 面图层', id: '-' });
  return layer.id;
}

/** One stored row per land-class piece: the piece's geometry with that class's area, quantities and value. */
function* resultPieces(outcome: AccountOutcome, layerId: string): Iterable<ResultPiece> {
  const rows = new Map(outcome.result.parcels.map((r) => [`${r.id}|${r.zone}|${r.dlbm}`, r]));
  for (const piece of outcome.pieces) {
    const fid = outcome.parcels[piece.parcelIndex]?.id;
    for (const c of piece.classes) {
      const row = rows.get(`${piece.parcelId}|${piece.zone}|${c.dlbm}`);
      yield {
        geometry: piece.geometry,
        zone: piece.zone,
        parcelLayer: layerId,
        parcelFid: typeof fid === 'number' ? fid : null,
        dlbm: c.dlbm,
        dlmc: row?.dlmc ?? null,
        areaM2: c.areaM2,
        services: row ? Object.fromEntries(Object.entries(row.services).map(([k, s]) => [k, { quantity: s.quantity, value: s.value }])) : {},
        valueYuan: row?.value ?? null,
        unitValue: row?.unitValue ?? null,
      };
    }
  }
}
