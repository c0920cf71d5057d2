/**
 * A Surface on an RGBA image, for PNG map exports: points become pixels at the chosen DPI, polygons and strokes go
 * through the exact-area rasteriser, and text is filled from the glyph outlines of the bundled fonts (fontkit), so
 * the PNG shows the same letters as the PDF.
 */
import { CoverageRasterizer, createImage, type Paint, type RgbaImage } from '../raster/coverage-rasterizer';
import { dashLine, negative, positive, strokeOutline } from '../raster/stroke-outline';
import { fontRuns, reportFont } from './report-fonts';
import type { FillStyle, FlatPolygon, StrokeStyle, Surface, TextStyle } from './surface';
import { alignedOrigin } from './text-layout';

export class RasterSurface implements Surface {
  readonly image: RgbaImage;
  private readonly raster: CoverageRasterizer;
  private readonly px: number;
  private readonly clips: [number, number, number, number][] = [];

  /**
   * @param widthPt page width in points; the image is widthPt × dpi / 72 pixels wide (rounded).
   */
  constructor(readonly widthPt: number, readonly heightPt: number, readonly dpi: number) {
    this.px = dpi / 72;
    this.image = createImage(Math.round(widthPt * this.px), Math.round(heightPt * this.px));
    this.raster = new CoverageRasterizer(this.image);
  }

  fillPolygons(polygons: readonly FlatPolygon[], style: FillStyle): void {
    const rings: number[][] = [];
    for (const p of polygons) p.forEach((ring, i) => rings.push(i === 0 ? positive(this.scale(ring)) : negative(this.scale(ring))));
    if (rings.length > 0) this.raster.fill(rings, paint(style), this.clip());
  }

  strokeLines(lines: readonly number[][], closed: boolean, style: StrokeStyle): void {
    const width = Math.max(style.widthPt * this.px, 0.5);
    const rings: number[][] = [];
    for (const line of lines) {
      const scaled = this.scale(line);
      const pieces = style.dash ? dashLine(scaled, style.dash.map((d) => d * this.px), closed) : [scaled];
      for (const piece of pieces) rings.push(...strokeOutline(piece, width, closed && !style.dash));
    }
    if (rings.length > 0) this.raster.fill(rings, paint(style), this.clip());
  }

  text(text: string, x: number, y: number, style: TextStyle): void {
    const [startX, baseline] = alignedOrigin(text, x, y, style);
    let penX = startX;
    const rings: number[][] = [];
    for (const run of fontRuns(text, style.weight)) {
      const f = reportFont(run.weight).font;
      const s = style.sizePt / f.unitsPerEm;
      const layout = f.layout(run.text);
      layout.glyphs.forEach((glyph, i) => {
        const pos = layout.positions[i];
        const ox = penX + pos.xOffset * s, oy = baseline - pos.yOffset * s;
        rings.push(...glyphRings(glyph.path.commands, (gx, gy) => [(ox + gx * s) * this.px, (oy - gy * s) * this.px], style.sizePt * this.px));
        penX += pos.xAdvance * s;
      });
    }
    if (rings.length > 0) this.raster.fill(rings, paint({ color: style.color }), this.clip());
  }

  pushClip(x: number, y: number, w: number, h: number): void {
    const r: [number, number, number, number] = [x * this.px, y * this.px, (x + w) * this.px, (y + h) * this.px];
    const top = this.clips[this.clips.length - 1];
    this.clips.push(top ? [Math.max(r[0], top[0]), Math.max(r[1], top[1]), Math.min(r[2], top[2]), Math.min(r[3], top[3])] : r);
  }

  popClip(): void {
    this.clips.pop();
  }

  private clip(): [number, number, number, number] | undefined {
    return this.clips[this.clips.length - 1];
  }

  private scale(ring: readonly number[]): number[] {
    return ring.map((v) => v * this.px);
  }
}

function paint(style: FillStyle | StrokeStyle): Paint {
  return { rgb: style.color, opacity: style.opacity ?? 1 };
}

/** A glyph's contours as flat rings, curves flattened to about ¼ pixel. */
function glyphRings(commands: readonly { command: string; args: number[] }[], to: (x: number, y: number) => [number, number], emPx: number): number[][] {
  const rings: number[][] = [];
  let ring: number[] = [];
  let cx = 0, cy = 0;
  // Segments per curve: enough that a curve spanning the em box stays within ~0.25 px of its chord polygon.
  const steps = Math.max(2, Math.min(24, Math.ceil(Math.sqrt(emPx) * 1.5)));
  const push = (x: number, y: number) => {
    const [px, py] = to(x, y);
    ring.push(px, py);
    cx = x;
    cy = y;
  };
  const close = () => {
    if (ring.length >= 6) rings.push(ring);
    ring = [];
  };
  for (const { command, args } of commands) {
    if (command === 'moveTo') {
      close();
      push(args[0], args[1]);
    } else if (command === 'lineTo') {
      push(args[0], args[1]);
    } else if (command === 'quadraticCurveTo') {
      const [x0, y0] = [cx, cy];
      for (let k = 1; k <= steps; k++) {
        const t = k / steps, u = 1 - t;
        push(u * u * x0 + 2 * u * t * args[0] + t * t * args[2], u * u * y0 + 2 * u * t * args[1] + t * t * args[3]);
      }
    } else if (command === 'bezierCurveTo') {
      const [x0, y0] = [cx, cy];
      for (let k = 1; k <= steps; k++) {
        const t = k / steps, u = 1 - t;
        const a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
        push(a * x0 + b * args[0] + c * args[2] + d * args[4], a * y0 + b * args[1] + c * args[3] + d * args[5]);
      }
    } else if (command === 'closePath') {
      close();
    }
  }
  close();
  return rings;
}
