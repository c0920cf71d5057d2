/**
 * A Surface on a pdfkit page: polygons and lines as PDF paths (vector, crisp at any zoom), text in the bundled
 * Noto Sans SC, embedded as a subset of the glyphs used. The document is made with zero margins, so text placed
 * anywhere on the page never makes pdfkit start a new page.
 */
import { negative, positive } from '../raster/stroke-outline';
import { fontRuns, reportFont, textWidthPt, type FontWeight } from './report-fonts';
import type { FillStyle, FlatPolygon, StrokeStyle, Surface, TextStyle } from './surface';
import { alignedOrigin } from './text-layout';

const FONT_NAMES: Record<FontWeight, string> = { regular: 'vep-regular', bold: 'vep-bold' };

/** Registers the report fonts with a document (once per document). */
export function registerReportFonts(doc: PDFKit.PDFDocument): void {
  for (const weight of ['regular', 'bold'] as const) doc.registerFont(FONT_NAMES[weight], Buffer.from(reportFont(weight).bytes));
}

/** The pdfkit font name of a weight (after registerReportFonts). */
export function pdfFontName(weight: FontWeight): string {
  return FONT_NAMES[weight];
}

/** Draws text in runs (Bold falls back to Regular per character) at an exact baseline, no wrapping. */
export function pdfText(doc: PDFKit.PDFDocument, text: string, x: number, baseline: number, weight: FontWeight, sizePt: number): void {
  let penX = x;
  for (const run of fontRuns(text, weight)) {
    doc.font(FONT_NAMES[run.weight]).fontSize(sizePt).text(run.text, penX, baseline, { lineBreak: false, baseline: 'alphabetic' });
    penX += textWidthPt(run.text, run.weight, sizePt);
  }
}

export class PdfSurface implements Surface {
  /** @param x, y where this surface's origin is on the page (points), so a map can be drawn into part of a page. */
  constructor(private readonly doc: PDFKit.PDFDocument, readonly widthPt: number, readonly heightPt: number) {}

  fillPolygons(polygons: readonly FlatPolygon[], style: FillStyle): void {
    let any = false;
    for (const p of polygons) {
      p.forEach((ring, i) => {
        if (ring.length < 6) return;
        this.path(i === 0 ? positive(ring) : negative(ring), true);
        any = true;
      });
    }
    if (!any) return;
    this.doc.fillColor([...style.color], style.opacity ?? 1).fill('non-zero');
  }

  strokeLines(lines: readonly number[][], closed: boolean, style: StrokeStyle): void {
    let any = false;
    for (const line of lines) {
      if (line.length < 4) continue;
      this.path(line, closed);
      any = true;
    }
    if (!any) return;
    const doc = this.doc;
    doc.save();
    doc.lineWidth(style.widthPt).lineJoin('round').lineCap(style.dash ? 'butt' : 'round');
    if (style.dash) doc.dash(style.dash[0], { space: style.dash[1] ?? style.dash[0] });
    doc.strokeColor([...style.color], style.opacity ?? 1).stroke();
    doc.restore();
  }

  text(text: string, x: number, y: number, style: TextStyle): void {
    const [penX, baseline] = alignedOrigin(text, x, y, style);
    this.doc.fillColor([...style.color], 1);
    pdfText(this.doc, text, penX, baseline, style.weight, style.sizePt);
  }

  pushClip(x: number, y: number, w: number, h: number): void {
    this.doc.save();
    this.doc.rect(x, y, w, h).clip();
  }

  popClip(): void {
    this.doc.restore();
  }

  private path(ring: readonly number[], closed: boolean): void {
    this.doc.moveTo(ring[0], ring[1]);
    for (let i = 2; i + 1 < ring.length; i += 2) this.doc.lineTo(ring[i], ring[i + 1]);
    if (closed) this.doc.closePath();
  }
}
