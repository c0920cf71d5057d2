import { InputError } from '#core';
import type { ProjectStore } from '../store/project-store';
import type { HostContext } from './context';

/** The open project's store. @throws InputError NO_PROJECT_OPEN */
export function requireStore(ctx: HostContext): ProjectStore {
  if (!ctx.store) throw new InputError('NO_PROJECT_OPEN', {});
  return ctx.store;
}
