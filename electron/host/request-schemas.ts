/**
 * Runtime validation of every request at the process boundary (IPC and HTTP alike): the renderer is not trusted to
 * send what the types say. Each domain's schemas live beside its contract (contract/<domain>.schemas.ts); this map
 * joins them and `satisfies` ties it to the contract so the two cannot drift. Kept out of api.ts so the preload
 * script stays small.
 */
import type { z } from 'zod';
import type { Channel, RequestOf } from './api';
import { APP_SCHEMAS } from './contract/app.schemas';

export const REQUEST_SCHEMAS = {
  ...APP_SCHEMAS,
} satisfies { [K in Channel]: z.ZodType<RequestOf<K>, unknown> };
