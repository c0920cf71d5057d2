/**
 * The legend: the red line, the impact ring, then the land classes on the map in code order with their 三调 colour
 * and name. Past 28 classes they are shown by level-1 class instead (耕地, 林地 …), so the legend stays readable.
 */
import { findLandClass, landClassColor, type Lang } from '#core';
import { label } from '../report-labels';
import { RED_LINE_STYLE, RING_STYLE } from './map-content';
import { textWidthPt } from './report-fonts';
import { hexRgb, rectPolygon, type Rgb, type Surface } from './surface';

export interface LegendItem {
  kind: 'fill' | 'line' | 'dashed';
  color: Rgb;
  label: string;
}

const MAX_CLASS_ITEMS = 28;
const ROW_PT = 12.5;
const SWATCH_W = 16;
const SWATCH_H = 9;
const TEXT_PT = 7.5;
const TITLE_PT = 9;

/** The legend entries for a map showing `codes`. */
export function legendItems(codes: readonly string[], lang: Lang, layers: { redline: boolean; ring: boolean }): LegendItem[] {
  const items: LegendItem[] = [];
  if (layers.redline) items.push({ kind: 'line', color: RED_LINE_STYLE.color, label: label('redLine', lang) });
  if (layers.ring) items.push({ kind: 'dashed', color: RING_STYLE.color, label: label('ring', lang) });
  const name = (code: string) => {
    const c = findLandClass(code);
    return `${code} ${c ? (lang === 'zh' ? c.nameZh : c.nameEn) : ''}`.trim();
  };
  if (codes.length <= MAX_CLASS_ITEMS) {
    for (const code of codes) items.push({ kind: 'fill', color: hexRgb(landClassColor(code)), label: name(code) });
  } else {
    const groups = [...new Set(codes.map((c) => findLandClass(c)?.level1 ?? '?'))].sort();
    for (const g of groups) items.push({ kind: 'fill', color: hexRgb(landClassColor(g)), label: g === '?' ? label('otherClasses', lang) : name(g) });
  }
  return items;
}

/** Columns the items need to fit in `heightPt` (title included). */
function columnsFor(items: readonly LegendItem[], heightPt: number): number {
  const rows = Math.max(1, Math.floor((heightPt - TITLE_PT - 10) / ROW_PT));
  return Math.max(1, Math.ceil(items.length / rows));
}

/** Width the legend needs in one column. */
export function legendColumnWidth(items: readonly LegendItem[]): number {
  return SWATCH_W + 6 + Math.max(40, ...items.map((i) => textWidthPt(i.label, 'regular', TEXT_PT))) + 8;
}

/** Height of a legend of `columns` columns. */
export function legendHeight(items: readonly LegendItem[], columns: number): number {
  return TITLE_PT + 10 + Math.ceil(items.length / columns) * ROW_PT;
}

/**
 * Draws the legend inside the box (x, y, w, h), in as many columns as its height needs.
 * @param background a white ground and border (a legend over the map).
 */
export function drawLegend(surface: Surface, x: number, y: number, w: number, h: number, items: readonly LegendItem[], lang: Lang, background: boolean): void {
  if (background) {
    surface.fillPolygons([rectPolygon(x, y, w, h)], { color: [255, 255, 255], opacity: 0.9 });
    surface.strokeLines([rectPolygon(x, y, w, h)[0]], true, { color: [30, 30, 30], widthPt: 0.5 });
  }
  const pad = 5;
  surface.text(label('legend', lang), x + pad, y + pad, { weight: 'bold', sizePt: TITLE_PT, color: [30, 30, 30], baseline: 'top' });
  const columns = columnsFor(items, h);
  const rows = Math.ceil(items.length / columns);
  const colW = (w - 2 * pad) / columns;
  surface.pushClip(x, y, w, h);
  items.forEach((item, i) => {
    const cx = x + pad + Math.floor(i / rows) * colW;
    const cy = y + pad + TITLE_PT + 6 + (i % rows) * ROW_PT;
    const sy = cy + (ROW_PT - SWATCH_H) / 2 - 1;
    if (item.kind === 'fill') {
      surface.fillPolygons([rectPolygon(cx, sy, SWATCH_W, SWATCH_H)], { color: item.color });
      surface.strokeLines([rectPolygon(cx, sy, SWATCH_W, SWATCH_H)[0]], true, { color: [96, 96, 96], widthPt: 0.3 });
    } else {
      const style = item.kind === 'line' ? { color: item.color, widthPt: RED_LINE_STYLE.widthPt } : { color: item.color, widthPt: RING_STYLE.widthPt, dash: [3.5, 2] };
      surface.strokeLines([rectPolygon(cx + 1, sy + 1, SWATCH_W - 2, SWATCH_H - 2)[0]], true, style);
    }
    surface.text(item.label, cx + SWATCH_W + 5, sy + SWATCH_H / 2, { weight: 'regular', sizePt: TEXT_PT, color: [30, 30, 30], baseline: 'middle' });
  });
  surface.popClip();
}
