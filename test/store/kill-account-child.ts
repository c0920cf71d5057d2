/**
 * The process the accounting-and-export kill test kills: on a copy of the sample project it runs the app's
 * accounting (a stored red line, in the accounting worker, recorded in the project) and exports the latest run's
 * pieces or the parcel layer to fixed targets (GeoPackage, shapefile, GeoJSON), in a seeded random order, forever.
 * It reports on stdout, one JSON line each, the operation it begins and, once finished, that it is done.
 *
 * Usage: node --import tsx test/store/kill-account-child.ts PROJECT OUT_DIR SEED
 */
import path from 'node:path';
import { exportLayers } from '../../electron/host/exports/export-vector';
import { runPiecesExport, storeLayerExport } from '../../electron/host/exports/export-sources';
import { accountProjectRedline } from '../../electron/host/services/account-run';
import { ProjectStore } from '../../electron/host/store/project-store';
import { EXPORT_TARGETS, type AccountKillOp, type AccountKillReport } from './kill-account-ops';
import { mulberry32 } from '../prng';

const [projectPath, outDir, seedText] = process.argv.slice(2);
const random = mulberry32(Number(seedText)).next;
const report = (r: AccountKillReport): void => {
  process.stdout.write(JSON.stringify(r) + '\n');
};

const store = ProjectStore.open(projectPath);
const redLine = store.redLines.list()[0];
const parcels = store.layers.list().find((l) => l.geometryType === 'Polygon' || l.geometryType === 'MultiPolygon')!;

for (;;) {
  const runs = store.runs.list().filter((r) => r.status === 'succeeded');
  if (runs.length === 0 || random() < 0.35) {
    const op: AccountKillOp = { kind: 'account', bufferM: [200, 500, 1000][Math.floor(random() * 3)] };
    report({ begin: op });
    const run = await accountProjectRedline(store, { redLineId: redLine.id, bufferM: op.bufferM, modes: 'auto' });
    report({ done: op, runId: run.runId, pieces: store.runs.get(run.runId).pieceCount });
  } else {
    const usePieces = random() < 0.7;
    const last = runs.reduce((a, b) => (b.id > a.id ? b : a));
    const layer = usePieces ? runPiecesExport(store, last.id) : storeLayerExport(store, parcels.id);
    const target = EXPORT_TARGETS[Math.floor(random() * EXPORT_TARGETS.length)];
    const op: AccountKillOp = { kind: 'export', target, count: usePieces ? last.pieceCount : parcels.featureCount };
    report({ begin: op });
    await exportLayers(path.join(outDir, target), [layer]);
    report({ done: op });
  }
}
