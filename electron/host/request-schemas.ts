/**
 * Runtime validation of every request at the process boundary (IPC and HTTP alike): the renderer is not trusted to
 * send what the types say. Each domain's schemas live beside its contract (contract/<domain>.schemas.ts); this map
 * joins them and `satisfies` ties it to the contract so the two cannot drift. Kept out of api.ts so the preload
 * script stays small.
 */
import type { z } from 'zod';
import type { Channel, RequestOf } from './api';
import { ACCOUNT_SCHEMAS } from './contract/account.schemas';
import { APP_SCHEMAS } from './contract/app.schemas';
import { FILES_SCHEMAS } from './contract/files.schemas';
import { PROJECT_SCHEMAS } from './contract/project.schemas';
import { REDLINES_SCHEMAS } from './contract/redlines.schemas';
import { REPORTS_SCHEMAS } from './contract/reports.schemas';

export const REQUEST_SCHEMAS = {
  ...APP_SCHEMAS,
  ...PROJECT_SCHEMAS,
  ...FILES_SCHEMAS,
  ...REDLINES_SCHEMAS,
  ...ACCOUNT_SCHEMAS,
  ...REPORTS_SCHEMAS,
} satisfies { [K in Channel]: z.ZodType<RequestOf<K>, unknown> };
