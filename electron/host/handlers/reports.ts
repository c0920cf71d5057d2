/**
 * The `reports:` calls: a stored run written as the files `vep account --out` writes, a layer or the red lines as
 * data, the current view as a map, and the batch workbook of the project's red lines. Each runs as a job; targets
 * are checked at the boundary (absolute, a known extension — reports.schemas.ts — and never the open project).
 */
import { InputError } from '#core';
import type { ReportsCalls } from '../contract/reports';
import { exportLayers } from '../exports/export-vector';
import { redLinesExport, storeLayerExport } from '../exports/export-sources';
import { writeAccountOutput } from '../reports/account-output';
import { accountBatch, writeBatchWorkbook, type BatchItem } from '../reports/batch-account';
import { exportMap } from '../reports/map/export-map';
import { runParameterSet, storedRunOutput } from '../reports/run-output';
import { checkSaveTarget } from '../reports/save-target';
import { viewMapData } from '../reports/view-map';
import { accountProjectRedline } from '../services/account-run';
import type { Handlers, HostContext } from './context';
import { requireStore } from './require-store';

export function reportsHandlers(ctx: HostContext): Handlers<ReportsCalls> {
  return {
    'reports:run': async ({ jobId, runId, path: target, lang }) => {
      const store = requireStore(ctx);
      const file = checkSaveTarget(target, store.path);
      return ctx.jobs.run(jobId, async ({ onProgress }) => {
        onProgress?.({ phase: 'report', done: 0, total: 1 });
        const files = await writeAccountOutput(file, storedRunOutput(store, runId, lang));
        onProgress?.({ phase: 'report', done: 1, total: 1 });
        return { files };
      });
    },
    'reports:layer': async ({ jobId, source, path: target, encoding }) => {
      const store = requireStore(ctx);
      const file = checkSaveTarget(target, store.path);
      const layer = source.kind === 'layer' ? storeLayerExport(store, source.layerId) : redLinesExport(store, source.ids);
      return ctx.jobs.run(jobId, async () => {
        const result = await exportLayers(file, [layer], { encoding });
        return { files: result.files, featureCount: result.layers[0]?.featureCount ?? 0 };
      });
    },
    'reports:map': async ({ jobId, path: target, view, dpi, lang, title, runId, redLineId, layerId }) => {
      const store = requireStore(ctx);
      const file = checkSaveTarget(target, store.path);
      return ctx.jobs.run(jobId, async ({ onProgress }) => {
        onProgress?.({ phase: 'map', done: 0, total: 1 });
        const { data, extent } = viewMapData(store, view, { runId, redLineId, layerId }, lang);
        const r = await exportMap(file, {
          data, lang, dpi, title: title ?? store.info().name,
          layout: { kind: 'view', extent, widthPx: view.widthPx, heightPx: view.heightPx },
        });
        onProgress?.({ phase: 'map', done: 1, total: 1 });
        return { files: [r.file], widthPx: r.widthPx, heightPx: r.heightPx, scaleDenominator: r.scaleDenominator };
      });
    },
    'reports:batch': async ({ jobId, path: target, lang, redLineIds, layerId, parameterSetId, bufferM, mode }) => {
      const store = requireStore(ctx);
      const file = checkSaveTarget(target, store.path);
      const redLines = redLineIds ? redLineIds.map((id) => store.redLines.get(id)) : store.redLines.list();
      if (redLines.length === 0) throw new InputError('BATCH_EMPTY', {});
      return ctx.jobs.run(jobId, async ({ onProgress, signal }) => {
        // Each red line is an ordinary stored run, so its own report can be written later from the results list.
        const items: BatchItem<number>[] = redLines.map((r) => ({
          name: r.name,
          account: async (s) => {
            const run = await accountProjectRedline(store, { redLineId: r.id, layerId, parameterSetId, bufferM, modes: mode }, undefined, s);
            return { result: run.result, params: runParameterSet(store, store.runs.get(run.runId)), kept: run.runId };
          },
        }));
        const { entries } = await accountBatch(items, lang, onProgress, signal);
        await writeBatchWorkbook(file, entries, lang);
        ctx.emit({ type: 'project-changed', path: store.path });
        return {
          files: [file],
          entries: entries.map((e, i) => ({ redLineId: redLines[i].id, name: e.name, runId: e.kept, error: e.result ? null : (e.error ?? null) })),
        };
      });
    },
  };
}
