import { describe, expect, it } from 'vitest';
import { ELLIPSOIDS } from '../crs/ellipsoid';
import { deriveGaussKrugerConstants, gaussKrugerConstants, meridianArcM } from './gauss-kruger-constants';

describe('Gauss-Kruger area constants (docs/methods/sandiao-data.md §6.1)', () => {
  it('derives Beijing 1954 exactly as its table column (which §6.1 derived)', () => {
    const derived = deriveGaussKrugerConstants(ELLIPSOIDS.Beijing1954.a, ELLIPSOIDS.Beijing1954.rf);
    const table = gaussKrugerConstants('Beijing1954');
    for (const key of ['b', 'e2', 'ep2', 'c', 'k0', 'k1', 'k2', 'k3', 'k4'] as const) {
      expect(derived[key] / table[key] - 1, key).toBeLessThan(1e-11);
    }
  });

  it('reproduces the published CGCS2000 and Xian 1980 k0, k1 to 1e-11 and k2…k4 to 1e-10 rad (§6.1)', () => {
    for (const id of ['CGCS2000', 'Xian1980'] as const) {
      const derived = deriveGaussKrugerConstants(ELLIPSOIDS[id].a, ELLIPSOIDS[id].rf);
      const table = gaussKrugerConstants(id);
      expect(Math.abs(derived.k0 / table.k0 - 1), `${id} k0`).toBeLessThan(1e-11);
      expect(Math.abs(derived.k1 - table.k1), `${id} k1`).toBeLessThan(1e-10);
      for (const key of ['k2', 'k3', 'k4'] as const) expect(Math.abs(derived[key] - table[key]), `${id} ${key}`).toBeLessThan(1e-10);
    }
  });

  it('derives WGS 84: b = a(1 − f) = 6356752.314245 m', () => {
    expect(gaussKrugerConstants('WGS84').b).toBeCloseTo(6356752.314245, 6);
  });

  it('meridian arc: the CGCS2000 quarter meridian is 10 001 965.729 m', () => {
    expect(meridianArcM(Math.PI / 2, gaussKrugerConstants('CGCS2000'))).toBeCloseTo(10001965.729, 2);
    expect(meridianArcM(0, gaussKrugerConstants('CGCS2000'))).toBe(0);
  });
});
