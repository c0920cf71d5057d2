import { describe, expect, it } from 'vitest';
import { knownCrsFromEpsg } from '../../crs/zone-table';
import type { Raster } from '../raster';
import { flowAccumulationD8 } from './flow-accumulation';
import { D8_NONE, flowDirectionD8 } from './flow-direction';
import { LS_NODATA, lsFactor } from './ls-factor';
import { coverManagementCai, slopeLengthExponentM, slopeLengthL, slopeSteepnessS } from './rusle-factors';

const gk40 = knownCrsFromEpsg(4528)!;
/** A DEM of 10 m cells with elevation f(col, row) in metres. */
function dem(width: number, height: number, f: (c: number, r: number) => number, noData: number | null = null): Raster {
  return {
    width, height, dataType: 'Float32', noData, geoTransform: [40500000, 10, 0, 3300000, 0, -10], crs: gk40,
    data: [Float32Array.from({ length: width * height }, (_, i) => f(i % width, Math.floor(i / width)))],
  };
}
const row = (r: Raster, y: number): number[] => Array.from(r.data[0].subarray(y * r.width, (y + 1) * r.width));

describe('LS on a uniform plane (10 % slope, 100 m long), by hand', () => {
  // z = 100 − col: 1 m down per 10 m cell eastwards, 10 columns = a 100 m slope.
  const plane = dem(10, 5, (c) => 100 - c);
  const { ls, flowDirection, flowAccumulation, slopePercent } = lsFactor(plane);

  it('routes every cell of a row east and accumulates along the row', () => {
    // East drops 1 m over 10 m (0.1); the diagonals 1 m over 14.14 m (0.071): D8 picks east (code 0).
    expect(row(flowDirection, 2)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, D8_NONE]);
    expect(row(flowAccumulation, 2)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(row(slopePercent, 2).every((s) => s === 10)).toBe(true);
  });

  it('gives L = (D/22.13)^m · ((j+1)^(m+1) − j^(m+1)) with m = 0.5 and S = 16.8 sin θ − 0.5', () => {
    // θ = atan(0.1) = 5.7106° (5° ≤ θ < 10°): S = 16.8 · 0.0995037 − 0.5 = 1.1716625.
    // Column j has j upslope cells: A = 100 j m², D = 10 m, x = 1 (flow along the row):
    // L = ((100j + 100)^1.5 − (100j)^1.5) / (10^2.5 · 22.13^0.5) = 0.6722167 · ((j+1)^1.5 − j^1.5).
    const s = 16.8 * Math.sin(Math.atan(0.1)) - 0.5;
    expect(s).toBeCloseTo(1.1716625, 7);
    const values = row(ls, 2);
    values.forEach((v, j) => expect(v).toBeCloseTo(s * 0.6722167 * ((j + 1) ** 1.5 - j ** 1.5), 5));
    // j = 0: 0.6722167 · 1 · 1.1716625 = 0.787611; j = 3: 0.6722167 · (8 − 5.196152) · 1.1716625
    //   = 1.8847931 · 1.1716625 = 2.208341.
    expect(values[0]).toBeCloseTo(0.787611, 5);
    expect(values[3]).toBeCloseTo(2.208341, 5);
    // The row's mean L is the classic USLE L of a 100 m slope: (100 / 22.13)^0.5 = 2.125736.
    const meanL = values.reduce((a, b) => a + b, 0) / values.length / s;
    expect(meanL).toBeCloseTo(2.125736, 5);
  });
});

describe('LS on a flat DEM, by hand', () => {
  it('is S(0°) · L at the minimum contributing area everywhere', () => {
    // Slope 0 → m = 0.2, S = 10.8 · sin 0 + 0.03 = 0.03. No downhill neighbour → outlet, A = 0, x = 1:
    // L = (D²)^1.2 / (D^2.2 · 22.13^0.2) = (10 / 22.13)^0.2 = 0.853108; LS = 0.03 · 0.853108 = 0.0255932.
    const { ls, flowDirection } = lsFactor(dem(5, 5, () => 42));
    expect(Array.from(flowDirection.data[0]).every((d) => d === D8_NONE)).toBe(true);
    for (const v of ls.data[0]) expect(v).toBeCloseTo(0.0255932, 6);
  });
});

describe('a V-shaped valley', () => {
  // Side slopes fall 2 m per 10 m towards column 4; the channel falls 0.5 m per 10 m southwards (row 11 lowest).
  const valley = dem(9, 12, (c, r) => 2 * Math.abs(c - 4) + 0.5 * (11 - r));

  it('drains the sides into the channel and the channel south', () => {
    const direction = flowDirectionD8(valley);
    // Side cells: 2 m / 10 m = 0.2 sideways beats (2 + 0.5) m / 14.14 m = 0.177 diagonally: east (0) left of the
    // channel, west (4) right of it; the channel goes south (6); the channel's last cell is the outlet.
    expect(row(direction, 5)).toEqual([0, 0, 0, 0, 6, 4, 4, 4, 4]);
    expect(row(direction, 11)[4]).toBe(D8_NONE);
  });

  it('accumulates down the channel: row r collects the 9 cells of every row above it and its own', () => {
    const accumulation = flowAccumulationD8(flowDirectionD8(valley));
    expect(row(accumulation, 5)).toEqual([1, 2, 3, 4, 54, 4, 3, 2, 1]);
    const channel = Array.from({ length: 12 }, (_, r) => accumulation.data[0][r * 9 + 4]);
    expect(channel).toEqual([9, 18, 27, 36, 45, 54, 63, 72, 81, 90, 99, 108]);
  });

  it('gives an LS that grows down the channel', () => {
    const { ls } = lsFactor(valley);
    const channel = Array.from({ length: 10 }, (_, r) => ls.data[0][(r + 1) * 9 + 4]);
    for (let r = 1; r < channel.length; r++) expect(channel[r]).toBeGreaterThan(channel[r - 1]);
  });
});

describe('nodata in the DEM', () => {
  it('gives LS nodata there and routes around it', () => {
    const holes = dem(6, 4, (c, r) => (c === 2 && r === 1 ? -9999 : 100 - c), -9999);
    const { ls, flowAccumulation } = lsFactor(holes);
    expect(ls.data[0][1 * 6 + 2]).toBe(LS_NODATA);
    expect(flowAccumulation.data[0][1 * 6 + 2]).toBe(-1);
    expect(ls.data[0].filter((v) => v === LS_NODATA)).toHaveLength(1);
  });
});

describe('RUSLE factor helpers (docs/methods/regulating-services.md §3.2)', () => {
  it('S: McCool below 10° (split at 5°), 刘宝元 from 10°', () => {
    expect(slopeSteepnessS(0)).toBeCloseTo(0.03, 12);
    // 5°: 16.8 · 0.0871557 − 0.5 = 1.4642165 − 0.5 = 0.9642165; just below: 10.8 · 0.0871557 + 0.03 = 0.9712820.
    expect(slopeSteepnessS(5)).toBeCloseTo(0.9642165, 6);
    expect(slopeSteepnessS(4.999999)).toBeCloseTo(0.971282, 5);
    // 10°: 21.91 · 0.1736482 − 0.96 = 3.8046316 − 0.96 = 2.8446316.
    expect(slopeSteepnessS(10)).toBeCloseTo(2.8446316, 6);
  });

  it('m by gradient: 0.2 / 0.3 / 0.4 / 0.5 split at 1, 3 and 5 %', () => {
    expect([0, 0.99, 1, 2.99, 3, 4.99, 5, 40].map(slopeLengthExponentM)).toEqual([0.2, 0.2, 0.3, 0.3, 0.4, 0.4, 0.5, 0.5]);
  });

  it('L of a lone 22.13 m cell is 1, and a diagonal flow shortens it by x^m', () => {
    expect(slopeLengthL(0, 22.13, 0.5, 1)).toBeCloseTo(1, 12);
    expect(slopeLengthL(0, 22.13, 0.5, Math.SQRT2)).toBeCloseTo(1 / 2 ** 0.25, 12);
  });

  it('C by 蔡崇法 from cover in percent, clamped to [0, 1]', () => {
    expect(coverManagementCai(0)).toBe(1);
    // f = 0.05 %: 0.6508 − 0.3436 · lg 0.05 = 0.6508 + 0.4470339 = 1.0978 → clamped to 1.
    expect(coverManagementCai(0.05)).toBe(1);
    // f = 50 %: 0.6508 − 0.3436 · 1.6989700 = 0.0670339.
    expect(coverManagementCai(50)).toBeCloseTo(0.0670339, 6);
    // Continuous at 78.3 %: 0.6508 − 0.3436 · lg 78.29 = 0.6508 − 0.3436 · 1.8937063 = 0.000122 just below, 0 from 78.3.
    expect(coverManagementCai(78.29)).toBeCloseTo(0.000122, 5);
    expect(coverManagementCai(78.3)).toBe(0);
    expect(coverManagementCai(Number.NaN)).toBeNaN();
  });
});
