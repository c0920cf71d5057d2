/** The `app:` and `job:` domains: what the UI learns at start-up, and cancelling long jobs. */
import type { Call } from './call';

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

export const APP_CHANNELS = ['app:info', 'job:cancel'] as const satisfies readonly (keyof AppCalls)[];
