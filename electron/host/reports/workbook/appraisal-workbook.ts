/**
 * The appraisal workbook (XLSX) an appraiser files with the land appraisal report: a summary sheet, then one sheet
 * per table — services, land classes, parcels, the full parameter table (unverified values shaded and marked),
 * provenance and notes. Sheet names and headers in Chinese or English. Numbers are numbers with number formats,
 * never text, so the workbook recomputes in Excel/WPS exactly as the `vep account --json` document reads.
 */
import ExcelJS from 'exceljs';
import { writeFilesAtomic } from '../../exports/atomic-write';
import { label } from '../report-labels';
import { classTable, notesTable, parameterTable, parcelTable, provenanceTable, serviceTable, UNVERIFIED_FILL, writeSummaryBlock, type AppraisalInput } from './appraisal-sections';
import { writeTableSheet } from './sheet-table';

export type { AppraisalInput } from './appraisal-sections';

/** Workbook metadata shared by every workbook we write. */
export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'VEP Studio';
  wb.created = new Date();
  return wb;
}

/**
 * Builds the workbook of one red line's accounting.
 * @example const wb = buildAppraisalWorkbook({ result, params, redLineName: '递铺街道 A-3 地块', lang: 'zh' });
 */
export function buildAppraisalWorkbook(input: AppraisalInput): ExcelJS.Workbook {
  const wb = newWorkbook();
  const { lang } = input;
  const summary = wb.addWorksheet(label('sheetSummary', lang));
  writeSummaryBlock(summary, 1, input);
  summary.getColumn(1).width = Math.max(summary.getColumn(1).width ?? 0, 28);
  summary.getColumn(2).width = Math.max(summary.getColumn(2).width ?? 0, 22);
  const sheets = [
    ['sheetServices', serviceTable(input)],
    ['sheetClasses', classTable(input)],
    ['sheetParcels', parcelTable(input)],
  ] as const;
  for (const [name, t] of sheets) writeTableSheet(wb.addWorksheet(label(name, lang)), t.columns, t.rows);
  const params = parameterTable(input);
  writeTableSheet(wb.addWorksheet(label('sheetParameters', lang)), params.columns, params.rows, (i) => (params.unverified[i] ? UNVERIFIED_FILL : null));
  const provenance = provenanceTable(input);
  writeTableSheet(wb.addWorksheet(label('sheetProvenance', lang)), provenance.columns, provenance.rows);
  const notes = notesTable(input);
  writeTableSheet(wb.addWorksheet(label('sheetNotes', lang)), notes.columns, notes.rows);
  return wb;
}

/**
 * Writes a workbook to `target` atomically (a temporary file in the same folder, renamed into place).
 * @throws InputError EXPORT_TARGET_DIR_MISSING, EXPORT_WRITE_FAILED
 */
export async function writeWorkbook(target: string, wb: ExcelJS.Workbook): Promise<void> {
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  writeFilesAtomic([{ path: target, bytes }]);
}
