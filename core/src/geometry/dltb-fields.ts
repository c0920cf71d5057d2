import type { Properties, PropertyValue } from '../types';

/**
 * Reading the DLTB area fields as they occur in real data (docs/methods/sandiao-data.md §2.1): names matched
 * case-insensitively with their known aliases (二调 TKXS, KCDLDM, the Chinese field names of user exports), numbers
 * that may arrive as strings or be empty.
 */
export const DLTB_FIELD_ALIASES = {
  DLBM: ['DLBM', '地类编码'],
  DLMC: ['DLMC', '地类名称'],
  TBMJ: ['TBMJ', '图斑面积'],
  KCXS: ['KCXS', 'TKXS', '扣除地类系数'],
  KCDLBM: ['KCDLBM', 'KCDLDM', '扣除地类编码'],
} as const;

export type DltbField = keyof typeof DLTB_FIELD_ALIASES;

/** The value of a DLTB field under any of its names, or undefined when the feature has none of them. */
export function dltbValue(props: Properties, field: DltbField): PropertyValue | undefined {
  const wanted: readonly string[] = DLTB_FIELD_ALIASES[field];
  for (const key of Object.keys(props)) {
    if (wanted.includes(key.trim().toUpperCase()) || wanted.includes(key.trim())) return props[key];
  }
  return undefined;
}

/** A numeric field as a number: null when absent or blank, NaN when present but not a number. */
export function dltbNumber(props: Properties, field: DltbField): number | null {
  const v = dltbValue(props, field);
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return Number.NaN;
  const s = v.trim();
  return s === '' ? null : Number(s);
}

/** A code field as a trimmed string, or null when absent or blank. */
export function dltbCode(props: Properties, field: DltbField): string | null {
  const v = dltbValue(props, field);
  if (v === undefined || v === null) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}
