/**
 * One whole import as the worker runs it: open (or create) the project, open the source, stream it in, close both.
 * Also callable in-process (tests, or a host that does not want a worker).
 */
import { existsSync, rmSync } from 'node:fs';
import type { TaskContext } from '#core';
import { ProjectStore } from '../store/project-store';
import type { LayerInfo } from '../store/store-types';
import { importIntoStore } from './import-into-store';
import type { ImportOptions } from './import-types';
import { openImportSource } from './open-import-source';

/** Imports `sourceFiles` into the project at `projectPath`; returns the new layer. */
export function runImport(projectPath: string, sourceFiles: readonly string[], options: ImportOptions, ctx: TaskContext = {}): LayerInfo {
  ctx.onProgress?.({ phase: 'open', done: 0, total: null });
  const source = openImportSource(sourceFiles, options, ctx);
  const create = options.createProject === true && !existsSync(projectPath);
  let imported = false;
  try {
    const store = create ? ProjectStore.create(projectPath, { appVersion: options.appVersion }) : ProjectStore.open(projectPath, { appVersion: options.appVersion });
    try {
      const layer = store.layers.info(importIntoStore(store, source, options, ctx));
      imported = true;
      return layer;
    } finally {
      store.close();
    }
  } finally {
    source.close();
    // A project this import created is removed again when the import fails: "as before" means no file.
    if (create && !imported) for (const suffix of ['', '-wal', '-shm']) rmSync(projectPath + suffix, { force: true });
  }
}
