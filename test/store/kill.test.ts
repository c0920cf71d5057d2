/**
 * Durability: a process editing a project (imports, red lines, results) is killed with SIGKILL at seeded random
 * moments, 12 times in a row on the same project. After every kill the project must open, pass
 * `PRAGMA integrity_check` and GDAL's validator, hold everything the process reported as committed, and show
 * the operation it was in the middle of either completely or not at all.
 */
import { describe, expect, it } from 'vitest';
import { ProjectStore } from '../../electron/host/store/project-store';
import { createTestProject } from '../../electron/host/store/test-project';
import { hasGdal, validateGpkg } from './gdal-tools';
import type { KillOp, KillReport } from './kill-child';
import { mulberry32 } from '../prng';
import { runAndKill } from './kill-harness';

const ROUNDS = 12;
const CHILD = new URL('./kill-child.ts', import.meta.url).pathname;

interface Model {
  layers: Map<string, number>; // title → feature count
  redLines: Map<number, string>; // id → name
}

const redLinesOf = (store: ProjectStore): Map<number, string> => new Map(store.redLines.list().map((r) => [r.id, r.name]));
const same = (a: Map<number, string>, b: Map<number, string>): boolean => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

describe('a project survives SIGKILL at random points', () => {
  it(`${ROUNDS} rounds of edit-and-kill on one project`, async () => {
    const first = createTestProject();
    const project = first.path;
    first.close();
    const random = mulberry32(20261123).next;
    const model: Model = { layers: new Map(), redLines: new Map() };

    for (let round = 0; round < ROUNDS; round++) {
      const commits = 1 + Math.floor(random() * 10);
      const { done, inFlight } = await runAndKill<KillOp, KillReport>(CHILD, [project, String(1000 + round)], commits, Math.floor(random() * 40));
      expect(done.length).toBeGreaterThanOrEqual(commits);

      // Apply what the child reported as committed to the model.
      for (const r of done) {
        if (!('done' in r)) continue;
        const op = r.done;
        if (op.kind === 'import') model.layers.set(op.title, op.count);
        else if (op.kind === 'red-line:create') model.redLines.set(r.id as number, op.name);
        else if (op.kind === 'red-line:update') model.redLines.set(op.id, op.name);
        else if (op.kind === 'red-line:delete') model.redLines.delete(op.id);
      }

      const store = ProjectStore.open(project);
      try {
        expect(store.integrityCheck()).toEqual(['ok']);

        // Layers: every reported one with its exact count; the one in flight complete or absent; nothing else.
        const layers = new Map(store.layers.list().map((l) => [l.title, l.featureCount]));
        const extra = [...layers.keys()].filter((t) => !model.layers.has(t));
        if (inFlight?.kind === 'import' && extra.length === 1) {
          expect(extra).toEqual([inFlight.title]);
          expect(layers.get(inFlight.title)).toBe(inFlight.count);
          model.layers.set(inFlight.title, inFlight.count);
        } else expect(extra).toEqual([]);
        for (const [title, count] of model.layers) expect(layers.get(title)).toBe(count);
        for (const l of store.layers.list()) expect(store.db.prepare(`SELECT COUNT(*) FROM "${l.id}"`).pluck().get()).toBe(l.featureCount);

        // Runs: a succeeded run has all its pieces, an unfinished one none — whatever the moment of the kill.
        for (const run of store.runs.list()) {
          if (run.status === 'succeeded') expect(run.pieceCount).toBe((run.summary as { pieces: number }).pieces);
          else expect([run.status, run.pieceCount]).toEqual(['running', 0]);
        }
        const reportedRuns = done.filter((r): r is { done: KillOp; id: number } => 'done' in r && r.done.kind === 'run');
        for (const r of reportedRuns) expect(store.runs.get(r.id).status).toBe('succeeded');

        // Red lines: exactly the model, or the model with the operation in flight applied as a whole.
        const actual = redLinesOf(store);
        if (!same(actual, model.redLines)) {
          expect(inFlight?.kind.startsWith('red-line')).toBe(true);
          const applied = new Map(model.redLines);
          if (inFlight!.kind === 'red-line:update') applied.set(inFlight!.id, inFlight!.name);
          if (inFlight!.kind === 'red-line:delete') applied.delete(inFlight!.id);
          if (inFlight!.kind === 'red-line:create') {
            const added = [...actual.keys()].filter((id) => !model.redLines.has(id));
            expect(added).toHaveLength(1);
            applied.set(added[0], inFlight!.name);
          }
          expect(actual).toEqual(applied);
        }
        model.redLines = actual;
      } finally {
        store.close();
      }
      if (hasGdal) expect(validateGpkg(project)).toEqual([]);
    }

    // Staging tables left by killed imports are dropped by the next writer.
    const store = ProjectStore.open(project);
    store.layers.beginLayer({ title: 'last', geometryType: null, crs: null, fields: [], source: { files: [], format: 'dbf', encoding: null, schema: null } }).abort();
    expect(store.db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'vep_staging%'").all()).toEqual([]);
    store.close();
  }, 240_000);
});
