/** The `app:` and `job:` domains: what the UI learns at start-up, and cancelling long jobs. */
import { z } from 'zod';
import type { Call } from './call';
import { jobId, none } from './common-schemas';

export interface AppInfo {
  name: string;
  version: string;
  /** Which door the UI came through. */
  transport: 'electron' | 'web';
  /** The project opened at start-up, if any. */
  projectPath: string | null;
}

export interface AppCalls {
  'app:info': Call<void, AppInfo>;
  'job:cancel': Call<{ jobId: string }, { cancelled: boolean }>;
}

export const APP_SCHEMAS = {
  'app:info': none,
  'job:cancel': z.object({ jobId }).strict(),
};
