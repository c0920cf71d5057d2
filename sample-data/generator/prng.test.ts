import { describe, expect, it } from 'vitest';
import { hash32, hashUnit, Rng } from './prng';

describe('Rng (mulberry32)', () => {
  it('is the mulberry32 sequence, so every machine draws the same numbers', () => {
    // Expected values from the widely copied reference (bryc's JavaScript mulberry32: `t = a += 0x6D2B79F5` …),
    // run separately: seed 0 → 1144304738, 1416247, 958946056; seed 20240601 → 1518016969, 121048372 (× 2⁻³²).
    const draw = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.next() * 4294967296);
    expect(draw(new Rng(0), 3)).toEqual([1144304738, 1416247, 958946056]);
    expect(draw(new Rng(20240601), 2)).toEqual([1518016969, 121048372]);
  });

  it('draws uniformly: 10 000 draws fill ten bins evenly', () => {
    const rng = new Rng(42);
    const bins = new Array(10).fill(0);
    for (let i = 0; i < 10_000; i++) bins[Math.floor(rng.next() * 10)]++;
    for (const n of bins) expect(Math.abs(n - 1000)).toBeLessThan(120);
  });

  it('picks by weight and stays inside ranges', () => {
    const rng = new Rng(7);
    for (let i = 0; i < 1000; i++) {
      const v = rng.range(-3, 5);
      expect(v >= -3 && v < 5).toBe(true);
      expect(rng.weighted([['a', 1], ['b', 0]])).toBe('a');
    }
  });
});

describe('hash32 / hashUnit', () => {
  it('depend on every word, including the high bits of ids above 2³²', () => {
    expect(hash32(1, 2, 3)).not.toBe(hash32(1, 2, 4));
    expect(hash32(2 ** 45 + 1)).not.toBe(hash32(1));
    expect(hash32(-1)).not.toBe(hash32(1));
    expect(hashUnit(5, 6)).toBe(hashUnit(5, 6));
    expect(hashUnit(5, 6)).toBeGreaterThanOrEqual(0);
    expect(hashUnit(5, 6)).toBeLessThan(1);
  });
});
