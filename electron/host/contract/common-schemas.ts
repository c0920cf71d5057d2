/** Schema pieces shared by the domain contracts. */
import { z } from 'zod';

/** A request with no payload: accepts nothing, null or {} (HTTP bodies), and passes undefined on. */
export const none = z.union([z.undefined(), z.null(), z.object({}).strict()]).transform(() => undefined);

/** An absolute or relative file-system path chosen by the user: bounded, no NUL bytes. */
export const filePath = z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'must not contain NUL');

/** Client-chosen job ids (used in events and `job:cancel`). */
export const jobId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** Store ids of layers, red lines, parameter sets and runs. */
export const storeId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
