/** The boundary check of a path the user chose to save an export to. */
import path from 'node:path';
import { InputError } from '#core';

/**
 * The absolute target, refused when it is the open project itself or one of its SQLite side files (an export
 * "over" the project would replace the user's work with a report).
 * @throws InputError EXPORT_TARGET_IS_PROJECT
 */
export function checkSaveTarget(target: string, projectPath: string | null): string {
  const resolved = path.resolve(target);
  if (projectPath !== null) {
    const project = path.resolve(projectPath);
    const same = (a: string, b: string) => (process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b);
    if ([project, `${project}-wal`, `${project}-shm`, `${project}-journal`].some((p) => same(p, resolved))) {
      throw new InputError('EXPORT_TARGET_IS_PROJECT', { path: resolved });
    }
  }
  return resolved;
}
