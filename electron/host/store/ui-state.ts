/**
 * UI state saved in the project (map view, open panels, table sorting…) and the log of recent edits. Keys are
 * chosen by the app; values are any JSON. Like every edit, a set is on disk when it returns.
 */
import { gpkgTimestamp } from './gpkg-schema';
import type { StoreContext } from './store-context';

export interface EditLogEntry {
  id: number;
  at: string;
  kind: string;
  target: string;
  summary: string;
}

export class UiStateStore {
  constructor(private readonly ctx: StoreContext) {}

  /** The value stored under `key`, or undefined. */
  get(key: string): unknown {
    const json = this.ctx.db.prepare('SELECT value_json FROM vep_ui_state WHERE key = ?').pluck().get(key) as string | undefined;
    return json === undefined ? undefined : JSON.parse(json);
  }

  set(key: string, value: unknown): void {
    this.ctx.write(() => {
      this.ctx.db
        .prepare('INSERT INTO vep_ui_state (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at')
        .run(key, JSON.stringify(value ?? null), gpkgTimestamp());
    });
  }

  delete(key: string): void {
    this.ctx.write(() => {
      this.ctx.db.prepare('DELETE FROM vep_ui_state WHERE key = ?').run(key);
    });
  }

  /** The latest edits, newest first. */
  recentEdits(limit = 50): EditLogEntry[] {
    return this.ctx.db.prepare('SELECT id, at, kind, target, summary FROM vep_edit_log ORDER BY id DESC LIMIT ?').all(limit) as EditLogEntry[];
  }
}
