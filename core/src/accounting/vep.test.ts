/**
 * VEP formulas of docs/methods/regulating-services.md §6 with the §9.4 annuity vectors.
 */
import { describe, expect, it } from 'vitest';
import { annuityFactor, beijingVep, huzhouVep, presentValue } from './vep';

describe('annuity factor [1 − (1+r)^−n]/r', () => {
  it('§9.4 vectors: 11.2578 for r = 0.08, n = 30; 16.7790 for r = 0.0425, n = 30', () => {
    expect(annuityFactor(0.08, 30).toFixed(4)).toBe('11.2578');
    expect(annuityFactor(0.0425, 30).toFixed(4)).toBe('16.7790');
  });
  it('equals Σ (1+r)^−i, and begin-of-year timing is larger by 1 + r', () => {
    let sum = 0;
    for (let i = 1; i <= 30; i++) sum += Math.pow(1.08, -i);
    expect(annuityFactor(0.08, 30)).toBeCloseTo(sum, 12);
    expect(annuityFactor(0.08, 30, 'begin')).toBeCloseTo(sum * 1.08, 12);
    expect(annuityFactor(0, 30)).toBe(30);
  });
  it('§5.3: 13.03 元/m²/a as a 30-year annuity at 4.254 % is worth ≈ 218.5 元/m²', () => {
    expect(13.03 * annuityFactor(0.04254, 30)).toBeCloseTo(218.54, 1); // 80 130 000 / 366 666.7 = 218.54
  });
  it('rejects a rate written in percent as ≤ −1 only when it is; r must be > −1, n an integer ≥ 1', () => {
    expect(() => annuityFactor(-1, 30)).toThrow(expect.objectContaining({ code: 'VEP_RATE_INVALID' }));
    expect(() => annuityFactor(0.08, 0)).toThrow(expect.objectContaining({ code: 'VEP_YEARS_INVALID' }));
    expect(() => annuityFactor(0.08, 2.5)).toThrow(expect.objectContaining({ code: 'VEP_YEARS_INVALID' }));
  });
});

describe('Huzhou DB3305/T 271—2023 (3)–(7)', () => {
  const d = { deltaEpv: 1000, deltaErv: -5000, deltaEcv: 500 }; // Σ = −3500 元/a: development lowers ERV
  it('(3) current state, (4) pre-assessment, (5) post-assessment, signs kept', () => {
    expect(huzhouVep({ case: 'current', epv: 100.1, erv: 200.2, ecv: 300.3 })).toEqual({ vep: 600.6, formula: 3 });
    expect(huzhouVep({ case: 'preAssessment', deltaErv: -5000 })).toEqual({ vep: -5000, formula: 4 });
    expect(huzhouVep({ case: 'postAssessment', delta: d })).toEqual({ vep: -3500, formula: 5 });
  });
  it('(6) continuous monitoring sums the intervals', () => {
    expect(huzhouVep({ case: 'monitoring', intervals: [d, d, { deltaEpv: 0, deltaErv: 10_000, deltaEcv: 0 }] })).toEqual({ vep: 3000, formula: 6 }); // −3500 − 3500 + 10 000
  });
  it('(7) long-term: Σ Δ_i/(1+r)^i; the constant shortcut uses the annuity factor and n = 30 by default', () => {
    // 2 years at r = 0.05: −3500/1.05 − 3500/1.1025 = −3333.333 − 3174.603 = −6507.94
    expect(huzhouVep({ case: 'longTerm', rate: 0.05, flows: [d, d] })).toEqual({ vep: -6507.94, formula: 7 });
    // begin timing: −3500 − 3500/1.05 = −6833.33
    expect(huzhouVep({ case: 'longTerm', rate: 0.05, timing: 'begin', flows: [d, d] }).vep).toBe(-6833.33);
    // −3500 × 11.257783343 = −39 402.24
    expect(huzhouVep({ case: 'longTermConstant', rate: 0.08, delta: d })).toEqual({ vep: -39_402.24, formula: 7 });
    const flows = Array.from({ length: 30 }, () => d);
    expect(huzhouVep({ case: 'longTerm', rate: 0.08, flows }).vep).toBe(-39_402.24);
  });
});

describe('Beijing DB11/T 2105—2023 VEP = P − P′', () => {
  it('discounts both scenarios at the same rate', () => {
    // P = 100/1.1 + 121/1.21 = 90.909 + 100 = 190.91; P′ (scenario) = 50/1.1 + 60.5/1.21 = 45.4545 + 50 = 95.45; VEP = 95.45
    expect(beijingVep({ projectCashFlows: [100, 121], pPrime: { kind: 'scenario', cashFlows: [50, 60.5] }, rate: 0.1 })).toEqual({ p: 190.91, pPrime: 95.45, elements: [], vep: 95.45 });
  });
  it('P′ as the sum of non-ecological elements, each a value or a discounted cash flow', () => {
    const r = beijingVep({
      projectCashFlows: [1000, 1000],
      pPrime: { kind: 'elements', elements: [{ label: 'roads', value: 300 }, { label: 'idle houses', cashFlows: [110, 121] }] },
      rate: 0.1,
    });
    // P = 1000/1.1 + 1000/1.21 = 909.0909 + 826.4463 = 1735.54; houses = 100 + 100 = 200; P′ = 500; VEP = 1235.54
    expect(r).toEqual({ p: 1735.54, pPrime: 500, elements: [{ label: 'roads', value: 300 }, { label: 'idle houses', value: 200 }], vep: 1235.54 });
  });
  it('presentValue rounds to 0.01 元', () => {
    expect(presentValue([100], 0.03)).toBe(97.09); // 97.087
  });
});
