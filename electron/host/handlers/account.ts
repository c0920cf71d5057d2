/**
 * The `account:` and `params:` calls. The accounting runs through the host's account service — the code path of
 * `vep account` — as a cancellable job; runs and parameter sets are read from and written to the project store.
 */
import { DEFAULT_PARAMETER_SET, InputError, checkParameterSetShape, validateParameterSet } from '#core';
import type { AccountCalls, AccountResult, ParameterSetView, RunView } from '../contract/account';
import type { ParameterSetSummary } from '../store/parameter-sets';
import type { Run } from '../store/runs';
import { accountProjectRedline } from '../services/account-run';
import type { Handlers, HostContext } from './context';
import { plainDetails } from './red-line-geometry';
import { requireStore } from './require-store';

function runView(r: Run): RunView {
  return { id: r.id, status: r.status, startedAt: r.startedAt, finishedAt: r.finishedAt, redLineId: r.redLineId, parameterSetId: r.parameterSetId, pieceCount: r.pieceCount };
}

function setView(s: ParameterSetSummary): ParameterSetView {
  return { id: s.id, name: s.name, sha256: s.sha256, builtin: s.builtin, updatedAt: s.updatedAt };
}

export function accountHandlers(ctx: HostContext): Handlers<AccountCalls> {
  return {
    'account:run': async ({ jobId, redLineId, layerId, parameterSetId, bufferM, mode, rasters }) => {
      const store = requireStore(ctx);
      // The form binds a DEM like the service rasters; the engine derives LS from it.
      const { dem, ...files } = rasters ?? {};
      const request = { redLineId, layerId, parameterSetId, bufferM, modes: mode, rasters: rasters ? { files, dem } : undefined };
      return ctx.jobs.run(jobId, ({ signal, onProgress }) => accountProjectRedline(store, request, onProgress, signal));
    },
    'account:runs': async () => requireStore(ctx).runs.list().map(runView),
    'account:result': async ({ runId }) => {
      const run = requireStore(ctx).runs.get(runId);
      if (run.summary === null) throw new InputError('RECORD_NOT_FOUND', { kind: 'run result / 核算结果', id: runId });
      return run.summary as AccountResult;
    },
    'params:list': async () => requireStore(ctx).parameterSets.list().map(setView),
    'params:get': async ({ id }) => {
      const set = requireStore(ctx).parameterSets.get(id);
      return { ...setView(set), json: set.json };
    },
    'params:builtin': async () => DEFAULT_PARAMETER_SET,
    'params:save': async ({ id, name, json }) => {
      const sets = requireStore(ctx).parameterSets;
      return setView(id === undefined ? sets.create({ name, json }) : sets.update(id, { name, json }));
    },
    'params:delete': async ({ id }) => {
      requireStore(ctx).parameterSets.delete(id);
    },
    'params:validate': async ({ json }) => {
      // The shape first (a set that is not a parameter set at all is one finding), then core's content checks.
      let set;
      try {
        set = checkParameterSetShape(json, 'parameters');
      } catch (e) {
        const shape = e as InputError;
        return [{ code: shape.code, path: '', details: plainDetails(shape.details), severity: 'error' as const }];
      }
      return validateParameterSet(set).map((i) => ({ code: i.code, path: i.path, details: plainDetails(i.details), severity: i.severity === 'error' ? ('error' as const) : ('warning' as const) }));
    },
  };
}
