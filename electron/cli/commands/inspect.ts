import path from 'node:path';
import { formatMessage, isMessageCode, type Lang } from '#core';
import { inspectFile, type Inspection } from '../../host/services/inspect';
import { optionFlag, UsageError } from '../args';
import type { Command } from '../command';
import { VECTOR_OPTIONS, vectorOptions } from '../vector-options';

/** `vep inspect FILE [--json] [--stats]` (docs/design/cli.md) — the same code the app's import dialog uses. */
export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'describe a file: format, CRS, encoding, fields, extent, 三调 schema; raster grid and statistics',
  usage: 'FILE [--json] [--stats]',
  options: [
    { name: 'json', type: 'boolean', description: 'print one JSON document on stdout' },
    { name: 'stats', type: 'boolean', description: 'rasters: exact per-band min/max/mean/stddev, nodata excluded (as gdalinfo -stats)' },
    ...VECTOR_OPTIONS,
  ],
  async run(args, io) {
    if (args.positionals.length !== 1) throw new UsageError('inspect takes exactly one FILE');
    const file = path.resolve(io.cwd, args.positionals[0]);
    const result = await inspectFile(file, { ...vectorOptions(args), stats: optionFlag(args, 'stats') });
    io.stdout(optionFlag(args, 'json') ? `${JSON.stringify(result)}\n` : describe(args.positionals[0], result, io.lang));
    return 0;
  },
};

function describe(name: string, r: Inspection, lang: Lang): string {
  const lines = [`${name}`];
  const crs = r.crs ? `${r.crs.epsg ? `EPSG:${r.crs.epsg} ` : ''}${r.crs.name}` : lang === 'zh' ? '（无）' : '(none)';
  const extent = r.extent ? r.extent.map((v) => Number(v.toFixed(3))).join(', ') : '-';
  if (r.kind === 'vector') {
    lines.push(`  format: ${r.format}`, `  features: ${r.featureCount}`, `  geometry: ${r.geometryType ?? '-'}`, `  crs: ${crs}`, `  encoding: ${r.encoding ?? '-'}`, `  extent: ${extent}`, `  schema: ${r.schema ?? '-'}`);
    lines.push(`  fields (${r.fields.length}):`, ...r.fields.map((f) => `    ${f.name}: ${f.type}${f.width !== null ? `(${f.width})` : ''}`));
  } else {
    lines.push(`  format: geotiff (${r.compression})`, `  size: ${r.width} × ${r.height}, ${r.bands} band(s), ${r.dataType}`, `  nodata: ${r.noData ?? '-'}`, `  crs: ${crs}`, `  geotransform: ${r.geoTransform?.join(', ') ?? '-'}`, `  extent: ${extent}`);
    r.stats?.forEach((s, i) => lines.push(`  band ${i + 1}: min ${s.min} max ${s.max} mean ${s.mean} stddev ${s.stdDev}`));
  }
  for (const w of r.warnings) lines.push(`  ${lang === 'zh' ? '注意' : 'note'}: ${isMessageCode(w.code) ? formatMessage(w.code, w.details, lang) : w.code}`);
  return `${lines.join('\n')}\n`;
}
