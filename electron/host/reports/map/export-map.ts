/**
 * Map export, PNG or PDF by the target's extension: a printed sheet (A4/A3, portrait/landscape, a standard scale)
 * or the app's current view (its extent and pixel size). The same drawing code renders both formats (surface.ts);
 * the PDF is vector, the PNG is rasterised at the chosen DPI and records it. Written atomically.
 */
import path from 'node:path';
import { InputError, type Extent, type Lang } from '#core';
import { writeFilesAtomic } from '../../exports/atomic-write';
import { createPdf, pageSize, type PaperSize } from '../pdf/pdf-document';
import { encodePng } from '../raster/png-encode';
import type { MapData } from './map-content';
import { drawMapSheet, drawMapView, type MapElements, type MapLayoutOptions } from './map-sheet';
import { PdfSurface } from './pdf-surface';
import { RasterSurface } from './raster-surface';
import type { Surface } from './surface';

export type MapLayout =
  /** A printed sheet; `extent` (map CRS) defaults to everything on the map. */
  | { kind: 'page'; size: PaperSize; orientation: 'portrait' | 'landscape'; extent?: Extent }
  /** The app's view: its extent in the map CRS and its size in CSS pixels (1 px = 0.75 pt). */
  | { kind: 'view'; extent: Extent; widthPx: number; heightPx: number };

export interface MapExportRequest {
  data: MapData;
  layout: MapLayout;
  lang: Lang;
  title: string;
  subtitle?: string;
  elements?: MapElements;
  /** PNG resolution, dots per inch (default 300 for a sheet, 192 for a view — twice the screen's 96). */
  dpi?: number;
  generatedAt?: Date;
}

export interface MapExportResult {
  file: string;
  format: 'png' | 'pdf';
  /** The printed scale 1 : n of the map frame. */
  scaleDenominator: number;
  widthPx: number | null;
  heightPx: number | null;
}

/** Largest PNG accepted: 80 megapixels (A3 at 400 dpi), 320 MB of RGBA. */
export const MAX_MAP_PIXELS = 80_000_000;

/**
 * Renders a map to `target` (.png or .pdf).
 * @throws InputError EXPORT_FORMAT_UNSUPPORTED, REPORT_MAP_TOO_LARGE (checked before allocating),
 *   REPORT_MAP_EXTENT_INVALID, REPORT_FONT_MISSING, EXPORT_WRITE_FAILED.
 */
export async function exportMap(target: string, req: MapExportRequest): Promise<MapExportResult> {
  const ext = path.extname(target).toLowerCase();
  if (ext !== '.png' && ext !== '.pdf') throw new InputError('EXPORT_FORMAT_UNSUPPORTED', { path: target, formats: '.png .pdf' });
  const [widthPt, heightPt] = req.layout.kind === 'page' ? pageSize(req.layout.size, req.layout.orientation) : [req.layout.widthPx * 0.75, req.layout.heightPx * 0.75];
  const options: MapLayoutOptions = {
    data: req.data, lang: req.lang, title: req.title, subtitle: req.subtitle, elements: req.elements, generatedAt: req.generatedAt,
    extent: req.layout.extent,
  };
  const draw = (surface: Surface) => (req.layout.kind === 'page' ? drawMapSheet(surface, options) : drawMapView(surface, options));
  if (ext === '.pdf') {
    const { doc, bytes } = createPdf({ size: [widthPt, heightPt], title: req.title, subject: req.subtitle });
    const frame = draw(new PdfSurface(doc, widthPt, heightPt));
    doc.end();
    writeFilesAtomic([{ path: target, bytes: await bytes }]);
    return { file: target, format: 'pdf', scaleDenominator: frame.scaleDenominator, widthPx: null, heightPx: null };
  }
  const dpi = req.dpi ?? (req.layout.kind === 'page' ? 300 : 192);
  const w = Math.round((widthPt * dpi) / 72), h = Math.round((heightPt * dpi) / 72);
  if (!(dpi > 0) || !Number.isFinite(w * h) || w * h > MAX_MAP_PIXELS || w < 1 || h < 1) {
    throw new InputError('REPORT_MAP_TOO_LARGE', { width: w, height: h, limit: MAX_MAP_PIXELS });
  }
  const surface = new RasterSurface(widthPt, heightPt, dpi);
  const frame = draw(surface);
  writeFilesAtomic([{ path: target, bytes: encodePng(surface.image.data, surface.image.width, surface.image.height, dpi) }]);
  return { file: target, format: 'png', scaleDenominator: frame.scaleDenominator, widthPx: surface.image.width, heightPx: surface.image.height };
}
