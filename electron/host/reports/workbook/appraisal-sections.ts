/**
 * The sections of an appraisal in a worksheet: the summary block (red line, zones, premium, notices), and the rows
 * of the service, land-class, parcel, parameter, provenance and notes tables. The single-red-line workbook gives each
 * table its own sheet; the batch workbook stacks them on one sheet per red line.
 */
import type ExcelJS from 'exceljs';
import { SERVICE_IDS, type AccountResult, type Lang, type ParameterSet } from '#core';
import { classRows, parameterRows, serviceRows, zoneRows } from '../account-tables';
import { label, serviceName, zoneName } from '../report-labels';
import { NUMBER_FORMAT, writeTable, type CellValue, type TableColumn } from './sheet-table';

export interface AppraisalInput {
  result: AccountResult;
  /** The parameter set the run used, for the parameter table; null lists only what the result itself carries. */
  params: ParameterSet | null;
  redLineName: string;
  lang: Lang;
  /** Printed as the generation time (default: now). */
  generatedAt?: Date;
}

const NOTICE_COLOUR = 'FFB00020';
export const UNVERIFIED_FILL = 'FFFFF4CC';

/** The summary block from `row`: title, red line, zone table, premium, notices. Returns the next free row. */
export function writeSummaryBlock(ws: ExcelJS.Worksheet, row: number, input: AppraisalInput): number {
  const { result: r, lang } = input;
  const title = ws.getCell(row, 1);
  title.value = label('workbookTitle', lang);
  title.font = { bold: true, size: 14 };
  row += 1;
  const pairs: [string, CellValue, TableColumn['format']?][] = [
    [label('redLineName', lang), input.redLineName],
    [label('redlineAreaM2', lang), r.redline.area, 'area'],
    [label('generatedAt', lang), formatTime(input.generatedAt ?? new Date())],
  ];
  row = writePairs(ws, row, pairs) + 1;
  row = writeTable(ws, row, [{ header: label('zone', lang), minWidth: 22 }, { header: label('areaM2', lang), format: 'area' }, { header: label('value', lang), format: 'money' }, { header: label('unitValue', lang), format: 'unitValue' }],
    zoneRows(r, lang).map((z) => [z.name, z.areaM2, z.valueYuan, z.unitValue])) + 1;
  const p = r.premium;
  const heading = ws.getCell(row, 1);
  heading.value = p.label?.[lang] ?? label('premium', lang);
  heading.font = { bold: true };
  row += 1;
  row = writePairs(ws, row, [
    [label('premiumIndex', lang), p.unitValue, 'unitValue'],
    [label('combineRule', lang), p.combine],
    [label('tierTable', lang), p.tiers + (p.illustrative ? ` (${label('illustrative', lang)})` : '')],
    [label('tier', lang), p.tier ?? label('noTier', lang), 'integer'],
    [label('rate', lang), p.rate, 'rate'],
    [label('premiumBase', lang), p.base?.yuan ?? label('notGiven', lang), 'money'],
    [label('premiumAmount', lang), p.amount ?? label('notGiven', lang), 'money'],
  ]);
  for (const n of r.notices) {
    row += 1;
    const cell = ws.getCell(row, 1);
    cell.value = n[lang];
    cell.font = { color: { argb: NOTICE_COLOUR }, bold: true };
  }
  return row + 1;
}

function writePairs(ws: ExcelJS.Worksheet, row: number, pairs: [string, CellValue, TableColumn['format']?][]): number {
  for (const [name, value, format] of pairs) {
    ws.getCell(row, 1).value = name;
    ws.getCell(row, 1).font = { bold: true };
    const cell = ws.getCell(row, 2);
    cell.value = value;
    if (format && typeof value === 'number') cell.numFmt = NUMBER_FORMAT[format];
    row++;
  }
  return row;
}

export function serviceTable(input: AppraisalInput): { columns: TableColumn[]; rows: CellValue[][] } {
  const { lang } = input;
  return {
    columns: [
      { header: label('service', lang), minWidth: 12 }, { header: label('mode', lang) }, { header: label('quantity', lang), format: 'quantity' }, { header: label('unit', lang) },
      { header: label('value', lang), format: 'money' }, { header: label('unitValue', lang), format: 'unitValue' },
      { header: `${zoneName('redline', lang)} ${label('value', lang)}`, format: 'money' }, { header: `${zoneName('buffer', lang)} ${label('value', lang)}`, format: 'money' },
    ],
    rows: serviceRows(input.result, lang).map((s) => [s.name, s.mode, s.quantity, s.unit, s.valueYuan, s.unitValue, s.redlineYuan, s.bufferYuan]),
  };
}

export function classTable(input: AppraisalInput): { columns: TableColumn[]; rows: CellValue[][] } {
  const { lang } = input;
  return {
    columns: [
      { header: label('zone', lang) }, { header: label('dlbm', lang) }, { header: label('dlmc', lang), minWidth: 12 }, { header: label('areaM2', lang), format: 'area' },
      { header: label('value', lang), format: 'money' }, { header: label('unitValue', lang), format: 'unitValue' },
      ...SERVICE_IDS.map((id): TableColumn => ({ header: `${serviceName(id, lang)}（元/年）`, format: 'money' })),
    ],
    rows: classRows(input.result, lang).map((c) => [zoneName(c.zone, lang), c.dlbm, c.dlmc, c.areaM2, c.valueYuan, c.unitValue, ...c.services]),
  };
}

export function parcelTable(input: AppraisalInput): { columns: TableColumn[]; rows: CellValue[][] } {
  const { lang, result: r } = input;
  return {
    columns: [
      { header: label('parcelId', lang) }, { header: label('zone', lang) }, { header: label('dlbm', lang) }, { header: label('dlmc', lang), minWidth: 12 }, { header: label('areaM2', lang), format: 'area' },
      ...SERVICE_IDS.flatMap((id): TableColumn[] => [
        { header: `${serviceName(id, lang)} ${label('quantity', lang)}（${r.services[id].unit}）`, format: 'quantity' },
        { header: `${serviceName(id, lang)}（元/年）`, format: 'money' },
      ]),
      { header: label('value', lang), format: 'money' }, { header: label('unitValue', lang), format: 'unitValue' },
    ],
    rows: r.parcels.map((p) => [
      typeof p.id === 'number' ? p.id : String(p.id), zoneName(p.zone, lang), p.dlbm, p.dlmc, p.area,
      ...SERVICE_IDS.flatMap((id) => [p.services[id].quantity, p.services[id].value]), p.value, p.unitValue,
    ]),
  };
}

export function parameterTable(input: AppraisalInput): { columns: TableColumn[]; rows: CellValue[][]; unverified: boolean[] } {
  const { lang } = input;
  const columns: TableColumn[] = [
    { header: label('group', lang) }, { header: label('dlbm', lang) }, { header: label('paramId', lang), minWidth: 16 }, { header: label('paramValue', lang), format: 'number' },
    { header: label('unit', lang) }, { header: label('priceYear', lang), format: 'integer' }, { header: label('source', lang) }, { header: label('citation', lang), maxWidth: 60 },
    { header: label('confidence', lang) }, { header: label('verified', lang) }, { header: label('note', lang), maxWidth: 60 },
  ];
  if (!input.params) {
    // Without the set, the prices the run used and its unverified values are what the result itself records.
    const items = input.result.prices.items.map((p): CellValue[] => [label('groupPrices', lang), null, p.id, p.value, p.unit, p.priceYear, null, null, null, null, p.reason]);
    const unverified = input.result.unverified.map((u): CellValue[] => [null, null, u.path, u.value, u.unit, null, u.source, null, u.tag, label('unverified', lang), u.note]);
    return { columns, rows: [...items, ...unverified], unverified: [...items.map(() => false), ...unverified.map(() => true)] };
  }
  const rows = parameterRows(input.params, lang);
  return {
    columns,
    rows: rows.map((p) => [
      p.group, p.dlbm, p.id, p.value, p.unit, p.priceYear, p.source, p.citation, p.tag,
      (p.verified ? label('yes', lang) : label('unverified', lang)) + (p.illustrative ? ` / ${label('illustrative', lang)}` : ''), p.note,
    ]),
    unverified: rows.map((p) => !p.verified),
  };
}

export function provenanceTable(input: AppraisalInput): { columns: TableColumn[]; rows: CellValue[][] } {
  const { lang, result: r } = input;
  const rows: CellValue[][] = [
    [label('version', lang), r.provenance.version],
    [label('parameterSet', lang), r.provenance.params.id],
    [`${label('parameterSet', lang)} SHA-256`, r.provenance.params.sha256],
    ...r.provenance.inputs.flatMap((i): CellValue[][] => [[label('inputs', lang), i.path], [`${label('inputs', lang)} SHA-256`, i.sha256]]),
    ...SERVICE_IDS.map((id): CellValue[] => [`${label('mode', lang)}: ${serviceName(id, lang)}`, label(r.modes[id] === 'model' ? 'modeModel' : 'modeCoefficient', lang)]),
    ...r.rasters.map((x): CellValue[] => [`${label('rasters', lang)}: ${x.id}`, `${x.unit}${x.resolutionM === null ? '' : `, ${x.resolutionM} m`}`]),
    [label('generatedAt', lang), formatTime(input.generatedAt ?? new Date())],
  ];
  return { columns: [{ header: label('source', lang), minWidth: 24 }, { header: label('paramValue', lang), maxWidth: 90 }], rows };
}

export function notesTable(input: AppraisalInput): { columns: TableColumn[]; rows: CellValue[][] } {
  const { lang, result: r } = input;
  return {
    columns: [{ header: label('code', lang), minWidth: 20 }, { header: label('message', lang), maxWidth: 100 }, { header: label('pieces', lang), format: 'integer' }, { header: label('areaM2', lang), format: 'area' }],
    rows: [
      ...r.notices.map((n): CellValue[] => [label('notices', lang), n[lang], null, null]),
      ...r.warnings.map((w): CellValue[] => [w.code, w.message[lang], w.pieceCount, w.area]),
    ],
  };
}

/** Local time as YYYY-MM-DD HH:MM, the form a printed report carries. */
export function formatTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
