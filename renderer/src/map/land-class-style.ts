/**
 * The 三调 land-class colours as a MapLibre expression over the DLBM property (parcels and the coalesced cells of
 * small parcels both carry it), and the legend entries for the classes a layer actually has.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import { LAND_CLASSES, UNKNOWN_LAND_CLASS_COLOR, findLandClass, landClassColor } from '#core';

/** `match` over every 三调 code (level-1, level-2, K/A/H variants) to its colour. */
export function landClassColourExpression(field = 'DLBM'): ExpressionSpecification {
  const pairs: string[] = [];
  const seen = new Set<string>();
  for (const c of LAND_CLASSES) {
    if (c.kind === 'czcsxm' || seen.has(c.code)) continue;
    seen.add(c.code);
    pairs.push(c.code, landClassColor(c.code));
  }
  return ['match', ['upcase', ['to-string', ['coalesce', ['get', field], '']]], ...pairs, UNKNOWN_LAND_CLASS_COLOR] as unknown as ExpressionSpecification;
}

export interface LegendEntry {
  code: string;
  name: string;
  colour: string;
  count: number;
}

/** Legend rows for the DLBM values present in a layer (with their counts), in code order. */
export function legendEntries(classes: readonly { value: unknown; label: string | null; count: number }[], lang: 'zh' | 'en'): LegendEntry[] {
  return classes
    .filter((c) => c.value !== null && c.value !== '')
    .map((c) => {
      const code = String(c.value);
      const known = findLandClass(code);
      const name = known ? (lang === 'zh' ? known.nameZh : known.nameEn) : (c.label ?? code);
      return { code, name, colour: known ? landClassColor(code) : UNKNOWN_LAND_CLASS_COLOR, count: c.count };
    });
}
