/** The results section of docs/benchmarks.md: the machine, the table (ours beside GDAL's twin), the checks. */
import type { ResultRow, Side } from './benchmark';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  gdal: string;
  date: string;
  loadAverageStart: number[];
  loadAverageEnd: number[];
}

const seconds = (ms: number) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`);
const mib = (v: number) => `${v.toFixed(0)} MiB`;
const cells = (s: Side | null) => (s ? [s.label + (s.note ? ` *(${s.note})*` : ''), seconds(s.wallMs), seconds(s.cpuMs), mib(s.peakRssMiB)] : ['—', '', '', '']);

export function resultsMarkdown(rows: readonly ResultRow[], machine: Machine, settings: { parcels: number; demSize: number; runs: number; quick: boolean }): string {
  const lines = [
    `Run of ${machine.date.slice(0, 10)}: ${settings.parcels} parcels, DEM ${settings.demSize}×${settings.demSize}, ${settings.runs} process run(s) per measurement${settings.quick ? ' (**--quick smoke run**: small sizes, goals not meaningful)' : ''}.`,
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.gdal}. Load average ${machine.loadAverageStart.join(' / ')} at the start and ${machine.loadAverageEnd.join(' / ')} at the end: the machine is shared (other jobs may run at the same time), so wall times carry their load; CPU times are the steadier numbers.`,
    '',
    '| benchmark | ours | wall | CPU | peak RSS | GDAL twin | wall | CPU | peak RSS | wall ours ÷ GDAL | goals |',
    '| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const row of rows) {
    const ratio = row.gdal ? `${(row.ours.wallMs / row.gdal.wallMs).toFixed(2)}×` : '—';
    const goal = (row.goals ?? []).map((g) => `${g.text}: ${g.met ? 'met' : '**not met**'}`).join('; ');
    lines.push(`| ${row.title} | ${cells(row.ours).join(' | ')} | ${cells(row.gdal).join(' | ')} | ${ratio} | ${goal} |`);
  }
  lines.push('', 'Checks that both sides did the same work:', '');
  for (const row of rows) if (row.details) lines.push(`- ${row.title}: \`${JSON.stringify(row.details, (_k, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toFixed(3)) : v))}\``);
  return lines.join('\n');
}
