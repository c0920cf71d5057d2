/**
 * Tables in a worksheet: a bold header row, typed cells (numbers stay numbers, formatted by the column's number
 * format), column widths from the content (a CJK character counts two), and, for a sheet that is one table, the
 * header frozen and an auto-filter over it.
 */
import type ExcelJS from 'exceljs';

/** Excel number formats of the appraisal (rounding is core's; the format only shows the places). */
export const NUMBER_FORMAT = {
  money: '#,##0.00" 元"',
  unitValue: '0.0000" 元/m²"',
  area: '#,##0.00" m²"',
  quantity: '#,##0.00####',
  rate: '0.00%',
  integer: '0',
  number: 'General',
} as const;

export type CellValue = string | number | boolean | null;

export interface TableColumn {
  header: string;
  format?: keyof typeof NUMBER_FORMAT;
  /** Minimum width in characters. */
  minWidth?: number;
  maxWidth?: number;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F0' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFB0B7BF' } };

/** Display width of a text in Excel character units: East Asian wide characters count two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

/**
 * Writes a table at `startRow` (1-based) and returns the next free row. Column widths grow to fit (never shrink, so
 * stacked tables share them).
 * @param highlight rows to shade (e.g. unverified parameters), by index into `rows`.
 */
export function writeTable(ws: ExcelJS.Worksheet, startRow: number, columns: readonly TableColumn[], rows: readonly CellValue[][], highlight?: (index: number) => string | null): number {
  const header = ws.getRow(startRow);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  });
  const widths = columns.map((c) => Math.max(c.minWidth ?? 8, Math.min(textWidth(c.header) + 2, c.maxWidth ?? 40)));
  rows.forEach((values, r) => {
    const row = ws.getRow(startRow + 1 + r);
    const shade = highlight?.(r) ?? null;
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const v = values[i] ?? null;
      cell.value = v;
      if (c.format) cell.numFmt = NUMBER_FORMAT[c.format];
      if (shade) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: shade } };
      if (v !== null) widths[i] = Math.max(widths[i], Math.min(displayLength(v, c) + 2, c.maxWidth ?? 40));
    });
  });
  columns.forEach((_, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(col.width ?? 0, widths[i]);
  });
  return startRow + 1 + rows.length;
}

/** Makes a sheet whose content is one table: the table at row 1, header frozen, auto-filter. */
export function writeTableSheet(ws: ExcelJS.Worksheet, columns: readonly TableColumn[], rows: readonly CellValue[][], highlight?: (index: number) => string | null): void {
  writeTable(ws, 1, columns, rows, highlight);
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  if (rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

function displayLength(v: CellValue, c: TableColumn): number {
  if (typeof v === 'number') {
    const fixed = c.format === 'money' || c.format === 'area' ? v.toFixed(2) : c.format === 'unitValue' ? v.toFixed(4) : String(v);
    const suffix = c.format === 'money' ? 2 : c.format === 'area' ? 3 : c.format === 'unitValue' ? 5 : 0;
    return fixed.length + Math.floor(fixed.length / 3) + suffix;
  }
  return textWidth(String(v));
}
