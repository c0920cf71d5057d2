/**
 * Parameter sets as data: the JSON (stored canonically, keys sorted) and the sha256 of that text, which every run
 * that used the set records in its provenance.
 */
import { InputError } from '#core';
import { canonicalJson, sha256Hex } from './canonical-json';
import { gpkgTimestamp } from './gpkg-schema';
import type { StoreContext } from './store-context';

export interface ParameterSet {
  id: number;
  name: string;
  /** The parameter set itself (schema: see the accounting engine). */
  json: unknown;
  /** sha256 (hex) of the canonical JSON text. */
  sha256: string;
  builtin: boolean;
  createdAt: string;
  updatedAt: string;
}

export type ParameterSetSummary = Omit<ParameterSet, 'json'>;

interface Row { id: number; name: string; json: string; sha256: string; builtin: number; created_at: string; updated_at: string }

export class ParameterSetStore {
  constructor(private readonly ctx: StoreContext) {}

  /** Every set without its JSON, for pickers. */
  list(): ParameterSetSummary[] {
    const rows = this.ctx.db.prepare('SELECT id, name, sha256, builtin, created_at, updated_at FROM vep_parameter_sets ORDER BY id').all() as Omit<Row, 'json'>[];
    return rows.map((r) => ({ id: r.id, name: r.name, sha256: r.sha256, builtin: r.builtin === 1, createdAt: r.created_at, updatedAt: r.updated_at }));
  }

  /** @throws InputError RECORD_NOT_FOUND */
  get(id: number): ParameterSet {
    const r = this.ctx.db.prepare('SELECT * FROM vep_parameter_sets WHERE id = ?').get(id) as Row | undefined;
    if (!r) throw new InputError('RECORD_NOT_FOUND', { kind: 'parameter set / 参数集', id });
    return { id: r.id, name: r.name, json: JSON.parse(r.json), sha256: r.sha256, builtin: r.builtin === 1, createdAt: r.created_at, updatedAt: r.updated_at };
  }

  /** Saves a new set. @throws InputError PARAMS_NAME_TAKEN */
  create(input: { name: string; json: unknown; builtin?: boolean }): ParameterSet {
    const text = canonicalJson(input.json);
    const id = this.ctx.write(() => {
      this.checkNameFree(input.name, null);
      const now = gpkgTimestamp();
      const rowId = this.ctx.db
        .prepare('INSERT INTO vep_parameter_sets (name, json, sha256, builtin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(input.name, text, sha256Hex(text), input.builtin ? 1 : 0, now, now).lastInsertRowid;
      this.ctx.log('parameter-set:create', String(rowId), input.name);
      return Number(rowId);
    });
    return this.get(id);
  }

  /** Renames a set or replaces its JSON (the hash follows). @throws InputError RECORD_NOT_FOUND, PARAMS_NAME_TAKEN */
  update(id: number, patch: { name?: string; json?: unknown }): ParameterSet {
    this.ctx.write(() => {
      const current = this.get(id);
      if (patch.name !== undefined) this.checkNameFree(patch.name, id);
      const text = canonicalJson(patch.json !== undefined ? patch.json : current.json);
      this.ctx.db.prepare('UPDATE vep_parameter_sets SET name = ?, json = ?, sha256 = ?, updated_at = ? WHERE id = ?').run(patch.name ?? current.name, text, sha256Hex(text), gpkgTimestamp(), id);
      this.ctx.log('parameter-set:update', String(id), patch.name ?? current.name);
    });
    return this.get(id);
  }

  /** Deletes a set (runs keep its id and hash in their provenance). @throws InputError RECORD_NOT_FOUND */
  delete(id: number): void {
    this.ctx.write(() => {
      const current = this.get(id);
      this.ctx.db.prepare('DELETE FROM vep_parameter_sets WHERE id = ?').run(id);
      this.ctx.log('parameter-set:delete', String(id), current.name);
    });
  }

  /** Names tell sets apart in the picker and in run provenance, so two sets never share one (ignoring case and spaces). */
  private checkNameFree(name: string, except: number | null): void {
    const taken = this.ctx.db
      .prepare('SELECT 1 FROM vep_parameter_sets WHERE trim(name) = trim(?) COLLATE NOCASE AND id IS NOT ?')
      .get(name, except);
    if (taken) throw new InputError('PARAMS_NAME_TAKEN', { name: name.trim() });
  }
}
