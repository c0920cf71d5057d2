/**
 * Our side of the accounting benchmarks: red lines of the bench data accounted through the host's `runAccount`
 * against the imported project layer (its R-tree picks the parcels near each zone), as the app and `vep account` do.
 */
import { crsFromEpsg } from '#core';
import { runAccount } from '../../electron/host/services/account';
import { ProjectStore } from '../../electron/host/store/project-store';
import { readRedlines, type BenchData } from './bench-data';
import { timeInProcessAsync } from './measure';

export interface AccountRun {
  redline: number;
  wallMs: number;
  cpuMs: number;
  pieces: number;
  /** Σ planar area of the pieces, m², per zone: to compare with GDAL's ST_Area sums. */
  redlineM2: number;
  bufferM2: number;
}

/** Accounts red lines `ids` in turn, each `repeat` times. */
export async function accountRedlines(data: BenchData, ids: readonly number[], repeat: number): Promise<AccountRun[]> {
  const store = ProjectStore.open(data.project, { readonly: true });
  const layerId = store.layers.list()[0].id;
  store.close();
  const crs = crsFromEpsg(data.epsg)!;
  const all = readRedlines(data);
  const runs: AccountRun[] = [];
  for (const id of ids) {
    for (let k = 0; k < repeat; k++) {
      const { value, wallMs, cpuMs } = await timeInProcessAsync(() => runAccount({ parcels: { kind: 'layer', project: data.project, layerId }, redline: { kind: 'geometry', geometry: all[id].redline, crs }, bufferM: 1000 }));
      const sum = (zone: string) => value.pieces.filter((p) => p.zone === zone).reduce((s, p) => s + (p.planarAreaM2 ?? 0), 0);
      runs.push({ redline: id, wallMs, cpuMs, pieces: value.pieces.length, redlineM2: sum('redline'), bufferM2: sum('buffer') });
    }
  }
  return runs;
}
