import { z } from 'zod';
import { filePath, jobId, none, storeId } from './common-schemas';

const id = z.number().int().positive();

export const ACCOUNT_SCHEMAS = {
  'account:run': z.object({
    jobId,
    redLineId: id,
    layerId: storeId.optional(),
    parameterSetId: id.nullable().optional(),
    bufferM: z.number().min(0).max(50_000),
    mode: z.enum(['auto', 'model', 'coefficient']),
    rasters: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/), filePath).optional(),
  }).strict(),
  'account:runs': none,
  'account:result': z.object({ runId: id }).strict(),
  'params:list': none,
  'params:get': z.object({ id }).strict(),
  'params:builtin': none,
  'params:save': z.object({ id: id.optional(), name: z.string().min(1).max(200), json: z.unknown() }).strict(),
  'params:delete': z.object({ id }).strict(),
  'params:validate': z.object({ json: z.unknown() }).strict(),
};
