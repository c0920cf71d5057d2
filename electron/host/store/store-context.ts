/**
 * What the parts of the project store share: the connection, how to write (one transaction per change, the
 * autosave model), the edit log and the project CRS.
 */
import type Database from 'better-sqlite3';
import { InputError, type CrsInfo } from '#core';
import { gpkgTimestamp } from './gpkg-schema';
import type { SrsDefinition } from './spatial-ref-sys';

/** Edit-log entries kept; older ones are pruned as new ones arrive. */
const EDIT_LOG_KEEP = 500;

export class StoreContext {
  constructor(
    readonly db: Database.Database,
    readonly path: string,
    readonly appVersion: string,
    readonly srsDefinition: SrsDefinition,
  ) {}

  /**
   * Runs `fn` as one write transaction (BEGIN IMMEDIATE, so a second writer waits for the lock instead of failing
   * half-way) and stamps the project's modified_at. Nested calls join the outer transaction. Every edit the app makes
   * goes through here, so it is on disk when the call returns: there is no unsaved state.
   */
  write<T>(fn: () => T): T {
    try {
      return this.db
        .transaction(() => {
          const result = fn();
          this.db.prepare('UPDATE vep_project SET modified_at = ? WHERE id = 1').run(gpkgTimestamp());
          return result;
        })
        .immediate();
    } catch (e) {
      // Another process held the write lock past the busy timeout (e.g. QGIS editing the file).
      if ((e as { code?: string }).code === 'SQLITE_BUSY') throw new InputError('PROJECT_LOCKED', { path: this.path });
      throw e;
    }
  }

  /** Appends to the recent-edits log (call inside {@link write}). */
  log(kind: string, target: string, summary: string): void {
    const id = this.db.prepare('INSERT INTO vep_edit_log (at, kind, target, summary) VALUES (?, ?, ?, ?)').run(gpkgTimestamp(), kind, target, summary).lastInsertRowid;
    this.db.prepare('DELETE FROM vep_edit_log WHERE id <= ?').run(Number(id) - EDIT_LOG_KEEP);
  }

  /** The project CRS, or null before the project has met one. */
  projectCrs(): CrsInfo | null {
    const json = this.db.prepare('SELECT crs_json FROM vep_project WHERE id = 1').pluck().get() as string | null;
    return json ? (JSON.parse(json) as CrsInfo) : null;
  }

  /** The project CRS, set to `crs` first if the project has none yet (call inside {@link write}). */
  adoptProjectCrs(crs: CrsInfo): CrsInfo {
    const current = this.projectCrs();
    if (current) return current;
    this.db.prepare('UPDATE vep_project SET crs_json = ? WHERE id = 1').run(JSON.stringify(crs));
    return crs;
  }
}
