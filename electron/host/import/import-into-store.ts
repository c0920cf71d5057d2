/**
 * The import loop: a source's records into a new layer of an open project, in batches, with progress and cancel.
 * A cancelled or failed import aborts the layer writer, which leaves the project as it was (layer-writer.ts).
 */
import { CancelledError, InputError, isCancelled, reconcileCrsWithExtent, type TaskContext } from '#core';
import type { ProjectStore } from '../store/project-store';
import { TileService } from '../tiles/tile-service';
import { areaFunctionFor } from './area-of';
import type { ImportOptions, ImportSource } from './import-types';

/** Rows between checks of the cancel flag and between progress events. */
const CHECK_EVERY = 1000;

/**
 * Streams `source` into a new layer of `store`.
 * @returns the new layer's id.
 * @throws CancelledError when `ctx.signal` is aborted; InputError from the reader or the writer (IMPORT_NO_CRS,
 *   IMPORT_MIXED_GEOMETRY, CRS_ZONES_MIXED, …); InputError IMPORT_FAILED for anything else (e.g. a full disk).
 */
export function importIntoStore(store: ProjectStore, source: ImportSource, options: ImportOptions, ctx: TaskContext = {}): string {
  const file = source.files[0]?.path ?? source.title;
  const declared = options.crs ?? source.info.crs;
  if (source.info.geometryType && !declared) throw new InputError('IMPORT_NO_CRS', { file });
  // The coordinates have the last word on the Gauss-Kruger zone (a .prj saying zone 39 over zone-40 eastings).
  const crs = declared ? reconcileCrsWithExtent(declared, source.info.extent, file).crs : null;
  const writer = store.layers.beginLayer({
    title: options.title ?? source.title,
    geometryType: source.info.geometryType,
    crs,
    fields: source.info.fields,
    source: { files: source.files, format: source.info.format, encoding: source.info.encoding?.name ?? null, schema: source.info.schema },
    areaM2: source.info.geometryType === 'Polygon' || source.info.geometryType === 'MultiPolygon' ? areaFunctionFor(crs) : undefined,
    batchSize: options.batchSize,
  });
  const total = source.info.featureCount;
  const tick = (): void => {
    if (writer.count % CHECK_EVERY !== 0) return;
    if (ctx.signal?.aborted) throw new CancelledError();
    ctx.onProgress?.({ phase: 'import', done: writer.count, total });
  };
  let id: string;
  try {
    ctx.onProgress?.({ phase: 'import', done: 0, total });
    if (source.records) {
      for (const r of source.records()) {
        writer.addRecord(r.geometry, r.values);
        tick();
      }
    } else {
      for (const f of source.features()) {
        writer.add(f);
        tick();
      }
    }
    if (ctx.signal?.aborted) throw new CancelledError();
    ctx.onProgress?.({ phase: 'publish', done: writer.count, total: writer.count });
    id = writer.finish();
  } catch (e) {
    writer.abort();
    if (e instanceof InputError || isCancelled(e)) throw e;
    throw new InputError('IMPORT_FAILED', { file, reason: e instanceof Error ? e.message : String(e) });
  }
  // The layer is in. What opening it needs from every parcel — the tile overview and the legend's land-class counts —
  // is made here, off the app's main thread, so the first open of a county layer reads it instead of computing it;
  // failing that (a full disk), it is computed when the layer is first viewed.
  ctx.onProgress?.({ phase: 'overview', done: 0, total: 1 });
  try {
    prepareLayerViews(store, id);
  } catch (e) {
    console.error(`vep import: the tile overview or class counts of ${id} were not kept; they will be made when the layer is first viewed:`, e);
  }
  return id;
}

/** Fills the layer cache as the workspace will ask it: the overview for tiles, DLBM counts labelled by DLMC for the legend. */
function prepareLayerViews(store: ProjectStore, id: string): void {
  new TileService(store).prepareOverview(id);
  const field = (name: string) => store.layers.info(id).fields.find((f) => f.name.toUpperCase() === name)?.name;
  const dlbm = field('DLBM');
  if (dlbm) store.layers.classes(id, dlbm, field('DLMC'));
}
