/**
 * The Chinese fonts every PDF and map image uses: Noto Sans SC Regular (GBK repertoire) and Bold (GB2312), shipped in
 * assets/fonts/ (SIL OFL 1.1, made by scripts/make-report-font.mjs). Loaded once per process; pdfkit embeds a subset
 * of the glyphs a document uses. A character Bold lacks is set in Regular (fontRuns), so no text falls to tofu.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { InputError } from '#core';
import { appRoot } from '../../paths';

export type FontWeight = 'regular' | 'bold';

export interface ReportFont {
  weight: FontWeight;
  file: string;
  bytes: Uint8Array;
  font: fontkit.Font;
}

const FILES: Record<FontWeight, string> = { regular: 'NotoSansSC-Regular.otf', bold: 'NotoSansSC-Bold.otf' };
const loaded = new Map<FontWeight, ReportFont>();

/** The font of a weight. @throws InputError REPORT_FONT_MISSING when the installation lacks the file. */
export function reportFont(weight: FontWeight): ReportFont {
  let f = loaded.get(weight);
  if (!f) {
    const file = path.join(appRoot(), 'assets', 'fonts', FILES[weight]);
    if (!existsSync(file)) throw new InputError('REPORT_FONT_MISSING', { path: file });
    const bytes = new Uint8Array(readFileSync(file));
    f = { weight, file, bytes, font: fontkit.create(bytes) };
    loaded.set(weight, f);
  }
  return f;
}

/**
 * Splits a text into runs set in one font each: the weight asked for, or Regular for characters that weight lacks
 * (Bold carries GB2312 only). A character neither font has is replaced by its compatibility form when that one
 * exists (the subscript of CO₂ becomes 2: Noto Sans CJK has no subscript digits), so units never print as boxes.
 */
export function fontRuns(text: string, weight: FontWeight): { text: string; weight: FontWeight }[] {
  const regular = reportFont('regular').font;
  const bold = weight === 'bold' ? reportFont('bold').font : null;
  const runs: { text: string; weight: FontWeight }[] = [];
  for (let ch of text) {
    if (!regular.hasGlyphForCodePoint(ch.codePointAt(0)!) && !/\s/.test(ch)) {
      const compatible = ch.normalize('NFKC');
      if ([...compatible].every((c) => regular.hasGlyphForCodePoint(c.codePointAt(0)!))) ch = compatible;
    }
    const w: FontWeight = bold === null || bold.hasGlyphForCodePoint(ch.codePointAt(0)!) || /\s/.test(ch) ? weight : 'regular';
    const last = runs[runs.length - 1];
    if (last && last.weight === w) last.text += ch;
    else runs.push({ text: ch, weight: w });
  }
  return runs;
}

/** The text as Regular prints it (characters the font lacks replaced by their compatibility forms). */
export function printableText(text: string): string {
  return fontRuns(text, 'regular').map((r) => r.text).join('');
}

/** Advance width of a text in points at `sizePt`, runs included. */
export function textWidthPt(text: string, weight: FontWeight, sizePt: number): number {
  let w = 0;
  for (const run of fontRuns(text, weight)) {
    const f = reportFont(run.weight).font;
    w += (f.layout(run.text).advanceWidth / f.unitsPerEm) * sizePt;
  }
  return w;
}
