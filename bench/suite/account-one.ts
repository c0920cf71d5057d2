/**
 * Accounting one ~20 ha red line with its 1 km ring against the imported county: the first run in a fresh process
 * (cold: JIT, page cache of the project file) and the median of the warm runs after it, in-process. GDAL's twin is
 * one `ogrinfo -dialect sqlite` process clipping the parcels by the same red line and ring and summing the areas.
 */
import { accountRedlines, type AccountRun } from '../lib/account-runs';
import { memoryGoal, type Benchmark } from '../lib/benchmark';
import { clipAreaArgs, loadZones, parseZoneSums } from '../lib/gdal-zones';
import { measure, median } from '../lib/measure';

const WARM_RUNS = 10;

export const accountOne: Benchmark = {
  id: 'account-one',
  title: 'account one red line + 1 km ring',
  child: (options, data) => accountRedlines(data, [0], Number(options.repeat)),
  run(ctx) {
    const { data } = ctx;
    const repeat = 1 + (ctx.quick ? 3 : WARM_RUNS);
    const ours = ctx.child<AccountRun[]>(this.id, { repeat });
    const [cold, ...warm] = ours.result;
    loadZones(data);
    const gdal = measure('ogrinfo', clipAreaArgs(data, [0]), { runs: Math.max(3, ctx.runs) });
    const gdalSums = parseZoneSums(gdal.stdout);
    const gdalSide = { label: 'ogrinfo -dialect sqlite ST_Intersection + SUM(ST_Area)', wallMs: gdal.wallMs, cpuMs: gdal.cpuMs, peakRssMiB: gdal.peakRssMiB, runs: gdal.runs, note: 'one process per run (median)' };
    const warmWall = median(warm.map((r) => r.wallMs));
    const details = { pieces: cold.pieces, redlineM2: cold.redlineM2, bufferM2: cold.bufferM2, gdal: gdalSums };
    return [
      { id: `${this.id}/cold`, title: 'account one red line + 1 km ring, first run (cold)', ours: { label: 'runAccount (project layer)', wallMs: cold.wallMs, cpuMs: cold.cpuMs, peakRssMiB: ours.peakRssMiB, runs: 1, note: 'first run in a fresh process, in-process time; RSS of the whole process' }, gdal: gdalSide, details },
      {
        id: `${this.id}/warm`, title: 'account one red line + 1 km ring, warm',
        ours: { label: 'runAccount (project layer)', wallMs: warmWall, cpuMs: median(warm.map((r) => r.cpuMs)), peakRssMiB: ours.peakRssMiB, runs: warm.length, note: `median of ${warm.length} runs after the first, in-process` },
        gdal: gdalSide,
        goals: [{ text: 'warm < 0.5 s', met: warmWall < 500 }, memoryGoal(ours.peakRssMiB)],
      },
    ];
  },
};
