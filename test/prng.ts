/**
 * The seeded pseudo-random generator of the tests (mulberry32), so every generated case — a fuzz case, a kill moment,
 * a synthetic parcel — is reproducible from its seed alone.
 */

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/** The generator for one case: seeded by the run seed, the target's name and the case number. */
export function caseRng(seed: number, target: string, caseIndex: number): Rng {
  let h = seed ^ 0x9e3779b9;
  for (let i = 0; i < target.length; i++) h = Math.imul(h ^ target.charCodeAt(i), 0x85ebca6b);
  return mulberry32((h ^ Math.imul(caseIndex + 1, 0xc2b2ae35)) >>> 0);
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}
