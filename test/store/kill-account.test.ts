/**
 * Durability of accounting runs and exports: a process running the app's accounting on the sample project and
 * exporting results to fixed targets is killed with SIGKILL at seeded random moments, several times in a row. After
 * every kill the project must open and pass `PRAGMA integrity_check`, every run it reported finished must be stored
 * whole, a run cut off must hold no pieces, and every export target must be absent or a complete file of one of the
 * exports begun — a partial export never replaces a good file.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { bytesSource, openGeoJson, openShapefile } from '#core';
import { describe, expect, it } from 'vitest';
import { ProjectStore } from '../../electron/host/store/project-store';
import { hasGdal, ogrSummary } from './gdal-tools';
import { EXPORT_TARGETS, type AccountKillOp, type AccountKillReport } from './kill-account-ops';
import { mulberry32 } from '../prng';
import { runAndKill } from './kill-harness';

const ROUNDS = 6;
const CHILD = new URL('./kill-account-child.ts', import.meta.url).pathname;
const SAMPLE = path.resolve(__dirname, '..', '..', 'sample-data', 'anji-sample.vep.gpkg');

/** The feature count of a complete export file; throws when the file is not complete. */
function exportedCount(file: string): number {
  if (file.endsWith('.geojson')) return openGeoJson(readFileSync(file), { file }).info.featureCount;
  if (file.endsWith('.shp')) {
    // Each part on its own: the .shp walked to its end, the .dbf read to its end.
    const shp = openShapefile({ shp: bytesSource(readFileSync(file)), dbf: null, name: 'pieces' });
    const shapes = [...shp.features()].length;
    const dbf = openShapefile({ shp: bytesSource(readFileSync(file)), dbf: bytesSource(readFileSync(file.replace(/\.shp$/, '.dbf'))), name: 'pieces' });
    expect([...dbf.features()].length).toBe(shapes);
    return shapes;
  }
  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const table = db.prepare("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").pluck().get() as string;
    const count = db.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get() as number;
    if (hasGdal) expect(ogrSummary(file, table).featureCount).toBe(count);
    return count;
  } finally {
    db.close();
  }
}

describe('accounting runs and exports survive SIGKILL at random points', () => {
  it(`${ROUNDS} rounds of account-export-and-kill`, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vep-kill-account-'));
    const project = path.join(dir, 'project.vep.gpkg');
    const outDir = path.join(dir, 'out');
    mkdirSync(outDir);
    copyFileSync(SAMPLE, project);
    const random = mulberry32(20261124).next;
    const reportedRuns = new Map<number, number>(); // run id → pieces
    const begun = new Map<string, Set<number>>(EXPORT_TARGETS.map((t) => [t, new Set()])); // target → counts written or being written
    let cutOffRuns = 0;
    let cutOffExports = 0;
    let checkedExports = 0;

    for (let round = 0; round < ROUNDS; round++) {
      const finished = 1 + Math.floor(random() * 3);
      const { done, inFlight } = await runAndKill<AccountKillOp, AccountKillReport>(CHILD, [project, outDir, String(5000 + round)], finished, Math.floor(random() * 400));
      for (const r of done) {
        if (!('done' in r)) continue;
        if (r.done.kind === 'account') reportedRuns.set(r.runId!, r.pieces!);
        else begun.get(r.done.target)!.add(r.done.count);
      }
      if (inFlight?.kind === 'export') {
        begun.get(inFlight.target)!.add(inFlight.count);
        cutOffExports++;
      }
      if (inFlight?.kind === 'account') cutOffRuns++;

      const store = ProjectStore.open(project);
      try {
        expect(store.integrityCheck()).toEqual(['ok']);
        for (const run of store.runs.list()) {
          const stored = store.runs.pieces(run.id, { limit: 1_000_000 }).length;
          expect(stored, `run ${run.id}`).toBe(run.pieceCount);
          if (run.status === 'succeeded') expect(run.pieceCount).toBeGreaterThan(0);
          else expect([run.status, run.pieceCount]).toEqual([expect.stringMatching(/^(running|interrupted)$/), 0]);
        }
        for (const [id, pieces] of reportedRuns) {
          expect(store.runs.get(id).status).toBe('succeeded');
          expect(store.runs.get(id).pieceCount).toBe(pieces);
        }
      } finally {
        store.close();
      }

      for (const target of EXPORT_TARGETS) {
        const file = path.join(outDir, target);
        if (!existsSync(file)) continue;
        checkedExports++;
        expect([...begun.get(target)!], `${target} holds the features of one export`).toContain(exportedCount(file));
      }
      // Anything else in the folder is a killed export's hidden temporary, never a file under a target's name.
      const visible = readdirSync(outDir).filter((f) => !f.startsWith('.'));
      for (const f of visible) expect(f).toMatch(/^pieces\.(gpkg|shp|shx|dbf|cpg|prj|geojson)$/);
      for (const f of readdirSync(outDir).filter((n) => n.startsWith('.'))) expect(f).toMatch(/\.vep-tmp(-journal|-wal|-shm)?$/);
    }
    // The seeds put kills inside both kinds of operation at least once, so the checks above were not vacuous.
    expect(cutOffRuns + cutOffExports).toBeGreaterThan(0);
    expect(reportedRuns.size).toBeGreaterThan(0);
    expect(checkedExports).toBeGreaterThan(0);
  }, 300_000);
});
