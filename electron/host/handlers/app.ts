import type { AppCalls } from '../contract/app';
import type { Handlers, HostContext } from './context';
import { VERSION } from '../version';

export function appHandlers(ctx: HostContext): Handlers<AppCalls> {
  return {
    'app:info': async () => ({ name: 'VEP Studio', version: VERSION, transport: ctx.options.transport, projectPath: ctx.project?.path ?? ctx.options.projectPath }),
    'job:cancel': async ({ jobId }) => ({ cancelled: ctx.jobs.cancel(jobId) }),
  };
}
