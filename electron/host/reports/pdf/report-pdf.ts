/**
 * The PDF appraisal report, in Chinese or English, drawn in the host with pdfkit so the app and the `vep` command
 * (plain Node, no browser) make the same file: a title block and the results with the premium on page 1; the
 * location map (red line, ring, parcels in 三调 colours, legend, scale bar, north arrow, Gauss-Kruger grid) on page
 * 2, drawn as vectors from the geometries; the service, land-class and parcel tables; the method and parameter
 * notes with units, price years, sources and unverified marks; the warnings. Every number is the AccountResult's.
 */
import { SERVICE_IDS, SERVICE_SPECS } from '#core';
import { VERSION } from '../../version';
import { writeFilesAtomic } from '../../exports/atomic-write';
import { classRows, parameterRows, serviceRows, zoneRows } from '../account-tables';
import type { MapData } from '../map/map-content';
import { drawMapSheet } from '../map/map-sheet';
import { PdfSurface, pdfText } from '../map/pdf-surface';
import { textWidthPt } from '../map/report-fonts';
import { label, zoneName } from '../report-labels';
import { formatTime, type AppraisalInput } from '../workbook/appraisal-sections';
import { createPdf, PAPER_PT } from './pdf-document';
import { PdfFlow, formatNumber, type PageGeometry, type PdfColumn } from './pdf-flow';

export interface ReportInput extends AppraisalInput {
  /** The geometries for the location map; null leaves the map page out. */
  map: MapData | null;
  /** Width of the impact ring, m, if known. */
  bufferM?: number | null;
}

/** Parcel rows printed in the PDF; the workbook and CSV carry all of them. */
export const MAX_PDF_PARCEL_ROWS = 3000;

const PAGE: PageGeometry = { width: PAPER_PT.A4[0], height: PAPER_PT.A4[1], left: 48, right: 48, top: 62, bottom: 52 };
const GREY = [110, 110, 110] as const;
const RED = [176, 0, 32] as const;

/** Renders the report. @throws InputError REPORT_FONT_MISSING, REPORT_MAP_EXTENT_INVALID */
export async function renderReportPdf(input: ReportInput): Promise<Uint8Array> {
  const { lang } = input;
  const title = label('reportTitle', lang);
  const { doc, bytes } = createPdf({ size: [PAGE.width, PAGE.height], title: `${title} — ${input.redLineName}`, subject: input.redLineName });
  const runningHeader = () => {
    doc.fillColor([...GREY]);
    pdfText(doc, `${title} · ${input.redLineName}`, PAGE.left, 34, 'regular', 7.5);
    doc.moveTo(PAGE.left, 40).lineTo(PAGE.width - PAGE.right, 40).lineWidth(0.4).strokeColor([...GREY]).stroke();
  };
  const flow = new PdfFlow(doc, PAGE, runningHeader);
  coverPage(flow, input, title);
  if (input.map) mapPage(flow, input);
  resultTables(flow, input);
  methodNotes(flow, input);
  footers(doc, lang);
  doc.end();
  return bytes;
}

/** Renders the report to `target` atomically. */
export async function writeReportPdf(target: string, input: ReportInput): Promise<void> {
  writeFilesAtomic([{ path: target, bytes: await renderReportPdf(input) }]);
}

function coverPage(flow: PdfFlow, input: ReportInput, title: string): void {
  const { doc } = flow;
  const { lang, result: r } = input;
  doc.fillColor([30, 30, 30]);
  pdfText(doc, title, (PAGE.width - textWidthPt(title, 'bold', 20)) / 2, 86, 'bold', 20);
  pdfText(doc, input.redLineName, (PAGE.width - textWidthPt(input.redLineName, 'regular', 12)) / 2, 110, 'regular', 12);
  flow.y = 132;
  const ha = r.redline.area / 10_000;
  flow.keyValues([
    [label('redLineName', lang), input.redLineName],
    [label('redlineAreaM2', lang), `${formatNumber(r.redline.area, 2)} m²（${formatNumber(ha, 4)} ${lang === 'zh' ? '公顷' : 'ha'}）`],
    ...(input.bufferM != null ? [[label('ring', lang), `${formatNumber(input.bufferM, 'integer')} m`] as [string, string]] : []),
    [label('parameterSet', lang), r.provenance.params.id + (r.provenance.params.sha256 ? `  (SHA-256 ${r.provenance.params.sha256.slice(0, 16)}…)` : '')],
    [label('inputs', lang), r.provenance.inputs.map((i) => i.path.split(/[\\/]/).pop()).join(', ') || '—'],
    [label('version', lang), `VEP Studio ${r.provenance.version || VERSION}`],
    [label('generatedAt', lang), formatTime(input.generatedAt ?? new Date())],
  ]);
  flow.heading(label('tables', lang));
  flow.table(
    [{ header: label('zone', lang), width: 3 }, { header: label('areaM2', lang), width: 2.2, format: 2 }, { header: label('value', lang), width: 2.4, format: 2 }, { header: label('unitValue', lang), width: 2.6, format: 4 }],
    zoneRows(r, lang).map((z) => [z.name, z.areaM2, z.valueYuan, z.unitValue]),
    9,
  );
  const p = r.premium;
  flow.heading(p.label?.[lang] ?? label('premium', lang));
  flow.keyValues([
    [label('premiumIndex', lang), formatNumber(p.unitValue, 4)],
    [label('combineRule', lang), p.combine],
    [label('tierTable', lang), p.tiers + (p.illustrative ? `（${label('illustrative', lang)}）` : '')],
    [label('tier', lang), p.tier === null ? label('noTier', lang) : String(p.tier)],
    [label('rate', lang), formatNumber(p.rate, 'rate')],
    [label('premiumBase', lang), p.base?.yuan == null ? label('notGiven', lang) : formatNumber(p.base.yuan, 2)],
    [label('premiumAmount', lang), p.amount === null ? label('notGiven', lang) : formatNumber(p.amount, 2)],
  ]);
  if (r.notices.length > 0) {
    flow.heading(label('notices', lang), 11);
    for (const n of r.notices) flow.paragraph(`■ ${n[lang]}`, 9, RED);
  }
}

function mapPage(flow: PdfFlow, input: ReportInput): void {
  flow.newPage();
  const surface = new PdfSurface(flow.doc, PAGE.width, PAGE.height);
  drawMapSheet(
    surface,
    { data: input.map!, lang: input.lang, title: label('mapTitle', input.lang), subtitle: input.redLineName, generatedAt: input.generatedAt },
    { x: 0, y: 40, w: PAGE.width, h: PAGE.height - 40 - 20 },
    30,
  );
}

function resultTables(flow: PdfFlow, input: ReportInput): void {
  const { lang, result: r } = input;
  flow.newPage();
  flow.heading(label('sheetServices', lang));
  flow.table(
    [
      { header: label('service', lang), width: 2.2 }, { header: label('mode', lang), width: 1.8 }, { header: label('quantity', lang), width: 2.2, format: 'quantity' },
      { header: label('unit', lang), width: 1.2 }, { header: label('value', lang), width: 2.2, format: 2 }, { header: label('unitValue', lang), width: 2, format: 4 },
    ],
    serviceRows(r, lang).map((s) => [s.name, s.mode, s.quantity, s.unit, s.valueYuan, s.unitValue]),
  );
  flow.heading(label('sheetClasses', lang));
  flow.table(
    [
      { header: label('zone', lang), width: 1.2 }, { header: label('dlbm', lang), width: 1 }, { header: label('dlmc', lang), width: 2.2 }, { header: label('areaM2', lang), width: 2, format: 2 },
      { header: label('value', lang), width: 2.2, format: 2 }, { header: label('unitValue', lang), width: 2, format: 4 },
    ],
    classRows(r, lang).map((c) => [zoneName(c.zone, lang), c.dlbm, c.dlmc, c.areaM2, c.valueYuan, c.unitValue]),
  );
  flow.heading(label('sheetParcels', lang));
  const rows = r.parcels.slice(0, MAX_PDF_PARCEL_ROWS);
  flow.table(
    [
      { header: label('parcelId', lang), width: 1.3 }, { header: label('zone', lang), width: 1 }, { header: label('dlbm', lang), width: 0.9 }, { header: label('dlmc', lang), width: 1.8 },
      { header: label('areaM2', lang), width: 1.6, format: 2 }, { header: label('value', lang), width: 1.8, format: 2 }, { header: label('unitValue', lang), width: 1.7, format: 4 },
    ],
    rows.map((p) => [String(p.id), zoneName(p.zone, lang), p.dlbm, p.dlmc, p.area, p.value, p.unitValue]),
    7.5,
  );
  if (r.parcels.length > rows.length) flow.paragraph(lang === 'zh' ? `（仅列出前 ${rows.length} 个图斑，共 ${r.parcels.length} 个；完整明细见核算表 XLSX。）` : `(The first ${rows.length} of ${r.parcels.length} pieces; the workbook lists all of them.)`, 8, GREY);
}

function methodNotes(flow: PdfFlow, input: ReportInput): void {
  const { lang, result: r } = input;
  flow.newPage();
  flow.heading(label('method', lang));
  for (const id of SERVICE_IDS) {
    const spec = SERVICE_SPECS.find((s) => s.id === id)!;
    const mode = label(r.modes[id] === 'model' ? 'modeModel' : 'modeCoefficient', lang);
    flow.paragraph(`${spec.label[lang]}（${mode}）：${spec.about[lang]} ${lang === 'zh' ? '方法依据' : 'Method'}: ${spec.method.replace('docs/methods/', '')}`, 8.5);
  }
  flow.heading(label('sheetParameters', lang), 11);
  const columns: PdfColumn[] = [
    { header: label('group', lang), width: 1.3 }, { header: label('dlbm', lang), width: 0.8 }, { header: label('paramId', lang), width: 2.4 }, { header: label('paramValue', lang), width: 1.3, align: 'right' },
    { header: label('unit', lang), width: 1.6 }, { header: label('priceYear', lang), width: 1, align: 'right' }, { header: label('source', lang), width: 0.9 }, { header: label('confidence', lang), width: 0.8 },
    { header: label('verified', lang), width: 1.3 },
  ];
  if (input.params) {
    const rows = parameterRows(input.params, lang);
    flow.table(columns, rows.map((p) => [p.group, p.dlbm, p.id, String(p.value), p.unit, p.priceYear === null ? '' : String(p.priceYear), p.source, p.tag, p.verified ? label('yes', lang) : label('unverified', lang)]), 7, (i) => !rows[i].verified);
    const used = [...new Set(rows.map((p) => p.source).filter((s): s is string => s !== null))].sort();
    flow.heading(label('citation', lang), 11);
    for (const s of used) flow.paragraph(`[${s}] ${input.params.sources[s] ?? ''}`, 7.5);
  } else {
    flow.table(columns, r.unverified.map((u) => ['', '', u.path, String(u.value), u.unit, '', u.source, u.tag, label('unverified', lang)]), 7, () => true);
  }
  if (r.warnings.length > 0) {
    flow.heading(label('warnings', lang), 11);
    for (const w of r.warnings) flow.paragraph(`${w.code}：${w.message[lang]}${w.pieceCount > 0 ? `（${label('pieces', lang)} ${w.pieceCount}，${formatNumber(w.area, 2)} m²）` : ''}`, 8, w.severity === 'warning' ? RED : GREY);
  }
}

/** Page numbers on every page, once all pages exist. */
function footers(doc: PDFKit.PDFDocument, lang: AppraisalInput['lang']): void {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const text = label('page', lang, { n: i + 1, total: range.count });
    doc.fillColor([...GREY]);
    pdfText(doc, text, (PAGE.width - textWidthPt(text, 'regular', 7.5)) / 2, PAGE.height - 26, 'regular', 7.5);
  }
}
