/**
 * Seeded randomness for the sample-data generator. Two kinds, both pure 32-bit integer arithmetic so every run on
 * every machine gives the same numbers:
 *  - {@link Rng}: a sequential stream (mulberry32), for choices made in a fixed order;
 *  - {@link hashUnit}: a stateless hash of integer coordinates, for values that must come out the same whichever
 *    tile of a county asks for them (seed positions, noise lattices).
 */

/** A mulberry32 stream: 32 bits of state, period 2³², good enough for synthetic landscapes. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform in [min, max). */
  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A standard normal deviate (Box–Muller; one of the pair is dropped to keep the stream simple). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** An item chosen with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }

  /** A new independent stream derived from this one and a label. */
  fork(label: number): Rng {
    return new Rng(hash32(Math.floor(this.next() * 4294967296), label));
  }
}

/** Mixes integers into one 32-bit hash (the murmur3 finaliser after each word). */
export function hash32(...words: number[]): number {
  let h = 0x9e3779b9;
  for (const w of words) {
    // Split each word into two 32-bit halves so ids up to 2⁵³ hash without collisions from truncation.
    const lo = w >>> 0;
    const hi = Math.floor(w / 4294967296) >>> 0;
    h = mix(h ^ lo);
    h = mix(h ^ hi ^ 0x85ebca6b);
  }
  return h >>> 0;
}

/** A faster hash of three 32-bit integers (lattice coordinates), for the noise's inner loop. */
export function hash3(a: number, b: number, c: number): number {
  return mix(mix(mix(a ^ 0x9e3779b9) ^ b) ^ Math.imul(c, 0x85ebca6b)) >>> 0;
}

function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A uniform number in [0, 1) determined by the integers given. */
export function hashUnit(...words: number[]): number {
  return hash32(...words) / 4294967296;
}
