/**
 * Premium tiers (docs/methods/regulating-services.md §5.4 step B): a user table of unit-value bands, each with a rate
 * (a fraction). A band includes its lower bound and excludes its upper bound; an empty bound is open.
 *
 *   step    the rate of the band the unit value falls in
 *   linear  the rate reaches r_k at the lower bound of band k and moves linearly to r_{k+1} at the next lower bound;
 *           a band open below, and the last band, keep their own rate
 *
 * A unit value in a gap between bands, or below the first band, has no tier (null), and the output says so.
 * Anji's own thresholds and ratios were not found (§5.2); the only table shipped is ILLUSTRATIVE_TIERS, labelled as
 * not Anji's in every output that uses it.
 */
import { issue, type Issue } from '../services/issue';
import type { Bilingual } from '../services/service-ids';

export interface TierRow {
  /** 元/(m²·a), inclusive; null = open below. */
  minUnitValue: number | null;
  /** 元/(m²·a), exclusive; null = open above. */
  maxUnitValue: number | null;
  /** A fraction: 0.05 for 5 %. */
  rate: number;
}

export interface TierTable {
  name: string;
  rows: TierRow[];
  /** True for the shipped example table. */
  illustrative: boolean;
}

export type TierMode = 'step' | 'linear';

/** An illustrative table so a run shows the mechanism. NOT Anji's official tiers, which are unknown (§5.2). */
export const ILLUSTRATIVE_TIERS: TierTable = {
  name: 'illustrative-tiers',
  illustrative: true,
  rows: [
    { minUnitValue: null, maxUnitValue: 5, rate: 0 },
    { minUnitValue: 5, maxUnitValue: 10, rate: 0.02 },
    { minUnitValue: 10, maxUnitValue: 15, rate: 0.04 },
    { minUnitValue: 15, maxUnitValue: null, rate: 0.06 },
  ],
};

export const ILLUSTRATIVE_TIERS_NOTICE: Bilingual = {
  zh: '分档表为示例，不是安吉官方分档（其阈值与比例未公开，见方法文档 §5.2）；正式使用请导入经核实的分档表。',
  en: "The tier table is illustrative, not Anji's official one (its thresholds and ratios were not found, methods document §5.2); import a verified table for real use.",
};

/**
 * Checks a tier table: rates are fractions in [0, 1], bands ascending and not overlapping, open ends only at the ends.
 * @param lines the line of each row in its file (CSV); default: the row number, 1-based.
 */
export function validateTiers(table: TierTable, path = 'tiers', lines?: readonly number[]): Issue[] {
  const issues: Issue[] = [];
  const rows = table.rows;
  if (rows.length === 0) issues.push(issue(path, 'TIERS_EMPTY', 'error', { file: table.name }));
  rows.forEach((r, k) => {
    const at = { file: table.name, line: lines?.[k] ?? k + 1 };
    if (!Number.isFinite(r.rate) || r.rate < 0 || r.rate > 1) issues.push(issue(`${path}[${k}].rate`, 'TIERS_RATE_INVALID', 'error', { ...at, value: r.rate }));
    if (r.minUnitValue === null && k > 0) issues.push(issue(`${path}[${k}].minUnitValue`, 'TIERS_OPEN_INSIDE', 'error', at));
    if (r.maxUnitValue === null && k < rows.length - 1) issues.push(issue(`${path}[${k}].maxUnitValue`, 'TIERS_OPEN_INSIDE', 'error', at));
    if (r.minUnitValue !== null && r.maxUnitValue !== null && !(r.minUnitValue < r.maxUnitValue)) {
      issues.push(issue(`${path}[${k}]`, 'TIERS_BAND_EMPTY', 'error', { ...at, min: r.minUnitValue, max: r.maxUnitValue }));
    }
    const prev = rows[k - 1];
    if (prev !== undefined && prev.maxUnitValue !== null && r.minUnitValue !== null) {
      if (r.minUnitValue < prev.maxUnitValue) issues.push(issue(`${path}[${k}]`, 'TIERS_OVERLAP', 'error', { ...at, min: r.minUnitValue, previousMax: prev.maxUnitValue }));
      else if (r.minUnitValue > prev.maxUnitValue) issues.push(issue(`${path}[${k}]`, 'TIERS_GAP', 'warning', { ...at, from: prev.maxUnitValue, to: r.minUnitValue }));
    }
  });
  return issues;
}

/**
 * The tier and rate of a unit value.
 * @param unitValue 元/(m²·a), as reported (rounded to 0.0001), so the tier matches the number the reader sees.
 * @returns tier: 1-based row of the table; null (and rate null) when no band contains the value.
 */
export function lookupTier(table: TierTable, unitValue: number, mode: TierMode): { tier: number | null; rate: number | null } {
  const k = table.rows.findIndex((r) => (r.minUnitValue === null || unitValue >= r.minUnitValue) && (r.maxUnitValue === null || unitValue < r.maxUnitValue));
  if (k < 0) return { tier: null, rate: null };
  const row = table.rows[k];
  const next = table.rows[k + 1];
  if (mode === 'step' || row.minUnitValue === null || next === undefined || next.minUnitValue === null) return { tier: k + 1, rate: row.rate };
  const t = (unitValue - row.minUnitValue) / (next.minUnitValue - row.minUnitValue);
  return { tier: k + 1, rate: row.rate + (next.rate - row.rate) * t };
}
