/**
 * The files `vep account --out PATH` writes (docs/design/cli.md), by extension — one red line's accounting:
 *
 *   .json  the `--json` document itself ({@link accountJsonText}: the same bytes `--json` prints)
 *   .csv   one row per clipped parcel piece (UTF-8 with a BOM so Excel reads the Chinese, CRLF), and beside it
 *          `<name>.summary.csv`: every summary number as (key, value, unit), keys being the JSON paths — two plain
 *          tables rather than one file with leading summary rows, so any CSV reader takes each as it is
 *   .xlsx  the appraisal workbook (workbook/appraisal-workbook.ts)
 *   .gpkg  layers `redline`, `zone` and `parcels` (one row per piece, its geometry and values), and the attribute
 *          tables `summary` (as the summary CSV) and `classes` (per zone and land class)
 *   .pdf   the appraisal report (pdf/report-pdf.ts)
 *
 * Every file is written through a temporary file renamed into place.
 */
import path from 'node:path';
import { DEFAULT_PARAMETER_SET, InputError, SERVICE_IDS, type AccountResult, type CrsInfo, type Feature, type Lang, type ParameterSet, type PolygonalGeometry, type RedlineAccount, type ZoneId } from '#core';
import { writeFilesAtomic } from '../exports/atomic-write';
import type { ExportField, ExportLayer, ExportResult } from '../exports/export-layer';
import { writeGeoPackage } from '../exports/gpkg-export';
import { PIECE_FIELDS, pieceRowProperties } from '../exports/piece-fields';
import { classRows, summaryEntries } from './account-tables';
import type { MapData } from './map/map-content';
import { writeReportPdf } from './pdf/report-pdf';
import { buildAppraisalWorkbook, writeWorkbook } from './workbook/appraisal-workbook';

/** A clipped piece with its geometry, as core's accountRedline returns it (AccountedPiece) or as a test builds it. */
export interface OutputPiece {
  parcelId: string | number;
  zone: ZoneId;
  geometry: PolygonalGeometry | null;
  /** The land classes the piece counts for (a 田坎 deduction splits one piece in two rows); else `dlbm`. */
  classes?: readonly { dlbm: string }[];
  dlbm?: string;
}

export interface AccountOutputInput {
  result: AccountResult;
  /** CRS of the geometries below (required for .gpkg). */
  crs: CrsInfo | null;
  redline: PolygonalGeometry | null;
  ring: PolygonalGeometry | null;
  /** The clipped pieces, in the order the accounting received them. */
  pieces: readonly OutputPiece[];
  redLineName: string;
  params: ParameterSet | null;
  lang: Lang;
  bufferM?: number | null;
  generatedAt?: Date;
}

export const ACCOUNT_OUTPUT_EXTENSIONS = ['.json', '.csv', '.xlsx', '.gpkg', '.pdf'] as const;

/**
 * The output input of an accounting as `runAccount` returns it (core's RedlineAccount plus the parcels' CRS): its
 * pieces, ring and result. The red line geometry is passed separately (in `crs`), with the name and parameter set;
 * without a set, the built-in one is used when the result says it was used, else the parameter table lists what the
 * result carries.
 */
export function outputOfAccount(
  account: RedlineAccount & { crs: CrsInfo },
  options: { redline: PolygonalGeometry | null; redLineName: string; lang: Lang; params?: ParameterSet | null; bufferM?: number | null },
): AccountOutputInput {
  const params = options.params ?? (account.result.provenance.params.id === DEFAULT_PARAMETER_SET.id ? DEFAULT_PARAMETER_SET : null);
  return {
    result: account.result, crs: account.crs, redline: options.redline, ring: account.ring, pieces: account.pieces,
    redLineName: options.redLineName, params, lang: options.lang, bufferM: options.bufferM ?? null,
  };
}

/** The `vep account --json` document as text: two-space indented, keys in the result's order, a final newline. */
export function accountJsonText(result: AccountResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/**
 * Writes the accounting of one red line to `target` by its extension.
 * @returns the files written, main file first.
 * @throws InputError EXPORT_FORMAT_UNSUPPORTED, EXPORT_NO_CRS (.gpkg without a CRS), EXPORT_WRITE_FAILED, and the
 *   report's REPORT_* errors.
 */
export async function writeAccountOutput(target: string, input: AccountOutputInput): Promise<string[]> {
  const ext = path.extname(target).toLowerCase();
  switch (ext) {
    case '.json':
      writeFilesAtomic([{ path: target, bytes: accountJsonText(input.result) }]);
      return [target];
    case '.csv': {
      const summary = target.replace(/\.csv$/i, '.summary.csv');
      writeFilesAtomic([
        { path: summary, bytes: summaryCsv(input.result) },
        { path: target, bytes: parcelsCsv(input.result) },
      ]);
      return [target, summary];
    }
    case '.xlsx':
      await writeWorkbook(target, buildAppraisalWorkbook(input));
      return [target];
    case '.gpkg':
      return (await writeAccountGeoPackage(target, input)).files;
    case '.pdf':
      await writeReportPdf(target, { ...input, map: mapDataOf(input) });
      return [target];
    default:
      throw new InputError('EXPORT_FORMAT_UNSUPPORTED', { path: target, formats: ACCOUNT_OUTPUT_EXTENSIONS.join(' ') });
  }
}

/** The map of an accounting: the pieces coloured by their (first) land class, the red line and the ring. */
export function mapDataOf(input: AccountOutputInput): MapData | null {
  if (!input.crs) return null;
  return { crs: input.crs, parcels: input.pieces.map((p) => ({ geometry: p.geometry, dlbm: p.classes?.[0]?.dlbm ?? p.dlbm ?? null })), redline: input.redline, ring: input.ring };
}

const BOM = '\ufeff';

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Fixed places for money (2), areas (2) and unit values (4), as cli.md rounds them; quantities as the JSON has them. */
function csvNumber(v: number | null, places: number | null): string {
  return v === null ? '' : places === null ? String(v) : v.toFixed(places);
}

const PLACES: Record<string, number | null> = { area_m2: 2, value_yuan: 2, unit_value: 4, ...Object.fromEntries(SERVICE_IDS.flatMap((id) => [[`${id}_value`, 2], [`${id}_quantity`, null]])) };

/** The per-piece CSV: the columns of the GeoPackage `parcels` layer, one row per row of `parcels` in the JSON. */
export function parcelsCsv(result: AccountResult): string {
  const names = PIECE_FIELDS.map((f) => f.name);
  const lines = [names.join(',')];
  for (const row of result.parcels) {
    const props = pieceRowProperties(row);
    lines.push(PIECE_FIELDS.map((f) => (f.type === 'number' ? csvNumber(props[f.name] as number | null, PLACES[f.name] ?? null) : csvCell(props[f.name] as string | null))).join(','));
  }
  return BOM + lines.join('\r\n') + '\r\n';
}

/** The summary CSV: key (the JSON path), value (a number or a text), unit. */
export function summaryCsv(result: AccountResult): string {
  const lines = ['key,value,unit', ...summaryEntries(result).map((e) => [e.key, e.value !== null ? String(e.value) : e.text, e.unit].map((c) => csvCell(c)).join(','))];
  return BOM + lines.join('\r\n') + '\r\n';
}

/**
 * The GeoPackage of `--out x.gpkg`. Each row of the result's `parcels` gets the geometry of its piece: rows and
 * pieces are matched by (zone, parcel id, DLBM) in order, which is exact because core sorts the rows stably.
 */
export async function writeAccountGeoPackage(target: string, input: AccountOutputInput): Promise<ExportResult> {
  if (!input.crs) throw new InputError('EXPORT_NO_CRS', { layer: 'parcels', format: 'GeoPackage' });
  const r = input.result;
  const queues = new Map<string, (PolygonalGeometry | null)[]>();
  for (const p of input.pieces) {
    for (const c of p.classes ?? [{ dlbm: p.dlbm ?? '' }]) {
      const key = `${p.zone}|${String(p.parcelId)}|${c.dlbm.trim().toUpperCase()}`;
      let q = queues.get(key);
      if (!q) queues.set(key, (q = []));
      q.push(p.geometry);
    }
  }
  const parcels: Feature[] = r.parcels.map((row, i) => ({ type: 'Feature', id: i + 1, geometry: queues.get(`${row.zone}|${String(row.id)}|${row.dlbm}`)?.shift() ?? null, properties: pieceRowProperties(row) }));
  const crs = input.crs;
  const zoneFields: ExportField[] = [
    { name: 'zone', type: 'string', width: 7 }, { name: 'area_m2', type: 'number', width: null, decimals: 2 },
    { name: 'value_yuan', type: 'number', width: null, decimals: 2 }, { name: 'unit_value', type: 'number', width: null, decimals: 4 },
  ];
  const zone = (z: 'redline' | 'buffer', g: PolygonalGeometry | null): Feature => ({ type: 'Feature', geometry: g, properties: { zone: z, area_m2: r.zones[z].area, value_yuan: r.zones[z].value, unit_value: r.zones[z].unitValue } });
  const layers: ExportLayer[] = [
    {
      name: 'redline', title: input.redLineName, crs, geometryType: 'MultiPolygon',
      fields: [{ name: 'name', type: 'string', width: null }, { name: 'area_m2', type: 'number', width: null, decimals: 2 }],
      features: () => [{ type: 'Feature', geometry: input.redline, properties: { name: input.redLineName, area_m2: r.redline.area } }],
    },
    { name: 'zone', title: 'zone', crs, geometryType: 'MultiPolygon', fields: zoneFields, features: () => [zone('redline', input.redline), zone('buffer', input.ring)] },
    { name: 'parcels', title: 'parcels', crs, geometryType: 'MultiPolygon', fields: PIECE_FIELDS, features: () => parcels },
    {
      name: 'summary', title: 'summary', crs: null, geometryType: null,
      fields: [{ name: 'key', type: 'string', width: null }, { name: 'value', type: 'number', width: null }, { name: 'text', type: 'string', width: null }, { name: 'unit', type: 'string', width: null }],
      features: () => summaryEntries(r).map((e) => ({ type: 'Feature', geometry: null, properties: { key: e.key, value: e.value, text: e.text, unit: e.unit } })),
    },
    {
      name: 'classes', title: 'classes', crs: null, geometryType: null,
      fields: [
        { name: 'zone', type: 'string', width: null }, { name: 'dlbm', type: 'string', width: null }, { name: 'dlmc', type: 'string', width: null },
        { name: 'area_m2', type: 'number', width: null }, { name: 'value_yuan', type: 'number', width: null }, { name: 'unit_value', type: 'number', width: null },
        ...SERVICE_IDS.map((id): ExportField => ({ name: `${id}_value`, type: 'number', width: null })),
      ],
      features: () =>
        classRows(r, 'zh').map((c) => ({
          type: 'Feature', geometry: null,
          properties: { zone: c.zone, dlbm: c.dlbm, dlmc: c.dlmc, area_m2: c.areaM2, value_yuan: c.valueYuan, unit_value: c.unitValue, ...Object.fromEntries(SERVICE_IDS.map((id, k) => [`${id}_value`, c.services[k]])) },
        })),
    },
  ];
  return writeGeoPackage(target, layers);
}
