/**
 * Flowing content down the pages of the PDF report: headings, wrapped paragraphs, key–value blocks and tables whose
 * header repeats on every page they run onto. Cells are one line, cut with "…" to their column; numbers right-aligned
 * in the report's number formats (thousands separated, the places of docs/design/cli.md).
 */
import { pdfFontName, pdfText } from '../map/pdf-surface';
import { printableText, textWidthPt, type FontWeight } from '../map/report-fonts';

export interface PageGeometry {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export type Cell = string | number | null;

export interface PdfColumn {
  header: string;
  /** Share of the table width (relative weights). */
  width: number;
  align?: 'left' | 'right' | 'center';
  /** How numbers print: places, or 'quantity' (2–6 places), 'rate' (a percentage), 'integer'. */
  format?: number | 'quantity' | 'rate' | 'integer';
}

const INK = [30, 30, 30] as const;
const RULE = [150, 158, 166] as const;
const HEADER_FILL = [221, 231, 240] as const;
const ZEBRA = [246, 248, 250] as const;

/** A number with thousands separators and fixed places; null as an em dash. */
export function formatNumber(v: number | null, format: PdfColumn['format']): string {
  if (v === null || !Number.isFinite(v)) return '—';
  if (format === 'rate') return `${+(v * 100).toFixed(4)}%`;
  if (format === 'integer') return group(v.toFixed(0));
  if (format === 'quantity') {
    const s = v.toFixed(6).replace(/0{1,4}$/, '');
    return group(s.endsWith('.') ? s + '00' : s);
  }
  return group(v.toFixed(typeof format === 'number' ? format : 2));
}

function group(fixed: string): string {
  const [int, frac] = fixed.split('.');
  const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? g : `${g}.${frac}`;
}

/** The text cut to fit `maxW` points, ending in "…" when cut. */
export function fitText(text: string, weight: FontWeight, size: number, maxW: number): string {
  if (textWidthPt(text, weight, size) <= maxW) return text;
  const chars = [...text];
  let lo = 0, hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidthPt(chars.slice(0, mid).join('') + '…', weight, size) <= maxW) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('') + '…';
}

export class PdfFlow {
  y: number;

  /** @param onNewPage draws the running header of a new page. */
  constructor(readonly doc: PDFKit.PDFDocument, readonly page: PageGeometry, private readonly onNewPage: () => void) {
    this.y = page.top;
  }

  get width(): number {
    return this.page.width - this.page.left - this.page.right;
  }

  /** Starts a new page unless `heightPt` still fits on this one. */
  ensure(heightPt: number): void {
    if (this.y + heightPt > this.page.height - this.page.bottom) this.newPage();
  }

  newPage(): void {
    this.doc.addPage({ size: [this.page.width, this.page.height], margin: 0 });
    this.onNewPage();
    this.y = this.page.top;
  }

  heading(text: string, size = 13): void {
    this.ensure(size * 2 + 40);
    this.y += size * 0.6;
    this.doc.fillColor([...INK]);
    pdfText(this.doc, text, this.page.left, this.y + size * 0.88, 'bold', size);
    this.y += size * 1.5;
  }

  /** A wrapped paragraph in Regular. */
  paragraph(raw: string, size = 9, color: readonly [number, number, number] = INK, indent = 0): void {
    const doc = this.doc;
    const text = printableText(raw);
    doc.font(pdfFontName('regular')).fontSize(size);
    const width = this.width - indent;
    const h = doc.heightOfString(text, { width, lineGap: 2 });
    this.ensure(Math.min(h, 200));
    doc.fillColor([...color]).text(text, this.page.left + indent, this.y, { width, lineGap: 2 });
    this.y = Math.max(this.y + h, doc.y) + 4;
  }

  /** Label–value rows in two columns with a rule under each. */
  keyValues(rows: readonly [string, string][], labelShare = 0.32, size = 9.5): void {
    const rowH = size + 8;
    const lw = this.width * labelShare;
    for (const [k, v] of rows) {
      this.ensure(rowH);
      const base = this.y + rowH / 2 + size * 0.37;
      this.doc.fillColor([...INK]);
      pdfText(this.doc, fitText(k, 'bold', size, lw - 6), this.page.left, base, 'bold', size);
      pdfText(this.doc, fitText(v, 'regular', size, this.width - lw), this.page.left + lw, base, 'regular', size);
      this.y += rowH;
      this.doc.moveTo(this.page.left, this.y).lineTo(this.page.left + this.width, this.y).lineWidth(0.3).strokeColor([...RULE]).stroke();
    }
    this.y += 6;
  }

  /** A table; the header repeats on each page it runs onto. */
  table(columns: readonly PdfColumn[], rows: readonly Cell[][], size = 8, highlight?: (row: number) => boolean): void {
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const rowH = size + 6.5;
    const headerH = size + 9;
    const drawHeader = () => {
      const doc = this.doc;
      doc.rect(this.page.left, this.y, this.width, headerH).fillColor([...HEADER_FILL]).fill();
      let x = this.page.left;
      columns.forEach((c, i) => {
        const t = fitText(c.header, 'bold', size, widths[i] - 4);
        const w = textWidthPt(t, 'bold', size);
        const tx = c.align === 'right' ? x + widths[i] - 2 - w : c.align === 'center' ? x + (widths[i] - w) / 2 : x + 2;
        doc.fillColor([...INK]);
        pdfText(doc, t, tx, this.y + headerH / 2 + size * 0.37, 'bold', size);
        x += widths[i];
      });
      this.y += headerH;
    };
    this.ensure(headerH + rowH * Math.min(rows.length, 3));
    drawHeader();
    rows.forEach((row, r) => {
      if (this.y + rowH > this.page.height - this.page.bottom) {
        this.newPage();
        drawHeader();
      }
      const doc = this.doc;
      if (highlight?.(r)) doc.rect(this.page.left, this.y, this.width, rowH).fillColor([255, 244, 204]).fill();
      else if (r % 2 === 1) doc.rect(this.page.left, this.y, this.width, rowH).fillColor([...ZEBRA]).fill();
      let x = this.page.left;
      columns.forEach((c, i) => {
        const v = row[i] ?? null;
        const text = typeof v === 'number' || (v === null && c.format !== undefined) ? formatNumber(v as number | null, c.format) : (v ?? '');
        const t = fitText(text, 'regular', size, widths[i] - 4);
        const w = textWidthPt(t, 'regular', size);
        const align = c.align ?? (c.format !== undefined ? 'right' : 'left');
        const tx = align === 'right' ? x + widths[i] - 2 - w : align === 'center' ? x + (widths[i] - w) / 2 : x + 2;
        doc.fillColor([...INK]);
        pdfText(doc, t, tx, this.y + rowH / 2 + size * 0.37, 'regular', size);
        x += widths[i];
      });
      this.y += rowH;
    });
    this.doc.moveTo(this.page.left, this.y).lineTo(this.page.left + this.width, this.y).lineWidth(0.5).strokeColor([...RULE]).stroke();
    this.y += 10;
  }
}
