/**
 * The `account:` and `params:` calls. The accounting runs through the host's account service — the code path of
 * `vep account` — as a cancellable job; runs and parameter sets are read from and written to the project store.
 */
import { InputError } from '#core';
import type { AccountCalls, AccountResult, ParameterSetView, RunView } from '../contract/account';
import type { ParameterSetSummary } from '../store/parameter-sets';
import type { Run } from '../store/runs';
import type { Handlers, HostContext } from './context';
import { requireStore } from './require-store';

function runView(r: Run): RunView {
  return { id: r.id, status: r.status, startedAt: r.startedAt, finishedAt: r.finishedAt, redLineId: r.redLineId, parameterSetId: r.parameterSetId, pieceCount: r.pieceCount };
}

function setView(s: ParameterSetSummary): ParameterSetView {
  return { id: s.id, name: s.name, sha256: s.sha256, builtin: s.builtin, updatedAt: s.updatedAt };
}

export function accountHandlers(ctx: HostContext): Handlers<AccountCalls> {
  return {
    'account:run': async (request) => {
      requireStore(ctx);
      void request;
      throw new InputError('SERVICE_NOT_READY', { what: 'accounting run / 核算' });
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
    'params:builtin': async () => {
      throw new InputError('SERVICE_NOT_READY', { what: 'built-in parameter set / 内置参数集' });
    },
    'params:save': async ({ id, name, json }) => {
      const sets = requireStore(ctx).parameterSets;
      return setView(id === undefined ? sets.create({ name, json }) : sets.update(id, { name, json }));
    },
    'params:delete': async ({ id }) => {
      requireStore(ctx).parameterSets.delete(id);
    },
    'params:validate': async ({ json }) => {
      void json;
      throw new InputError('SERVICE_NOT_READY', { what: 'parameter validation / 参数检查' });
    },
  };
}
