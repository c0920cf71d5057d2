/**
 * The elements that make a map a map: the Gauss-Kruger coordinate grid with its X (northing) and Y (easting) values
 * in metres, as Chinese survey maps label them; the scale bar with the numeric scale; the north arrow; the frame.
 */
import type { Lang } from '#core';
import { label } from '../report-labels';
import { niceStep, toPage, type MapFrame } from './map-frame';
import { textWidthPt } from './report-fonts';
import { rectPolygon, type Rgb, type Surface } from './surface';

const INK: Rgb = [30, 30, 30];
const WHITE: Rgb = [255, 255, 255];
const GRID: Rgb = [70, 70, 70];

/** Groups digits in threes with thin spaces: 10000 → "10 000" (the form of Chinese map scales). */
export function groupDigits(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/**
 * The coordinate grid: lines every `step` metres (1, 2 or 5 × 10^k, four to eight across), labelled in metres —
 * Y (easting, with the zone prefix when the data has one) along the top and bottom, X (northing) along the sides.
 * @param outside labels outside the frame (a printed sheet) or inside it on a white ground (a view export).
 */
export function drawGrid(surface: Surface, frame: MapFrame, outside: boolean): void {
  const [minX, minY, maxX, maxY] = frame.extent;
  const step = niceStep((maxX - minX) / 5);
  const lines: number[][] = [];
  const xs: number[] = [], ys: number[] = [];
  for (let x = Math.ceil(minX / step) * step; x <= maxX; x += step) xs.push(x);
  for (let y = Math.ceil(minY / step) * step; y <= maxY; y += step) ys.push(y);
  for (const x of xs) lines.push([...toPage(frame, x, maxY), ...toPage(frame, x, minY)]);
  for (const y of ys) lines.push([...toPage(frame, minX, y), ...toPage(frame, maxX, y)]);
  surface.pushClip(frame.x, frame.y, frame.w, frame.h);
  surface.strokeLines(lines, false, { color: GRID, widthPt: 0.3, opacity: 0.55 });
  surface.popClip();
  const size = 6.5;
  const text = (t: string, x: number, y: number, align: 'left' | 'center' | 'right', baseline: 'top' | 'middle' | 'alphabetic') => {
    if (!outside) {
      const w = textWidthPt(t, 'regular', size);
      const bx = align === 'center' ? x - w / 2 : align === 'right' ? x - w : x;
      const by = baseline === 'top' ? y : baseline === 'middle' ? y - size / 2 : y - size * 0.9;
      surface.fillPolygons([rectPolygon(bx - 1, by - 0.5, w + 2, size + 1)], { color: WHITE, opacity: 0.85 });
    }
    surface.text(t, x, y, { weight: 'regular', sizePt: size, color: INK, align, baseline });
  };
  const pad = 2;
  for (const x of xs) {
    const [px] = toPage(frame, x, maxY);
    const t = String(Math.round(x));
    if (px - textWidthPt(t, 'regular', size) / 2 < frame.x || px + textWidthPt(t, 'regular', size) / 2 > frame.x + frame.w) continue;
    if (outside) {
      text(t, px, frame.y - pad, 'center', 'alphabetic');
      text(t, px, frame.y + frame.h + pad, 'center', 'top');
    } else {
      text(t, px, frame.y + pad + 1, 'center', 'top');
    }
  }
  for (const y of ys) {
    const [, py] = toPage(frame, minX, y);
    if (py - size < frame.y || py + size > frame.y + frame.h) continue;
    const t = String(Math.round(y));
    if (outside) {
      text(t, frame.x - pad, py, 'right', 'middle');
      text(t, frame.x + frame.w + pad, py, 'left', 'middle');
    } else {
      text(t, frame.x + pad + 1, py, 'left', 'middle');
    }
  }
}

/** The frame's border. */
export function drawFrame(surface: Surface, frame: MapFrame): void {
  surface.strokeLines([rectPolygon(frame.x, frame.y, frame.w, frame.h)[0]], true, { color: INK, widthPt: 0.8 });
}

/**
 * A scale bar of four alternating segments about a fifth of the frame wide, labelled 0 … L (m or km), with the
 * numeric scale above it, on a white ground at (x, y) = its lower-left corner.
 */
export function drawScaleBar(surface: Surface, frame: MapFrame, x: number, y: number, lang: Lang): void {
  const groundW = frame.w / frame.ptPerM;
  const lengthM = niceStep(groundW / 5);
  const barW = lengthM * frame.ptPerM;
  const h = 3.5;
  const unitKm = lengthM >= 1000;
  const fmt = (m: number) => (unitKm ? `${+(m / 1000).toFixed(3)}` : `${+m.toFixed(2)}`);
  const size = 6.5;
  const scaleText = `${label('scale', lang)} 1:${groupDigits(frame.scaleDenominator)}`;
  const boxW = Math.max(barW + 24, textWidthPt(scaleText, 'regular', 7.5) + 8);
  surface.fillPolygons([rectPolygon(x - 4, y - 30, boxW, 34)], { color: WHITE, opacity: 0.85 });
  surface.text(scaleText, x, y - 21, { weight: 'regular', sizePt: 7.5, color: INK, baseline: 'alphabetic' });
  const top = y - h - 9;
  for (let k = 0; k < 4; k++) {
    surface.fillPolygons([rectPolygon(x + (k * barW) / 4, top, barW / 4, h)], { color: k % 2 === 0 ? INK : WHITE });
  }
  surface.strokeLines([rectPolygon(x, top, barW, h)[0]], true, { color: INK, widthPt: 0.5 });
  for (const k of [0, 2, 4]) surface.text(fmt((lengthM * k) / 4), x + (k * barW) / 4, top + h + 1.5, { weight: 'regular', sizePt: size, color: INK, align: 'center', baseline: 'top' });
  surface.text(unitKm ? 'km' : 'm', x + barW + 4, top + h / 2, { weight: 'regular', sizePt: size, color: INK, baseline: 'middle' });
}

/** A north arrow (a split arrowhead, dark and light halves) with 北 / N above, centred at x, its top at y. */
export function drawNorthArrow(surface: Surface, x: number, y: number, heightPt: number, lang: Lang): void {
  const w = heightPt * 0.42;
  surface.fillPolygons([rectPolygon(x - w / 2 - 4, y - 2, w + 8, heightPt + 14)], { color: WHITE, opacity: 0.85 });
  surface.text(label('north', lang), x, y, { weight: 'bold', sizePt: 9, color: INK, align: 'center', baseline: 'top' });
  const top = y + 11, bottom = y + 11 + heightPt, notch = bottom - heightPt * 0.28;
  surface.fillPolygons([[[x, top, x, notch, x - w / 2, bottom]]], { color: INK });
  surface.fillPolygons([[[x, top, x + w / 2, bottom, x, notch]]], { color: WHITE });
  surface.strokeLines([[x, top, x + w / 2, bottom, x, notch, x - w / 2, bottom]], true, { color: INK, widthPt: 0.6 });
}
