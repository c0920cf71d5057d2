/**
 * VEP formulas, docs/methods/regulating-services.md §6.
 *
 * Beijing DB11/T 2105—2023 (§6.1), market/income approach:
 *   VEP = P − P′,  P = PV of the project's expected returns, P′ = Σ C_i (value of the non-ecological elements),
 *   each C_i given as a value or as a cash flow discounted like P — or P′ as the PV of a without-ecology scenario.
 *
 * Huzhou DB3305/T 271—2023 (§6.2), ecosystem-service approach (Δ = later/with-project − earlier/baseline, signed):
 *   (3) current       VEP = EPV + ERV + ECV
 *   (4) pre-assessment VEP = ΔERV
 *   (5) post-assessment VEP = ΔEPV + ΔERV + ΔECV
 *   (6) monitoring    VEP = Σ_{i=1..m} (ΔEPV_i + ΔERV_i + ΔECV_i)
 *   (7) long-term     VEP = Σ_{i=1..n} (ΔEPV_i + ΔERV_i + ΔECV_i) / (1 + r)^i,  r required, n = 30 by default
 *
 * Discounting: year i's flow is divided by (1 + r)^i with end-of-year timing (Huzhou (7)) or (1 + r)^(i−1) with
 * begin-of-year timing (the S4 convention, larger by a factor 1 + r). A constant flow has the annuity factor
 * [1 − (1 + r)^−n] / r (end). Δ terms and VEP results are signed and never clipped (§2 convention 6).
 * Money is summed in decimal and rounded to 0.01 元 at the end.
 */
import { InputError } from '../errors';
import { Dec, dec, money, type Dec as DecT } from './money';

export type PaymentTiming = 'end' | 'begin';

/** The default horizon of Huzhou (7): "generally 30 years" (S2). */
export const DEFAULT_VEP_YEARS = 30;

function checkRate(rate: number): void {
  if (!Number.isFinite(rate) || rate <= -1) throw new InputError('VEP_RATE_INVALID', { value: rate });
}

function checkYears(years: number): void {
  if (!Number.isInteger(years) || years < 1 || years > 1000) throw new InputError('VEP_YEARS_INVALID', { value: years });
}

/**
 * The present value of 1 元 a year for `years` years: [1 − (1 + r)^−n] / r (end of year), × (1 + r) at the
 * beginning of the year; n when r = 0.
 * @param rate discount rate per year as a fraction (0.08, not 8).
 * @throws InputError VEP_RATE_INVALID (r ≤ −1 or not finite), VEP_YEARS_INVALID (not an integer in 1…1000).
 * @example annuityFactor(0.08, 30) // 11.2578…
 */
export function annuityFactor(rate: number, years: number, timing: PaymentTiming = 'end'): number {
  checkRate(rate);
  checkYears(years);
  if (rate === 0) return years;
  const end = (1 - Math.pow(1 + rate, -years)) / rate;
  return timing === 'end' ? end : end * (1 + rate);
}

/** Σ flows[i−1] / (1 + r)^i (end) or / (1 + r)^(i−1) (begin), unrounded, in decimal. */
export function presentValueDec(flows: readonly number[], rate: number, timing: PaymentTiming = 'end'): DecT {
  checkRate(rate);
  if (flows.length > 1000) throw new InputError('VEP_YEARS_INVALID', { value: flows.length });
  const growth = dec(1).plus(dec(rate));
  let pv = new Dec(0);
  flows.forEach((f, k) => {
    if (!Number.isFinite(f)) throw new InputError('VEP_FLOW_INVALID', { year: k + 1, value: f });
    const exponent = timing === 'end' ? k + 1 : k;
    pv = pv.plus(dec(f).div(growth.pow(exponent)));
  });
  return pv;
}

/**
 * The present value of a series of yearly flows (元), rounded to 0.01 元.
 * @param flows flows[0] is year 1.
 */
export function presentValue(flows: readonly number[], rate: number, timing: PaymentTiming = 'end'): number {
  return money(presentValueDec(flows, rate, timing));
}

/** One year's (or one interval's) changes, 元/a, signed. */
export interface VepDelta {
  deltaEpv: number;
  deltaErv: number;
  deltaEcv: number;
}

export type HuzhouCase =
  | { case: 'current'; epv: number; erv: number; ecv: number }
  | { case: 'preAssessment'; deltaErv: number }
  | { case: 'postAssessment'; delta: VepDelta }
  | { case: 'monitoring'; intervals: readonly VepDelta[] }
  | { case: 'longTerm'; rate: number; timing?: PaymentTiming; flows: readonly VepDelta[] }
  | { case: 'longTermConstant'; rate: number; years?: number; timing?: PaymentTiming; delta: VepDelta };

/**
 * Huzhou VEP by formulas (3)–(7) of DB3305/T 271—2023.
 * @returns VEP in 元, rounded to 0.01, signed; `formula` is the formula number used.
 * @throws InputError VEP_RATE_INVALID / VEP_YEARS_INVALID / VEP_FLOW_INVALID.
 */
export function huzhouVep(input: HuzhouCase): { vep: number; formula: 3 | 4 | 5 | 6 | 7 } {
  const sum = (d: VepDelta) => dec(d.deltaEpv).plus(dec(d.deltaErv)).plus(dec(d.deltaEcv));
  switch (input.case) {
    case 'current':
      return { vep: money(dec(input.epv).plus(dec(input.erv)).plus(dec(input.ecv))), formula: 3 };
    case 'preAssessment':
      return { vep: money(dec(input.deltaErv)), formula: 4 };
    case 'postAssessment':
      return { vep: money(sum(input.delta)), formula: 5 };
    case 'monitoring':
      return { vep: money(input.intervals.reduce((acc, d) => acc.plus(sum(d)), new Dec(0))), formula: 6 };
    case 'longTerm':
      return { vep: money(presentValueDec(input.flows.map((d) => sum(d).toNumber()), input.rate, input.timing)), formula: 7 };
    case 'longTermConstant': {
      const years = input.years ?? DEFAULT_VEP_YEARS;
      const factor = annuityFactor(input.rate, years, input.timing);
      return { vep: money(sum(input.delta).times(dec(factor))), formula: 7 };
    }
  }
}

/** A non-ecological element of the Beijing method: a value (元) or yearly cash flows discounted like P. */
export type BeijingElement = { label: string; value: number } | { label: string; cashFlows: readonly number[] };

export interface BeijingInput {
  /** Yearly returns of the project with its ecological elements (元), year 1 first. */
  projectCashFlows: readonly number[];
  /** P′ as Σ C_i of the non-ecological elements, or as the PV of a scenario without the ecological elements. */
  pPrime: { kind: 'elements'; elements: readonly BeijingElement[] } | { kind: 'scenario'; cashFlows: readonly number[] };
  rate: number;
  timing?: PaymentTiming;
}

/**
 * Beijing VEP = P − P′ (DB11/T 2105—2023).
 * @returns P, P′, the element values and VEP, in 元 rounded to 0.01 (VEP from the unrounded P and P′).
 */
export function beijingVep(input: BeijingInput): { p: number; pPrime: number; elements: { label: string; value: number }[]; vep: number } {
  const p = presentValueDec(input.projectCashFlows, input.rate, input.timing);
  let pPrime: DecT;
  let elements: { label: string; value: DecT }[] = [];
  if (input.pPrime.kind === 'scenario') {
    pPrime = presentValueDec(input.pPrime.cashFlows, input.rate, input.timing);
  } else {
    elements = input.pPrime.elements.map((e) => ({ label: e.label, value: 'value' in e ? dec(e.value) : presentValueDec(e.cashFlows, input.rate, input.timing) }));
    pPrime = elements.reduce((acc, e) => acc.plus(e.value), new Dec(0));
  }
  return { p: money(p), pPrime: money(pPrime), elements: elements.map((e) => ({ label: e.label, value: money(e.value) })), vep: money(p.minus(pPrime)) };
}
