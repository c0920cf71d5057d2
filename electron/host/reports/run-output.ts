/**
 * A stored accounting run as the input of the report writers (account-output.ts): the result document, the clipped
 * pieces with their geometry, the red line, the impact ring, the parameter set and the names — everything the files
 * of `vep account --out` are made of, rebuilt from the project so the app writes the same files the CLI does.
 */
import { checkParameterSetShape, DEFAULT_PARAMETER_SET, impactRing, InputError, type AccountResult, type Lang, type ParameterSet, type PolygonalGeometry, type PropertyValue } from '#core';
import type { ProjectStore } from '../store/project-store';
import type { Run } from '../store/runs';
import type { AccountOutputInput, OutputPiece } from './account-output';

/** What the run's options say about how it was made (services/account-run.ts stores them). */
interface StoredRunOptions {
  layerId?: string;
  bufferM?: number;
}

/**
 * The output input of run `runId` of the open project.
 * @throws InputError RECORD_NOT_FOUND (run), RUN_NOT_SUCCEEDED (a run without a result)
 */
export function storedRunOutput(store: ProjectStore, runId: number, lang: Lang): AccountOutputInput {
  const run = store.runs.get(runId);
  if (run.status !== 'succeeded' || run.summary === null) throw new InputError('RUN_NOT_SUCCEEDED', { id: runId, status: run.status });
  const result = run.summary as AccountResult;
  const options = (run.options ?? {}) as StoredRunOptions;
  const crs = store.info().crs;
  const redLine = run.redLineId === null ? null : findRedLine(store, run.redLineId);
  const bufferM = typeof options.bufferM === 'number' ? options.bufferM : null;
  // The ring is not stored with the run: it is the buffer of the red line, recomputed as the accounting made it.
  const ring = redLine && crs && bufferM !== null && bufferM > 0 ? impactRing(redLine.geometry, bufferM, crs) : null;
  return {
    result,
    crs,
    redline: redLine?.geometry ?? null,
    ring,
    pieces: runPieces(store, runId, options.layerId ?? null),
    redLineName: redLine?.name ?? `run ${runId}`,
    params: runParameterSet(store, run),
    lang,
    bufferM,
  };
}

function findRedLine(store: ProjectStore, id: number): { name: string; geometry: PolygonalGeometry } | null {
  try {
    return store.redLines.get(id);
  } catch {
    // The red line was deleted after the run: the report still has the result, without the outline.
    return null;
  }
}

/**
 * The stored pieces, each named by its parcel's id as the result rows name it: the 标识码 (BSM) when the parcel
 * layer has one (services/account.ts names parcels so), else the feature id — so the GeoPackage writer can give each
 * result row its piece's geometry.
 */
function runPieces(store: ProjectStore, runId: number, layerId: string | null): OutputPiece[] {
  const bsm = layerId !== null ? bsmField(store, layerId) : null;
  const ids = new Map<number, string | number>();
  const parcelId = (fid: number | null, layer: string | null): string | number => {
    if (fid === null) return '';
    if (bsm === null || layer === null) return fid;
    let v = ids.get(fid);
    if (v === undefined) {
      const value: PropertyValue = store.layers.feature(layer, fid).properties[bsm] ?? null;
      v = typeof value === 'string' || typeof value === 'number' ? value : fid;
      ids.set(fid, v);
    }
    return v;
  };
  return store.runs.pieces(runId).map((p) => ({ parcelId: parcelId(p.parcelFid, p.parcelLayer), zone: p.zone, geometry: p.geometry, dlbm: p.dlbm ?? '' }));
}

function bsmField(store: ProjectStore, layerId: string): string | null {
  try {
    return store.layers.fields(layerId).map((f) => f.name).find((n) => n.toUpperCase() === 'BSM') ?? null;
  } catch {
    return null;
  }
}

/** The run's parameter set: the stored set if it still has the hash the run used, the built-in set, or null. */
export function runParameterSet(store: ProjectStore, run: Run): ParameterSet | null {
  if (run.parameterSetId === null) return DEFAULT_PARAMETER_SET;
  try {
    const set = store.parameterSets.get(run.parameterSetId);
    // A set edited since the run is not the one the numbers came from: the report then lists what the result carries.
    return set.sha256 === run.parameterSetSha256 ? checkParameterSetShape(set.json, set.name) : null;
  } catch {
    return null;
  }
}
