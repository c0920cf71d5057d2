/**
 * A pdfkit document with the report fonts registered and zero margins (every position is explicit), collected into
 * bytes when ended.
 */
import PDFDocument from 'pdfkit';
import { registerReportFonts } from '../map/pdf-surface';

export interface PdfDocumentOptions {
  /** First page size in points [width, height]. */
  size: [number, number];
  title: string;
  subject?: string;
}

/** Paper sizes in points (ISO 216). */
export const PAPER_PT = { A4: [595.28, 841.89], A3: [841.89, 1190.55] } as const;
export type PaperSize = keyof typeof PAPER_PT;

/** [width, height] of a paper size in an orientation. */
export function pageSize(size: PaperSize, orientation: 'portrait' | 'landscape'): [number, number] {
  const [w, h] = PAPER_PT[size];
  return orientation === 'portrait' ? [w, h] : [h, w];
}

/** A new document and the promise of its bytes (resolved after `doc.end()`). */
export function createPdf(options: PdfDocumentOptions): { doc: PDFKit.PDFDocument; bytes: Promise<Uint8Array> } {
  const doc = new PDFDocument({
    size: options.size,
    margin: 0,
    info: { Title: options.title, Subject: options.subject ?? '', Creator: 'VEP Studio', Producer: 'VEP Studio' },
    compress: true,
    // Pages stay in memory until the end, so the report can number them "page n of N".
    bufferPages: true,
  });
  registerReportFonts(doc);
  const chunks: Buffer[] = [];
  const bytes = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  return { doc, bytes };
}
