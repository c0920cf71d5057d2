/**
 * The `account:` and `params:` domains: running the accounting of a red line as a cancellable job (the same host
 * service the `vep account` command calls), past runs, and the project's parameter sets.
 */
import type { Call } from './call';

// The `vep account --json` document (docs/design/cli.md) with core's breakdowns.
import type { AccountResult } from '#core';
export type { AccountResult };

export type ServiceModeChoice = 'auto' | 'model' | 'coefficient';

export interface AccountRunRequest {
  jobId: string;
  redLineId: number;
  /** The parcel layer to clip (default: the project's first polygon layer). */
  layerId?: string;
  /** A stored parameter set; default: the built-in set. */
  parameterSetId?: number | null;
  bufferM: number;
  /** One choice for every service (the form's mode switch), or per service. */
  mode: ServiceModeChoice;
  /** Raster id (e.g. `dem`, `rainfall`) → GeoTIFF path, for model mode. */
  rasters?: Record<string, string>;
}

export interface RunView {
  id: number;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  redLineId: number | null;
  parameterSetId: number | null;
  pieceCount: number;
}

export interface ParameterSetView {
  id: number;
  name: string;
  sha256: string;
  builtin: boolean;
  updatedAt: string;
}

export interface ParamIssueView {
  code: string;
  path: string;
  details: Record<string, string | number>;
  severity: 'error' | 'warning';
}

export interface AccountCalls {
  'account:run': Call<AccountRunRequest, { runId: number; result: AccountResult }>;
  'account:runs': Call<void, RunView[]>;
  'account:result': Call<{ runId: number }, AccountResult>;
  'params:list': Call<void, ParameterSetView[]>;
  'params:get': Call<{ id: number }, ParameterSetView & { json: unknown }>;
  'params:builtin': Call<void, unknown>;
  'params:save': Call<{ id?: number; name: string; json: unknown }, ParameterSetView>;
  'params:delete': Call<{ id: number }, void>;
  'params:validate': Call<{ json: unknown }, ParamIssueView[]>;
}

export const ACCOUNT_CHANNELS = [
  'account:run', 'account:runs', 'account:result',
  'params:list', 'params:get', 'params:builtin', 'params:save', 'params:delete', 'params:validate',
] as const satisfies readonly (keyof AccountCalls)[];
