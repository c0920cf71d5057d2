/**
 * The batch workbook: one summary sheet with a row per red line (areas, unit values, tier, rate, premium, or the
 * reason a red line could not be accounted), then one sheet per red line with its summary block and its service,
 * land-class and parcel tables stacked.
 */
import type ExcelJS from 'exceljs';
import type { AccountResult, Lang, ParameterSet } from '#core';
import { label, zoneName } from '../report-labels';
import { classTable, parcelTable, serviceTable, writeSummaryBlock, type AppraisalInput } from './appraisal-sections';
import { newWorkbook } from './appraisal-workbook';
import { writeTable, writeTableSheet, type CellValue, type TableColumn } from './sheet-table';

export interface BatchEntry {
  /** The red line's name (file stem, feature name or the project's name for it). */
  name: string;
  /** Null when the red line could not be accounted; `error` says why. */
  result: AccountResult | null;
  error?: string;
  params?: ParameterSet | null;
}

const MAX_SHEET_NAME = 31;

/** A valid, unique Excel sheet name: no []:*?/\, at most 31 characters, not taken yet (compared case-insensitively). */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = (wanted.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim() || 'Sheet').slice(0, MAX_SHEET_NAME);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()) || name.toLowerCase() === 'history'; n++) {
    const suffix = ` (${n})`;
    name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** Builds the batch workbook. Entries keep their order; a failed entry gets a summary row with its error only. */
export function buildBatchWorkbook(entries: readonly BatchEntry[], lang: Lang, generatedAt = new Date()): ExcelJS.Workbook {
  const wb = newWorkbook();
  const taken = new Set<string>();
  const summary = wb.addWorksheet(sheetName(label('sheetBatch', lang), taken));
  const names = entries.map((e) => (e.result ? sheetName(e.name, taken) : null));
  const columns: TableColumn[] = [
    { header: '#', format: 'integer', minWidth: 5 }, { header: label('name', lang), minWidth: 16 }, { header: label('redlineAreaM2', lang), format: 'area' },
    { header: `${zoneName('redline', lang)} ${label('value', lang)}`, format: 'money' },
    { header: `${zoneName('redline', lang)} ${label('unitValue', lang)}`, format: 'unitValue' },
    { header: `${zoneName('buffer', lang)} ${label('unitValue', lang)}`, format: 'unitValue' },
    { header: `${zoneName('total', lang)} ${label('unitValue', lang)}`, format: 'unitValue' },
    { header: label('premiumIndex', lang), format: 'unitValue' }, { header: label('tier', lang), format: 'integer' }, { header: label('rate', lang), format: 'rate' },
    { header: label('premiumAmount', lang), format: 'money' }, { header: label('note', lang), maxWidth: 80 },
  ];
  const rows = entries.map((e, i): CellValue[] => {
    const r = e.result;
    if (!r) return [i + 1, e.name, null, null, null, null, null, null, null, null, null, e.error ?? ''];
    const note = r.notices.map((n) => n[lang]).join(' ');
    return [i + 1, e.name, r.redline.area, r.zones.redline.value, r.zones.redline.unitValue, r.zones.buffer.unitValue, r.zones.total.unitValue, r.premium.unitValue, r.premium.tier, r.premium.rate, r.premium.amount, note];
  });
  writeTableSheet(summary, columns, rows, (i) => (entries[i].result ? null : 'FFFDE2E1'));
  entries.forEach((e, i) => {
    const name = names[i];
    if (!e.result || name === null) return;
    // A link from the summary row to the red line's sheet.
    summary.getCell(i + 2, 2).value = { text: e.name, hyperlink: `#'${name.replace(/'/g, "''")}'!A1` };
    const ws = wb.addWorksheet(name);
    const input: AppraisalInput = { result: e.result, params: e.params ?? null, redLineName: e.name, lang, generatedAt };
    let row = writeSummaryBlock(ws, 1, input) + 1;
    for (const t of [serviceTable(input), classTable(input), parcelTable(input)]) row = writeTable(ws, row, t.columns, t.rows) + 1;
    ws.getColumn(1).width = Math.max(ws.getColumn(1).width ?? 0, 28);
  });
  return wb;
}
