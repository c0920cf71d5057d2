import path from 'node:path';
import { crsFromUserInput, INPUT_DEFS, SERVICE_IDS, type AccountResult, type Lang, type ModeChoice } from '#core';
import { runAccount, type AccountJob } from '../../host/services/account';
import { optionFlag, optionNumber, optionString, optionStrings, UsageError, type OptionSpec } from '../args';
import type { Command } from '../command';
import { endProgress, progressReporter } from '../progress';
import { VECTOR_OPTIONS, vectorOptions } from '../vector-options';
import { redLineNameOf, writeAccountOutput } from './account-output';
import { runAccountBatch } from './account-batch';
import { batchRedlines } from '../../host/reports/batch-redlines';

const RASTER_IDS = INPUT_DEFS.filter((d) => d.type === 'raster').map((d) => d.id);
const rasterFlag = (id: string) => id.replace(/_/g, '-');

const RASTER_OPTIONS: OptionSpec[] = RASTER_IDS.map((id) => ({ name: rasterFlag(id), type: 'string', valueName: 'FILE', description: `${INPUT_DEFS.find((d) => d.id === id)!.label.en} (GeoTIFF, ${INPUT_DEFS.find((d) => d.id === id)!.unit})` }));

/** `vep account --parcels FILE --redline FILE [options] [--json]` (docs/design/cli.md): the Anji-style accounting. */
export const accountCommand: Command = {
  name: 'account',
  summary: 'account one red line and its impact ring: six regulating services, unit values, premium tier',
  usage: '--parcels FILE --redline FILE [--buffer METRES] [--params FILE] [--coefficients CSV] [--tiers CSV] [--mode coefficient|model] [--dem FILE …] [--out PATH] [--json]',
  options: [
    { name: 'parcels', type: 'string', valueName: 'FILE', description: 'the 三调 DLTB parcel layer (shapefile, zip, GeoPackage, GeoJSON …)' },
    { name: 'redline', type: 'string', valueName: 'FILE', description: 'the red line (coordinate text file, shapefile, GeoJSON, KML); with --out .xlsx also a file of several polygons or a folder of coordinate .txt files: one batch workbook, a row and a sheet per red line' },
    { name: 'redline-index', type: 'number', valueName: 'N', description: 'which polygon of a red-line file holding several (from 0)' },
    { name: 'redline-crs', type: 'string', valueName: 'EPSG:NNNN', description: 'CRS of the red-line file, when it does not say' },
    { name: 'buffer', type: 'number', valueName: 'METRES', description: 'width of the impact ring around the red line (default 1000)' },
    { name: 'params', type: 'string', valueName: 'FILE', description: 'a parameter set (JSON; see vep params --template); default the built-in set' },
    { name: 'coefficients', type: 'string', valueName: 'CSV', description: 'value coefficients 元/m²/a per land class: dlbm,water_retention,…,climate_regulation' },
    { name: 'tiers', type: 'string', valueName: 'CSV', description: 'premium tiers: min_unit_value,max_unit_value,rate (default: an illustrative table, not Anji\'s)' },
    { name: 'mode', type: 'string', valueName: 'coefficient|model|auto', description: 'method for every service (default auto: model where the rasters are given)' },
    { name: 'dem', type: 'string', valueName: 'FILE', description: 'DEM (GeoTIFF, projected, metres) from which the RUSLE LS factor is derived' },
    ...RASTER_OPTIONS,
    { name: 'raster-unit', type: 'string', valueName: 'ID=UNIT', description: 'declare a raster\'s unit, e.g. npp="g C/(m²·a)" (repeatable)', repeatable: true },
    { name: 'zonal', type: 'string', valueName: 'area|centre', description: 'zonal rule: overlap-area weights (default) or cell centres as gdal_rasterize' },
    { name: 'intermediates', type: 'string', valueName: 'DIR', description: 'write the model\'s intermediate rasters (slope, flow, LS …) as GeoTIFF' },
    { name: 'area-basis', type: 'string', valueName: 'ellipsoidal|tbmj', description: 'piece areas: own 三调 ellipsoidal area (default) or TBMJ apportioned' },
    { name: 'id-field', type: 'string', valueName: 'NAME', description: 'parcel id attribute in the output (default BSM when present)' },
    { name: 'accounting-year', type: 'number', valueName: 'YEAR', description: 'index prices to this year (with the parameter set\'s price index)' },
    { name: 'out', type: 'string', valueName: 'PATH', description: 'write the result: .json, .csv (+ .summary.csv), .xlsx, .gpkg or .pdf (the appraisal report)' },
    { name: 'json', type: 'boolean', description: 'print the result as one JSON document on stdout' },
    ...VECTOR_OPTIONS,
  ],
  async run(args, io) {
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
    const parcels = optionString(args, 'parcels');
    const redline = optionString(args, 'redline');
    if (!parcels || !redline) throw new UsageError('--parcels and --redline are required');
    const job = accountJob(args, io.cwd, parcels, redline);
    const out = optionString(args, 'out');
    // Many red lines and a workbook: the batch (a file of several polygons, or a folder of coordinate files).
    if (out && path.extname(out).toLowerCase() === '.xlsx' && job.redline.kind === 'file' && job.redline.index === undefined) {
      const batch = batchRedlines(job.redline.file, { crs: job.redline.crs });
      if (batch) return runAccountBatch(job, batch, path.resolve(io.cwd, out), optionFlag(args, 'json'), io);
    }
    const onProgress = progressReporter(io, false);
    const outcome = await runAccount(job, { onProgress });
    endProgress(io);
    if (out) await writeAccountOutput(path.resolve(io.cwd, out), outcome, redLineNameOf(redline), job.bufferM, io.lang);
    if (optionFlag(args, 'json')) io.stdout(`${JSON.stringify(outcome.result)}\n`);
    else io.stdout(summary(outcome.result, io.lang));
    return 0;
  },
};

function accountJob(args: Parameters<Command['run']>[0], cwd: string, parcels: string, redline: string): AccountJob {
  const resolve = (p: string | undefined) => (p === undefined ? undefined : path.resolve(cwd, p));
  const bufferM = optionNumber(args, 'buffer') ?? 1000;
  if (!(bufferM > 0 && bufferM <= 100_000)) throw new UsageError('--buffer must be a distance in metres, > 0 and ≤ 100000');
  const mode = optionString(args, 'mode') ?? 'auto';
  if (!['coefficient', 'model', 'auto'].includes(mode)) throw new UsageError('--mode must be coefficient, model or auto');
  const zonal = optionString(args, 'zonal') ?? 'area';
  if (zonal !== 'area' && zonal !== 'centre') throw new UsageError('--zonal must be area or centre');
  const basis = optionString(args, 'area-basis') ?? 'ellipsoidal';
  if (basis !== 'ellipsoidal' && basis !== 'tbmj') throw new UsageError('--area-basis must be ellipsoidal or tbmj');
  const index = optionNumber(args, 'redline-index');
  if (index !== undefined && !Number.isInteger(index)) throw new UsageError('--redline-index must be an integer');
  const units: Record<string, string> = {};
  for (const pair of optionStrings(args, 'raster-unit')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--raster-unit expects ID=UNIT, got ${pair}`);
    units[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const files = Object.fromEntries(RASTER_IDS.map((id) => [id, resolve(optionString(args, rasterFlag(id)))]).filter((e): e is [string, string] => e[1] !== undefined));
  const redlineCrs = optionString(args, 'redline-crs');
  const paramsFile = resolve(optionString(args, 'params'));
  return {
    parcels: { kind: 'file', file: path.resolve(cwd, parcels), ...vectorOptions(args) },
    redline: { kind: 'file', file: path.resolve(cwd, redline), index, crs: redlineCrs === undefined ? undefined : crsFromUserInput(redlineCrs) },
    bufferM,
    params: paramsFile ? { file: paramsFile } : undefined,
    coefficientsFile: resolve(optionString(args, 'coefficients')),
    tiersFile: resolve(optionString(args, 'tiers')),
    modes: mode as ModeChoice,
    rasters: { files, dem: resolve(optionString(args, 'dem')), units, rule: zonal, intermediatesDir: resolve(optionString(args, 'intermediates')) },
    areaBasis: basis,
    idField: optionString(args, 'id-field'),
    accountingYear: optionNumber(args, 'accounting-year'),
  };
}

/** The human-readable result: zones, services, premium, notices. */
function summary(r: AccountResult, lang: Lang): string {
  const zh = lang === 'zh';
  const zoneName = { redline: zh ? '红线' : 'red line', buffer: zh ? '影响区' : 'impact ring', total: zh ? '合计' : 'total' };
  const lines = [zh ? '分区\t面积 m²\t价值 元/a\t单位面积价值 元/m²/a' : 'zone\tarea m²\tvalue 元/a\tunit value 元/m²/a'];
  for (const z of ['redline', 'buffer', 'total'] as const) lines.push(`${zoneName[z]}\t${r.zones[z].area}\t${r.zones[z].value}\t${r.zones[z].unitValue ?? '-'}`);
  lines.push('', zh ? '服务\t方法\t实物量\t价值 元/a' : 'service\tmode\tquantity\tvalue 元/a');
  for (const id of SERVICE_IDS) {
    const s = r.services[id];
    lines.push(`${id}\t${s.mode}\t${s.quantity ?? '-'} ${s.unit}\t${s.value}`);
  }
  const p = r.premium;
  lines.push('', `${zh ? '溢价指数' : 'premium index'}: ${p.unitValue ?? '-'} 元/m²/a, ${zh ? '档次' : 'tier'} ${p.tier ?? '-'}, ${zh ? '提取比例' : 'rate'} ${p.rate ?? '-'}${p.amount !== null ? `, ${zh ? '金额' : 'amount'} ${p.amount} 元` : ''}`);
  for (const n of r.notices) lines.push(`${zh ? '说明' : 'notice'}: ${zh ? n.zh : n.en}`);
  for (const w of r.warnings) lines.push(`${zh ? '警告' : 'warning'}: ${zh ? w.message.zh : w.message.en}`);
  return `${lines.join('\n')}\n`;
}
