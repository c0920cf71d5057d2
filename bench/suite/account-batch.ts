/**
 * A batch of 100 seeded red lines over the county, each accounted with its 1 km ring, one after another in one
 * process (what a batch run does), against one `ogrinfo -dialect sqlite` clipping all 200 zones.
 */
import { accountRedlines, type AccountRun } from '../lib/account-runs';
import { REDLINE_COUNT } from '../lib/bench-data';
import { memoryGoal, side, type Benchmark } from '../lib/benchmark';
import { clipAreaArgs, parseZoneSums } from '../lib/gdal-zones';
import { measure } from '../lib/measure';

const ids = Array.from({ length: REDLINE_COUNT }, (_, i) => i);

export const accountBatch: Benchmark = {
  id: 'account-batch',
  title: `account ${REDLINE_COUNT} red lines`,
  child: (_options, data) => accountRedlines(data, ids, 1),
  run(ctx) {
    const ours = ctx.child<AccountRun[]>(this.id, {});
    // The zones table was loaded by account-one.
    const gdal = measure('ogrinfo', clipAreaArgs(ctx.data, ids), { runs: ctx.runs });
    const total = (key: 'redlineM2' | 'bufferM2' | 'pieces') => ours.result.reduce((s, r) => s + r[key], 0);
    return [{
      id: this.id,
      title: `account ${REDLINE_COUNT} red lines + 1 km rings`,
      ours: side('runAccount × 100 (project layer), one process', ours),
      gdal: side('ogrinfo -dialect sqlite, 200 zones', gdal),
      goals: [{ text: '< 20 s', met: ours.wallMs < 20_000 }, memoryGoal(ours.peakRssMiB)],
      details: { pieces: total('pieces'), redlineM2: total('redlineM2'), bufferM2: total('bufferM2'), slowestMs: Math.max(...ours.result.map((r) => r.wallMs)), gdal: parseZoneSums(gdal.stdout) },
    }];
  },
};
