/**
 * Runtime validation of every request at the process boundary (IPC and HTTP alike): the renderer is not trusted to
 * send what the types say. One schema per channel; `satisfies` ties each to the contract so they cannot drift.
 */
import { z } from 'zod';
import type { Channel, RequestOf } from './api';

const none = z.union([z.undefined(), z.null(), z.object({}).strict()]).transform(() => undefined);
export const filePath = z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'must not contain NUL');
const jobId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const REQUEST_SCHEMAS = {
  'app:info': none,
  'job:cancel': z.object({ jobId }).strict(),
} satisfies { [K in Channel]: z.ZodType<RequestOf<K>, unknown> };
