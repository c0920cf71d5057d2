/**
 * Where a text starts: its pen position and baseline from the anchor point, alignment and baseline mode. Both
 * surfaces use it, so a label sits at the same place in the PDF and in the PNG.
 */
import { textWidthPt } from './report-fonts';
import type { TextStyle } from './surface';

/** Height of the ideographs above the baseline in Noto Sans CJK (glyphs reach 0.84–0.88 em; the em box 0.88). */
const TOP_EM = 0.88;
/** Optical middle of a mixed Chinese/Latin line above the baseline (ideographs centre at 0.38 em, capitals 0.37). */
const MIDDLE_EM = 0.37;

/** [x of the first glyph's origin, y of the baseline] in points. */
export function alignedOrigin(text: string, x: number, y: number, style: TextStyle): [number, number] {
  const width = style.align === 'center' || style.align === 'right' ? textWidthPt(text, style.weight, style.sizePt) : 0;
  const penX = style.align === 'center' ? x - width / 2 : style.align === 'right' ? x - width : x;
  const baseline = style.baseline === 'top' ? y + TOP_EM * style.sizePt : style.baseline === 'middle' ? y + MIDDLE_EM * style.sizePt : y;
  return [penX, baseline];
}
