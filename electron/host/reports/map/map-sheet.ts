/**
 * Map layouts on a Surface:
 *   sheet — a printed map page (A4/A3, portrait/landscape, or the report's map page): title, a framed map at a
 *           standard scale with the coordinate grid labelled outside the frame, north arrow, scale bar, the legend
 *           beside (landscape) or below (portrait) the map, and a footer naming the CRS, the scale and the date;
 *   view  — the app's current view as an image or PDF: the map fills the surface at the view's own extent, with
 *           the same elements drawn over it.
 */
import { InputError, type Extent, type Lang } from '#core';
import { VERSION } from '../../version';
import { label } from '../report-labels';
import { formatTime } from '../workbook/appraisal-sections';
import { drawMapContent, mapDataExtent, type MapData } from './map-content';
import { drawFrame, drawGrid, drawNorthArrow, drawScaleBar, groupDigits } from './map-decorations';
import { mapFrame, padExtent, type MapFrame } from './map-frame';
import { drawLegend, legendColumnWidth, legendHeight, legendItems } from './map-legend';
import { textWidthPt } from './report-fonts';
import type { Surface } from './surface';

export interface MapElements {
  title?: boolean;
  legend?: boolean;
  scaleBar?: boolean;
  northArrow?: boolean;
  grid?: boolean;
}

export interface MapLayoutOptions {
  data: MapData;
  lang: Lang;
  title: string;
  subtitle?: string;
  /** Ground extent to show (map CRS); default: everything on the map, padded by 6 %. */
  extent?: Extent;
  /** Which elements to draw (default: all). */
  elements?: MapElements;
  generatedAt?: Date;
}

const INK = [30, 30, 30] as const;

/** @throws InputError REPORT_MAP_EXTENT_INVALID when no extent is given and the map has nothing on it. */
function extentOf(o: MapLayoutOptions): Extent {
  if (o.extent) return o.extent;
  const e = mapDataExtent(o.data);
  if (!e) throw new InputError('REPORT_MAP_EXTENT_INVALID', { extent: 'empty map / 地图无内容' });
  return padExtent(e, 0.06, 20);
}

function footerText(o: MapLayoutOptions, frame: MapFrame): string {
  const crs = o.data.crs;
  const parts = [
    `${label('crs', o.lang)}: ${crs.name}${crs.epsg ? ` (EPSG:${crs.epsg})` : ''}`,
    `${label('scale', o.lang)} 1:${groupDigits(frame.scaleDenominator)}`,
    `${label('generatedAt', o.lang)}: ${formatTime(o.generatedAt ?? new Date())}`,
  ];
  return parts.join('    ');
}

/**
 * Draws a printed map sheet filling `area` (points) of the surface. Returns the map frame.
 * @throws InputError REPORT_MAP_EXTENT_INVALID for an empty extent.
 */
export function drawMapSheet(surface: Surface, o: MapLayoutOptions, area = { x: 0, y: 0, w: surface.widthPt, h: surface.heightPt }, margin = 30): MapFrame {
  const el = { title: true, legend: true, scaleBar: true, northArrow: true, grid: true, ...o.elements };
  const x0 = area.x + margin, y0 = area.y + margin, x1 = area.x + area.w - margin, y1 = area.y + area.h - margin;
  let top = y0;
  if (el.title) {
    surface.text(o.title, (x0 + x1) / 2, top, { weight: 'bold', sizePt: 15, color: INK, align: 'center', baseline: 'top' });
    top += 22;
    if (o.subtitle) {
      surface.text(o.subtitle, (x0 + x1) / 2, top, { weight: 'regular', sizePt: 9.5, color: INK, align: 'center', baseline: 'top' });
      top += 15;
    }
  }
  const bottom = y1 - 12; // footer line
  const labelW = el.grid ? textWidthPt('3390000', 'regular', 6.5) + 4 : 0;
  const labelH = el.grid ? 10 : 0;
  // The legend lists the classes actually drawn; the layout is measured with every class of the data (a superset).
  const codes = [...new Set(o.data.parcels.map((p) => (p.dlbm ?? '').trim().toUpperCase()).filter((c) => c !== ''))].sort();
  const allItems = el.legend ? legendItems(codes, o.lang, { redline: !!o.data.redline, ring: !!o.data.ring }) : [];
  const landscape = area.w > area.h;
  let frameRect: { x: number; y: number; w: number; h: number };
  let legendRect: { x: number; y: number; w: number; h: number } | null = null;
  if (!el.legend) {
    frameRect = { x: x0 + labelW, y: top + labelH, w: x1 - x0 - 2 * labelW, h: bottom - top - 2 * labelH - 4 };
  } else if (landscape) {
    const colW = Math.min(legendColumnWidth(allItems), 190);
    const columns = Math.max(1, Math.ceil(legendHeight(allItems, 1) / (bottom - top - 4)));
    const lw = colW * columns + 10;
    frameRect = { x: x0 + labelW, y: top + labelH, w: x1 - x0 - 2 * labelW - lw - 8, h: bottom - top - 2 * labelH - 4 };
    legendRect = { x: x1 - lw, y: top + labelH, w: lw, h: frameRect.h };
  } else {
    const colW = Math.min(legendColumnWidth(allItems), 190);
    const columns = Math.max(1, Math.floor((x1 - x0) / colW));
    const lh = legendHeight(allItems, columns) + 8;
    frameRect = { x: x0 + labelW, y: top + labelH, w: x1 - x0 - 2 * labelW, h: bottom - top - 2 * labelH - lh - 10 };
    legendRect = { x: x0, y: bottom - lh - 2, w: x1 - x0, h: lh };
  }
  const frame = mapFrame(frameRect.x, frameRect.y, frameRect.w, frameRect.h, extentOf(o), 'standard');
  const shown = drawMapContent(surface, frame, o.data);
  if (el.grid) drawGrid(surface, frame, true);
  drawFrame(surface, frame);
  if (el.northArrow) drawNorthArrow(surface, frame.x + frame.w - 18, frame.y + 8, 26, o.lang);
  if (el.scaleBar) drawScaleBar(surface, frame, frame.x + 10, frame.y + frame.h - 6, o.lang);
  if (legendRect) drawLegend(surface, legendRect.x, legendRect.y, legendRect.w, legendRect.h, legendItems(shown, o.lang, { redline: !!o.data.redline, ring: !!o.data.ring }), o.lang, true);
  surface.text(footerText(o, frame), x0, y1, { weight: 'regular', sizePt: 6.5, color: INK, baseline: 'alphabetic' });
  surface.text(`VEP Studio ${VERSION}`, x1, y1, { weight: 'regular', sizePt: 6.5, color: INK, align: 'right', baseline: 'alphabetic' });
  return frame;
}

/** Draws the map filling the whole surface at the given extent (fitted exactly), elements on top. Returns the frame. */
export function drawMapView(surface: Surface, o: MapLayoutOptions): MapFrame {
  const el = { title: true, legend: true, scaleBar: true, northArrow: true, grid: true, ...o.elements };
  const frame = mapFrame(0, 0, surface.widthPt, surface.heightPt, extentOf(o), 'fit');
  const shown = drawMapContent(surface, frame, o.data);
  if (el.grid) drawGrid(surface, frame, false);
  drawFrame(surface, frame);
  if (el.northArrow) drawNorthArrow(surface, frame.w - 18, 10, 24, o.lang);
  if (el.scaleBar) drawScaleBar(surface, frame, 14, frame.h - 10, o.lang);
  if (el.title && o.title) {
    const w = Math.max(textWidthPt(o.title, 'bold', 11), o.subtitle ? textWidthPt(o.subtitle, 'regular', 8) : 0) + 12;
    const h = o.subtitle ? 32 : 20;
    surface.fillPolygons([[[34, 10, 34 + w, 10, 34 + w, 10 + h, 34, 10 + h]]], { color: [255, 255, 255], opacity: 0.9 });
    surface.text(o.title, 40, 14, { weight: 'bold', sizePt: 11, color: INK, baseline: 'top' });
    if (o.subtitle) surface.text(o.subtitle, 40, 28, { weight: 'regular', sizePt: 8, color: INK, baseline: 'top' });
  }
  if (el.legend) {
    const items = legendItems(shown, o.lang, { redline: !!o.data.redline, ring: !!o.data.ring });
    const colW = Math.min(legendColumnWidth(items), 170);
    const maxH = frame.h * 0.5;
    const columns = Math.max(1, Math.ceil(legendHeight(items, 1) / maxH));
    const w = colW * columns + 10, h = legendHeight(items, columns) + 6;
    drawLegend(surface, frame.w - w - 8, frame.h - h - 8, w, h, items, o.lang, true);
  }
  return frame;
}
