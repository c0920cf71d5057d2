/**
 * The Anji-style premium, docs/methods/regulating-services.md §5.4.
 *
 * Step A, the value index U* from the zone unit values U_p (red line) and U_b (ring), by the combine rule:
 *   union (default, docs/design/cli.md: "the unit value of the whole zone") U* = U(Z_p ∪ Z_b) = (V_p + V_b)/(A_p + A_b)
 *   parcelOnly U* = U_p;  ringOnly U* = U_b;  weighted U* = w_p·U_p + w_b·U_b with w_p + w_b = 1
 *
 * Step B, the tier and rate of U* (tiers.ts), and the premium on a user-given base:
 *   amount       premium = rate × base (元; an appraised, reserve or transaction price)
 *   capitalised  premium = rate × k × U* × A   — U* is annual (元/(m²·a)), so a one-off premium needs a factor k in
 *                years (the §5.4 dimension fix): k entered directly, or the annuity factor [1 − (1+r)^−n]/r.
 * U* is taken as reported (rounded to 0.0001) for both the tier and the base, and the rate as reported (to 10⁻⁸),
 * so a reader can redo the sum.
 */
import { issue, type Issue } from '../services/issue';
import type { Bilingual } from '../services/service-ids';
import { dec, money, roundNumber, type Dec as DecT } from './money';

const RATE_DP = 8;
import { ILLUSTRATIVE_TIERS, lookupTier, validateTiers, type TierMode, type TierTable } from './tiers';
import { annuityFactor, type PaymentTiming } from './vep';

export type CombineRule = { kind: 'union' } | { kind: 'parcelOnly' } | { kind: 'ringOnly' } | { kind: 'weighted'; parcelWeight: number; ringWeight: number };

export type CapitalisationFactor = { kind: 'years'; years: number } | { kind: 'annuity'; rate: number; years: number; timing?: PaymentTiming };

export type PremiumBase =
  | { kind: 'amount'; yuan: number; label?: string }
  /** k × U* × area; area defaults to the red line's. */
  | { kind: 'capitalised'; factor: CapitalisationFactor; areaM2?: number };

export interface PremiumOptions {
  /** Default: ILLUSTRATIVE_TIERS (flagged in the output). */
  tiers?: TierTable;
  tierMode?: TierMode;
  combine?: CombineRule;
  base?: PremiumBase;
  /** The user's name for the premium (生态环境增值金, 生态补偿金 …). */
  label?: Bilingual;
}

export interface PremiumResult {
  unitValue: number | null;
  tier: number | null;
  rate: number | null;
  combine: CombineRule['kind'];
  tierMode: TierMode;
  tiers: string;
  illustrative: boolean;
  label: Bilingual | null;
  base: { kind: PremiumBase['kind']; yuan: number | null; factorYears: number | null } | null;
  amount: number | null;
}

/** Checks premium options: tiers, weights summing to 1, a finite base and factor. */
export function validatePremium(options: PremiumOptions | undefined): Issue[] {
  const issues = validateTiers(options?.tiers ?? ILLUSTRATIVE_TIERS, 'premium.tiers');
  const c = options?.combine;
  if (c?.kind === 'weighted') {
    const ok = [c.parcelWeight, c.ringWeight].every((w) => Number.isFinite(w) && w >= 0) && Math.abs(c.parcelWeight + c.ringWeight - 1) <= 1e-9;
    if (!ok) issues.push(issue('premium.combine', 'PREMIUM_WEIGHTS_INVALID', 'error', { parcel: c.parcelWeight, ring: c.ringWeight }));
  }
  const b = options?.base;
  if (b?.kind === 'amount' && !(Number.isFinite(b.yuan) && b.yuan >= 0)) issues.push(issue('premium.base.yuan', 'PREMIUM_BASE_INVALID', 'error', { value: b.yuan }));
  if (b?.kind === 'capitalised') {
    const f = b.factor;
    if (f.kind === 'years' && !(Number.isFinite(f.years) && f.years > 0)) issues.push(issue('premium.base.factor.years', 'PREMIUM_FACTOR_INVALID', 'error', { value: f.years }));
    if (f.kind === 'annuity' && !(Number.isFinite(f.rate) && f.rate > -1 && Number.isInteger(f.years) && f.years >= 1 && f.years <= 1000)) {
      issues.push(issue('premium.base.factor', 'PREMIUM_FACTOR_INVALID', 'error', { value: `r = ${f.rate}, n = ${f.years}` }));
    }
    if (b.areaM2 !== undefined && !(Number.isFinite(b.areaM2) && b.areaM2 >= 0)) issues.push(issue('premium.base.areaM2', 'PREMIUM_BASE_INVALID', 'error', { value: b.areaM2 }));
  }
  return issues;
}

/** U* by the combine rule, unrounded; null when the zone it needs has no area. */
export function combinedUnitValue(rule: CombineRule, zones: { redline: { value: DecT; area: DecT }; buffer: { value: DecT; area: DecT } }): DecT | null {
  const u = (z: { value: DecT; area: DecT }) => (z.area.isZero() ? null : z.value.div(z.area));
  switch (rule.kind) {
    case 'union': {
      const a = zones.redline.area.plus(zones.buffer.area);
      return a.isZero() ? null : zones.redline.value.plus(zones.buffer.value).div(a);
    }
    case 'parcelOnly':
      return u(zones.redline);
    case 'ringOnly':
      return u(zones.buffer);
    case 'weighted': {
      const up = u(zones.redline);
      const ub = u(zones.buffer);
      if (up === null || ub === null) return null;
      return up.times(dec(rule.parcelWeight)).plus(ub.times(dec(rule.ringWeight)));
    }
  }
}

/**
 * The premium of one red line.
 * @param unitValueRounded U* as reported (0.0001 元/(m²·a)), or null.
 * @param redlineAreaM2 the default area of a capitalised base.
 */
export function computePremium(options: PremiumOptions | undefined, unitValueRounded: number | null, redlineAreaM2: DecT): PremiumResult {
  const tiers = options?.tiers ?? ILLUSTRATIVE_TIERS;
  const tierMode = options?.tierMode ?? 'step';
  const combine = options?.combine?.kind ?? 'union';
  const hit = unitValueRounded === null ? { tier: null, rate: null } : lookupTier(tiers, unitValueRounded, tierMode);
  const tier = hit.tier;
  // An interpolated rate is reported (and used) to 10⁻⁸, so the amount can be redone from the printed numbers.
  const rate = hit.rate === null ? null : roundNumber(hit.rate, RATE_DP);
  const result: PremiumResult = { unitValue: unitValueRounded, tier, rate, combine, tierMode, tiers: tiers.name, illustrative: tiers.illustrative, label: options?.label ?? null, base: null, amount: null };
  const b = options?.base;
  if (b === undefined) return result;
  let baseYuan: DecT | null;
  let factorYears: number | null = null;
  if (b.kind === 'amount') {
    baseYuan = dec(b.yuan);
  } else {
    factorYears = b.factor.kind === 'years' ? b.factor.years : annuityFactor(b.factor.rate, b.factor.years, b.factor.timing);
    const areaM2 = b.areaM2 === undefined ? redlineAreaM2 : dec(b.areaM2);
    baseYuan = unitValueRounded === null ? null : dec(factorYears).times(dec(unitValueRounded)).times(areaM2);
  }
  result.base = { kind: b.kind, yuan: baseYuan === null ? null : money(baseYuan), factorYears };
  result.amount = baseYuan === null || rate === null ? null : money(baseYuan.times(dec(rate)));
  return result;
}

