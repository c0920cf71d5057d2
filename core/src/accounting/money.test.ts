/**
 * Rounding at the output edge: ROUND_HALF_UP on the decimal form of a value, money 0.01, unit values 0.0001.
 * roundNumber (the fast path for rows) must agree with decimal.js everywhere, ties included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, dec, money, roundNumber, roundTo, unitValue } from './money';

describe('rounding', () => {
  it('rounds half up on the decimal form, away from zero', () => {
    expect(money(dec(1.005))).toBe(1.01); // the double 1.005 is 1.00499999999999989…, its decimal form is 1.005
    expect(money(dec(2.675))).toBe(2.68);
    expect(money(dec(-2.675))).toBe(-2.68);
    expect(unitValue(dec(14.32335))).toBe(14.3234);
    expect(money(dec(-0.001))).toBe(0); // never −0
  });

  it('roundNumber agrees with decimal.js on random doubles and on ties', () => {
    const agree = (x: number, dp: number) => roundNumber(x, dp) === roundTo(new Dec(x), dp);
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), fc.constantFrom(2, 4, 6), agree), { numRuns: 20_000, seed: 7 });
    // ties: k + 0.5 ulp-of-the-last-place, written in decimal (…5 at dp + 1)
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(2, 4), (k, dp) => agree(Number(`${k}5e-${dp + 1}`), dp)), { numRuns: 20_000, seed: 11 });
  });
});
