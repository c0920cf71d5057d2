/**
 * Money, unit values and areas at the output edge (docs/design/cli.md § Conventions): decimal.js, ROUND_HALF_UP,
 * money to 0.01 元, unit values to 0.0001 元/m², areas to 0.01 m². Sums and quotients are taken on unrounded values
 * and rounded once, at the edge; a rounded total therefore need not equal the sum of the rounded rows above it
 * (they can differ by up to n × 0.005 元 for n rows), which is the usual accounting convention.
 *
 * A private Decimal clone keeps these settings from leaking into other users of decimal.js.
 */
import Decimal from 'decimal.js';

/** Decimal with 40 significant digits and ROUND_HALF_UP: sums of 10⁶ doubles stay exact well past 0.0001. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

export const MONEY_DP = 2;
export const UNIT_VALUE_DP = 4;
export const AREA_DP = 2;
/** Physical quantities are not fixed by the contract; six decimals keep a 1 m² piece's t CO₂ readable. */
export const QUANTITY_DP = 6;

/** A double as an exact decimal (its shortest round-trip form). */
export function dec(x: number): Dec {
  return new Dec(x);
}

export function roundTo(x: Dec, dp: number): number {
  const r = x.toDecimalPlaces(dp, Dec.ROUND_HALF_UP).toNumber();
  return Object.is(r, -0) ? 0 : r;
}

/**
 * A double rounded half-up to `dp` places as decimal.js would round its shortest decimal form (Dec(x)), without
 * building a Decimal in the common case: x·10^dp is rounded in binary when it is small enough to be exact to 10⁻⁶
 * and not within 10⁻⁶ of a half, where binary and decimal rounding can disagree (1.005 → 1.01); otherwise decimal.
 * n / 10^dp is then the double nearest the decimal result, as Number(string) gives (IEEE division is correctly
 * rounded). Rows of a county-scale run are rounded here; sums are decimal.
 */
export function roundNumber(x: number, dp: number): number {
  const scale = 10 ** dp;
  const s = x * scale;
  const f = s - Math.floor(s);
  if (Math.abs(s) < 1e9 && Math.abs(f - 0.5) > 1e-6) {
    const r = Math.round(s) / scale;
    return r === 0 ? 0 : r;
  }
  return roundTo(new Dec(x), dp);
}

export const money = (x: Dec): number => roundTo(x, MONEY_DP);
export const unitValue = (x: Dec): number => roundTo(x, UNIT_VALUE_DP);
export const area = (x: Dec): number => roundTo(x, AREA_DP);
export const quantity = (x: Dec): number => roundTo(x, QUANTITY_DP);

/** value / areaM2, or null for an empty area. */
export function perM2(value: Dec, areaM2: Dec): Dec | null {
  return areaM2.isZero() ? null : value.div(areaM2);
}
