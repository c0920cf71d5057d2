/**
 * The process the kill test kills: it edits a project as the app does — imports layers, saves red lines, writes
 * accounting results — in a seeded random order, forever, and reports on stdout, one JSON line each, the operation
 * it begins and, once committed, that it is done. The test SIGKILLs it at a random moment and checks the project.
 *
 * Usage: node --import tsx test/store/kill-child.ts PROJECT SEED
 */
import { ProjectStore } from '../../electron/host/store/project-store';
import { DLTB_FIELDS, GK40, makeParcels } from './parcels';
import { mulberry32 } from '../prng';

export type KillOp =
  | { kind: 'import'; title: string; count: number }
  | { kind: 'red-line:create'; name: string }
  | { kind: 'red-line:update'; id: number; name: string }
  | { kind: 'red-line:delete'; id: number }
  | { kind: 'run'; pieces: number };

export type KillReport = { begin: KillOp } | { done: KillOp; id?: number | string };

const [projectPath, seedText] = process.argv.slice(2);
const random = mulberry32(Number(seedText)).next;
const report = (r: KillReport): void => {
  process.stdout.write(JSON.stringify(r) + '\n');
};

const store = ProjectStore.open(projectPath);
const square = (i: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[40500000 + i, 3385000], [40500050 + i, 3385000], [40500050 + i, 3385050], [40500000 + i, 3385050], [40500000 + i, 3385000]]],
});

for (let step = 0; ; step++) {
  const dice = random();
  const redLines = store.redLines.list();
  if (dice < 0.25) {
    const op: KillOp = { kind: 'import', title: `L${seedText}_${step}`, count: 1000 + Math.floor(random() * 3000) };
    report({ begin: op });
    const writer = store.layers.beginLayer({ title: op.title, geometryType: 'Polygon', crs: GK40, fields: DLTB_FIELDS, source: { files: [], format: 'shapefile', encoding: null, schema: null }, batchSize: 400 });
    for (const f of makeParcels({ count: op.count, seed: step })) writer.add(f);
    report({ done: op, id: writer.finish() });
  } else if (dice < 0.5) {
    const op: KillOp = { kind: 'run', pieces: 50 + Math.floor(random() * 300) };
    report({ begin: op });
    const id = store.runs.start({ kind: 'account', options: { step }, provenance: { seed: seedText } });
    store.runs.finish(id, {
      summary: { pieces: op.pieces },
      crs: GK40,
      pieces: Array.from({ length: op.pieces }, (_, i) => ({
        geometry: square(i), zone: 'redline' as const, parcelLayer: null, parcelFid: i, dlbm: '0101', dlmc: '水田', areaM2: 2500, services: {}, valueYuan: i, unitValue: i / 2500,
      })),
    });
    report({ done: op, id });
  } else if (dice < 0.75 || redLines.length === 0) {
    const op: KillOp = { kind: 'red-line:create', name: `红线 ${seedText}/${step}` };
    report({ begin: op });
    report({ done: op, id: store.redLines.create({ name: op.name, geometry: square(step), crs: GK40 }).id });
  } else {
    const target = redLines[Math.floor(random() * redLines.length)];
    if (random() < 0.5) {
      const op: KillOp = { kind: 'red-line:update', id: target.id, name: `${target.name} ✎${step}` };
      report({ begin: op });
      store.redLines.update(target.id, { name: op.name, geometry: square(step + 7) });
      report({ done: op });
    } else {
      const op: KillOp = { kind: 'red-line:delete', id: target.id };
      report({ begin: op });
      store.redLines.delete(target.id);
      report({ done: op });
    }
  }
}
