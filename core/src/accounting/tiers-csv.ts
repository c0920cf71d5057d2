/**
 * The `--tiers` CSV of docs/design/cli.md: `min_unit_value,max_unit_value,rate` (元/m²; an empty bound is open;
 * rate as a fraction), one band per line, ascending.
 */
import { InputError } from '../errors';
import { csvCheckHeader, csvColumn, csvNumber, parseCsv, writeCsv, type CsvRecord, type CsvTable } from '../params/csv';
import { validateTiers, type TierRow, type TierTable } from './tiers';

const HEADER = ['min_unit_value', 'max_unit_value', 'rate'] as const;

/**
 * Parses and checks a tiers CSV.
 * @throws InputError with the line and column for a syntax error, a bad number, a percentage written as a rate
 *   (TIERS_RATE_PERCENT), or a table whose bands overlap or are out of order (the first error of validateTiers).
 */
export function parseTiersCsv(text: string, name: string): TierTable {
  const table = parseCsv(text, name);
  csvCheckHeader(table, HEADER);
  const [minCol, maxCol, rateCol] = HEADER.map((h) => csvColumn(table, h));
  const rows: TierRow[] = table.records.map((record) => {
    const raw = record.fields[rateCol].trim();
    if (raw.endsWith('%')) throw new InputError('TIERS_RATE_PERCENT', { file: name, line: record.line, column: rateCol + 1, value: raw });
    return { minUnitValue: optional(table, record, minCol), maxUnitValue: optional(table, record, maxCol), rate: csvNumber(table, record, rateCol) };
  });
  const tiers: TierTable = { name, rows, illustrative: false };
  const error = validateTiers(tiers, 'tiers', table.records.map((r) => r.line)).find((i) => i.severity === 'error');
  if (error !== undefined) throw new InputError(error.code, error.details);
  return tiers;
}

function optional(table: CsvTable, record: CsvRecord, column: number): number | null {
  return record.fields[column].trim() === '' ? null : csvNumber(table, record, column);
}

/** Writes a tier table in the same format. */
export function tiersToCsv(table: TierTable): string {
  return writeCsv(HEADER, table.rows.map((r) => [r.minUnitValue, r.maxUnitValue, r.rate]));
}
