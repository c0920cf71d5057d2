/**
 * What a map is drawn on: a page or an image, in points (1/72 inch), origin at the top left, y down. Two surfaces
 * implement it — a PDF page (pdf-surface.ts, vector, crisp at any zoom) and an RGBA image (raster-surface.ts, for PNG)
 * — so the map, legend, scale bar, north arrow and grid are drawn by one piece of code for both.
 */
import type { FontWeight } from './report-fonts';

export type Rgb = readonly [number, number, number];

export interface FillStyle {
  color: Rgb;
  opacity?: number;
}

export interface StrokeStyle {
  color: Rgb;
  widthPt: number;
  opacity?: number;
  /** On/off lengths in points. */
  dash?: readonly number[];
}

export interface TextStyle {
  weight: FontWeight;
  sizePt: number;
  color: Rgb;
  /** Where `x` is: the start (default), middle or end of the text. */
  align?: 'left' | 'center' | 'right';
  /** Where `y` is: the top of the text, its middle, or its baseline (default). */
  baseline?: 'top' | 'middle' | 'alphabetic';
}

/** A polygon: its outer ring then its holes, each as flat [x0, y0, x1, y1, …] (closing point optional). */
export type FlatPolygon = number[][];

export interface Surface {
  readonly widthPt: number;
  readonly heightPt: number;
  /** Fills polygons (outer rings and holes by position, whatever their winding). */
  fillPolygons(polygons: readonly FlatPolygon[], style: FillStyle): void;
  /** Strokes polylines (closed: back to their first point). */
  strokeLines(lines: readonly number[][], closed: boolean, style: StrokeStyle): void;
  text(text: string, x: number, y: number, style: TextStyle): void;
  /** Keeps what is drawn until popClip inside the rectangle. */
  pushClip(x: number, y: number, w: number, h: number): void;
  popClip(): void;
}

/** Parses "#rrggbb". */
export function hexRgb(hex: string): Rgb {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return [191, 191, 191];
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
}

/** A rectangle as a polygon. */
export function rectPolygon(x: number, y: number, w: number, h: number): FlatPolygon {
  return [[x, y, x + w, y, x + w, y + h, x, y + h]];
}
