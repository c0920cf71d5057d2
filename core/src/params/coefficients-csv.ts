/**
 * The `--coefficients` CSV of docs/design/cli.md: value coefficients in 元 per m² per year,
 *
 *   dlbm,water_retention,soil_conservation,flood_storage,carbon_sequestration,oxygen_release,climate_regulation
 *   03,5.0122,0.2443,1.2708,0.6401,1.428,7.2139
 *
 * A row may give a level-1 code that applies to every code under it not listed (coefficient-table.ts); an empty cell
 * means no coefficient (0, and a warning).
 */
import { InputError } from '../errors';
import { findLandClass, normalizeDlbm } from '../landclass/land-class';
import { SERVICE_IDS, type ServiceId } from '../services/service-ids';
import type { CoefficientTable, CoefficientTableRow } from './coefficient-table';
import { csvCheckHeader, csvColumn, csvNumber, parseCsv, writeCsv } from './csv';

const HEADER = ['dlbm', ...SERVICE_IDS] as const;

/**
 * Parses a coefficients CSV.
 * @throws InputError with the line and column for a syntax error, a missing or unknown column, a value that is not
 *   a number, an unknown or repeated DLBM (CSV_*, COEFFICIENTS_*).
 */
export function parseCoefficientsCsv(text: string, name: string): CoefficientTable {
  const table = parseCsv(text, name);
  csvCheckHeader(table, HEADER);
  const dlbmCol = csvColumn(table, 'dlbm');
  const cols = SERVICE_IDS.map((s) => csvColumn(table, s));
  const rows: CoefficientTableRow[] = [];
  const lines = new Map<string, number>();
  for (const record of table.records) {
    const code = normalizeDlbm(record.fields[dlbmCol]);
    if (findLandClass(code) === undefined) throw new InputError('COEFFICIENTS_DLBM_UNKNOWN', { file: name, line: record.line, column: dlbmCol + 1, value: code });
    const first = lines.get(code);
    if (first !== undefined) throw new InputError('COEFFICIENTS_DLBM_DUPLICATE', { file: name, line: record.line, value: code, first });
    lines.set(code, record.line);
    const values = {} as Record<ServiceId, number | null>;
    SERVICE_IDS.forEach((s, k) => (values[s] = record.fields[cols[k]].trim() === '' ? null : csvNumber(table, record, cols[k])));
    rows.push({ code, values });
  }
  return { name, rows };
}

/** Writes a coefficient table in the same format (rows in the table's order). */
export function coefficientsToCsv(table: CoefficientTable): string {
  return writeCsv(HEADER, table.rows.map((r) => [r.code, ...SERVICE_IDS.map((s) => r.values[s])]));
}
