/**
 * Tiers at their boundaries (step and linear), the combine rules, the premium base and its capitalisation, and the
 * tiers CSV with its line/column errors.
 */
import { describe, expect, it } from 'vitest';
import { formatMessage, type MessageCode } from '../messages/index';
import { dec } from './money';
import { combinedUnitValue, computePremium, validatePremium } from './premium';
import { ILLUSTRATIVE_TIERS, lookupTier, validateTiers, type TierTable } from './tiers';
import { parseTiersCsv, tiersToCsv } from './tiers-csv';

function thrown(f: () => unknown): { code: MessageCode; details: Record<string, unknown> } {
  try {
    f();
  } catch (e) {
    return e as { code: MessageCode; details: Record<string, unknown> };
  }
  throw new Error('expected an error');
}

const TABLE: TierTable = {
  name: 't.csv',
  illustrative: false,
  rows: [
    { minUnitValue: 5, maxUnitValue: 10, rate: 0.02 },
    { minUnitValue: 10, maxUnitValue: 15, rate: 0.04 },
    { minUnitValue: 15, maxUnitValue: null, rate: 0.08 },
  ],
};

describe('tier lookup', () => {
  it('step: lower bound inclusive, upper bound exclusive, open top', () => {
    expect(lookupTier(TABLE, 4.9999, 'step')).toEqual({ tier: null, rate: null }); // below the first band
    expect(lookupTier(TABLE, 5, 'step')).toEqual({ tier: 1, rate: 0.02 });
    expect(lookupTier(TABLE, 9.9999, 'step')).toEqual({ tier: 1, rate: 0.02 });
    expect(lookupTier(TABLE, 10, 'step')).toEqual({ tier: 2, rate: 0.04 });
    expect(lookupTier(TABLE, 15, 'step')).toEqual({ tier: 3, rate: 0.08 });
    expect(lookupTier(TABLE, 1e6, 'step')).toEqual({ tier: 3, rate: 0.08 });
  });

  it('linear: r_k at each lower bound, straight lines between, the last band flat', () => {
    expect(lookupTier(TABLE, 5, 'linear')).toEqual({ tier: 1, rate: 0.02 });
    expect(lookupTier(TABLE, 7.5, 'linear').rate).toBeCloseTo(0.03, 15); // 0.02 + (0.04 − 0.02) × 2.5/5
    expect(lookupTier(TABLE, 12.5, 'linear').rate).toBeCloseTo(0.06, 15); // 0.04 + (0.08 − 0.04) × 2.5/5
    expect(lookupTier(TABLE, 15, 'linear')).toEqual({ tier: 3, rate: 0.08 });
    expect(lookupTier(TABLE, 40, 'linear')).toEqual({ tier: 3, rate: 0.08 });
  });

  it('an open-below first band keeps its rate', () => {
    expect(lookupTier(ILLUSTRATIVE_TIERS, -1, 'linear')).toEqual({ tier: 1, rate: 0 });
    expect(lookupTier(ILLUSTRATIVE_TIERS, 4.9999, 'step')).toEqual({ tier: 1, rate: 0 });
    expect(lookupTier(ILLUSTRATIVE_TIERS, 5, 'step')).toEqual({ tier: 2, rate: 0.02 });
  });

  it('a gap between bands has no tier and is a warning; overlaps are errors', () => {
    const gap: TierTable = { ...TABLE, rows: [TABLE.rows[0], { minUnitValue: 12, maxUnitValue: null, rate: 0.05 }] };
    expect(lookupTier(gap, 11, 'step')).toEqual({ tier: null, rate: null });
    expect(validateTiers(gap).map((i) => [i.code, i.severity])).toEqual([['TIERS_GAP', 'warning']]);
    const overlap: TierTable = { ...TABLE, rows: [TABLE.rows[0], { minUnitValue: 9, maxUnitValue: null, rate: 0.05 }] };
    expect(validateTiers(overlap).map((i) => i.code)).toEqual(['TIERS_OVERLAP']);
  });
});

describe('combine rules', () => {
  // U_p = 120 000 / 10 000 = 12; U_b = 60 000 / 20 000 = 3
  const zones = { redline: { value: dec(120_000), area: dec(10_000) }, buffer: { value: dec(60_000), area: dec(20_000) } };
  it('union is the unit value of red line ∪ ring', () => {
    expect(combinedUnitValue({ kind: 'union' }, zones)?.toNumber()).toBe(6); // 180 000 / 30 000
  });
  it('parcelOnly, ringOnly, weighted', () => {
    expect(combinedUnitValue({ kind: 'parcelOnly' }, zones)?.toNumber()).toBe(12);
    expect(combinedUnitValue({ kind: 'ringOnly' }, zones)?.toNumber()).toBe(3);
    expect(combinedUnitValue({ kind: 'weighted', parcelWeight: 0.7, ringWeight: 0.3 }, zones)?.toNumber()).toBe(9.3); // 0.7 × 12 + 0.3 × 3
  });
  it('no ring: ringOnly and weighted have no value', () => {
    const noRing = { redline: zones.redline, buffer: { value: dec(0), area: dec(0) } };
    expect(combinedUnitValue({ kind: 'ringOnly' }, noRing)).toBeNull();
    expect(combinedUnitValue({ kind: 'weighted', parcelWeight: 0.5, ringWeight: 0.5 }, noRing)).toBeNull();
    expect(combinedUnitValue({ kind: 'union' }, noRing)?.toNumber()).toBe(12);
  });
  it('weights must be non-negative and sum to 1', () => {
    expect(validatePremium({ combine: { kind: 'weighted', parcelWeight: 0.7, ringWeight: 0.2 } }).map((i) => i.code)).toEqual(['PREMIUM_WEIGHTS_INVALID']);
    expect(validatePremium({ combine: { kind: 'weighted', parcelWeight: 0.7, ringWeight: 0.3 } })).toEqual([]);
  });
});

describe('premium amount', () => {
  it('rate × an appraised price', () => {
    const p = computePremium({ tiers: TABLE, base: { kind: 'amount', yuan: 12_345_678.9, label: 'appraisedPrice' } }, 12.3456, dec(10_000));
    expect(p).toMatchObject({ tier: 2, rate: 0.04, base: { kind: 'amount', yuan: 12_345_678.9, factorYears: null }, amount: 493_827.16 }); // 12 345 678.9 × 0.04 = 493 827.156
  });

  it('capitalised with k in years: rate × k × U* × A (the §5.4 dimension fix)', () => {
    const p = computePremium({ tiers: TABLE, base: { kind: 'capitalised', factor: { kind: 'years', years: 16.77 } } }, 13.03, dec(366_666.67));
    // base = 16.77 × 13.03 × 366 666.67 = 218.5131 × 366 666.67 = 80 121 470.728 元; × 0.04 = 3 204 858.829 元
    expect(p.base).toEqual({ kind: 'capitalised', yuan: 80_121_470.73, factorYears: 16.77 });
    expect(p.amount).toBe(3_204_858.83);
  });

  it('capitalised with an annuity factor: r = 0.08, n = 30 → k = 11.2578', () => {
    const p = computePremium({ tiers: TABLE, base: { kind: 'capitalised', factor: { kind: 'annuity', rate: 0.08, years: 30 }, areaM2: 1000 } }, 10, dec(5000));
    expect(p.base?.factorYears).toBeCloseTo(11.257783343, 9);
    expect(p.base?.yuan).toBe(112_577.83); // 11.257783343 × 10 × 1000
    expect(p.amount).toBe(4503.11); // × 0.04 = 4503.113
  });

  it('an interpolated rate is reported to 10⁻⁸ and the amount uses it', () => {
    const p = computePremium({ tiers: TABLE, tierMode: 'linear', base: { kind: 'amount', yuan: 1_000_000 } }, 7.5, dec(1));
    expect(p.rate).toBe(0.03); // 0.02 + 0.02 × 2.5/5 = 0.030000000000000002 in binary
    expect(p.amount).toBe(30_000);
  });

  it('no base: tier and rate only; no unit value: nothing', () => {
    expect(computePremium(undefined, 7, dec(1))).toMatchObject({ tier: 2, rate: 0.02, illustrative: true, base: null, amount: null });
    expect(computePremium(undefined, null, dec(1))).toMatchObject({ tier: null, rate: null, amount: null });
  });
});

describe('tiers CSV', () => {
  it('reads open bounds, BOM and CRLF, and writes back the same table', () => {
    const t = parseTiersCsv('\uFEFFmin_unit_value,max_unit_value,rate\r\n,5,0\r\n5,10,0.02\r\n10,,0.05\r\n', 'tiers.csv');
    expect(t.rows).toEqual([
      { minUnitValue: null, maxUnitValue: 5, rate: 0 },
      { minUnitValue: 5, maxUnitValue: 10, rate: 0.02 },
      { minUnitValue: 10, maxUnitValue: null, rate: 0.05 },
    ]);
    expect(parseTiersCsv(tiersToCsv(t), 'tiers.csv')).toEqual(t);
  });

  it('reports a percentage written as a rate with line and column, in zh and en', () => {
    const e = thrown(() => parseTiersCsv('min_unit_value,max_unit_value,rate\n,5,0\n5,,2%\n', 'tiers.csv'));
    expect(e).toMatchObject({ code: 'TIERS_RATE_PERCENT', details: { file: 'tiers.csv', line: 3, column: 3, value: '2%' } });
    expect(formatMessage(e.code, e.details, 'en')).toBe('tiers.csv, line 3, column 3: write the rate "2%" as a fraction (5 % is 0.05)');
    expect(formatMessage(e.code, e.details, 'zh')).toBe('tiers.csv 第 3 行第 3 列：比例“2%”请写成小数（5% 写作 0.05）');
  });

  it('reports overlapping bands by their line, counting blank lines', () => {
    const e = thrown(() => parseTiersCsv('min_unit_value,max_unit_value,rate\n0,10,0.01\n\n8,,0.02\n', 'tiers.csv'));
    expect(e).toMatchObject({ code: 'TIERS_OVERLAP', details: { line: 4, min: 8, previousMax: 10 } });
  });

  it('reports a rate above 1 and a bad header', () => {
    expect(thrown(() => parseTiersCsv('min_unit_value,max_unit_value,rate\n0,,5\n', 'x.csv'))).toMatchObject({ code: 'TIERS_RATE_INVALID', details: { line: 2, value: 5 } });
    const e = thrown(() => parseTiersCsv('min,max,rate\n0,,0.05\n', 'x.csv'));
    expect(e).toMatchObject({ code: 'CSV_HEADER_UNKNOWN', details: { column: 1, field: 'min' } });
  });
});
