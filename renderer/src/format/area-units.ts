/**
 * Area units the user can switch between. 1 亩 = 10000/15 m² exactly (the 市亩 of the 1990 unit reform),
 * 1 公顷 = 10 000 m².
 */
export type AreaUnit = 'm2' | 'mu' | 'ha';

export const AREA_UNITS: readonly AreaUnit[] = ['m2', 'mu', 'ha'];

/** Square metres in one unit. */
export const M2_PER_UNIT: Record<AreaUnit, number> = { m2: 1, mu: 10000 / 15, ha: 10000 };

/** Decimal places shown per unit (0.01 m², as the accounting rounds areas; 亩 and 公顷 to 4 places). */
const DECIMALS: Record<AreaUnit, number> = { m2: 2, mu: 4, ha: 4 };

/** An area in m² converted to `unit`. */
export function convertArea(areaM2: number, unit: AreaUnit): number {
  // Dividing by 10000/15 would round twice; multiplying by 15 then dividing by 10000 keeps 亩 exact for whole m².
  return unit === 'mu' ? (areaM2 * 15) / 10000 : areaM2 / M2_PER_UNIT[unit];
}

/** An area in m² as text in `unit`, grouped by locale (e.g. "1,234.56"). */
export function formatArea(areaM2: number | null | undefined, unit: AreaUnit, locale: string): string {
  if (areaM2 === null || areaM2 === undefined || !Number.isFinite(areaM2)) return '—';
  const d = DECIMALS[unit];
  return convertArea(areaM2, unit).toLocaleString(locale, { minimumFractionDigits: d, maximumFractionDigits: d });
}

/** A plain number with fixed decimals, grouped by locale. */
export function formatNumber(x: number | null | undefined, decimals: number, locale: string): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return x.toLocaleString(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
