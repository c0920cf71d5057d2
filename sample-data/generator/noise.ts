/**
 * Seeded 2-D gradient noise (Perlin's improved fade curve over a hashed gradient lattice) and its fractal sum.
 * The lattice is hashed rather than permuted so any point of an unbounded county can be evaluated on its own.
 */
import { hash3 } from './prng';

/** Gradient noise at (x, y) in lattice units; roughly in [−0.7, 0.7], 0 on every lattice point. */
export function gradientNoise(seed: number, x: number, y: number): number {
  const ix = Math.floor(x);
  const iy = Math.floor(y);
  const fx = x - ix;
  const fy = y - iy;
  const n00 = corner(seed, ix, iy, fx, fy);
  const n10 = corner(seed, ix + 1, iy, fx - 1, fy);
  const n01 = corner(seed, ix, iy + 1, fx, fy - 1);
  const n11 = corner(seed, ix + 1, iy + 1, fx - 1, fy - 1);
  const u = fade(fx);
  const v = fade(fy);
  return lerp(lerp(n00, n10, u), lerp(n01, n11, u), v);
}

/**
 * Fractal (fBm) noise: `octaves` layers, each at twice the frequency and `gain` times the amplitude of the one
 * before, normalised so the result stays roughly in [−1, 1].
 * @param wavelengthM the wavelength of the first octave in metres.
 */
export function fractalNoise(seed: number, xM: number, yM: number, wavelengthM: number, octaves = 4, gain = 0.5): number {
  let sum = 0;
  let amplitude = 1;
  let norm = 0;
  let frequency = 1 / wavelengthM;
  for (let o = 0; o < octaves; o++) {
    sum += amplitude * gradientNoise(seed + o * 1013, xM * frequency, yM * frequency);
    norm += amplitude;
    amplitude *= gain;
    frequency *= 2;
  }
  return (sum / norm) * 1.6;
}

function corner(seed: number, ix: number, iy: number, dx: number, dy: number): number {
  const angle = (hash3(seed, ix, iy) / 4294967296) * 2 * Math.PI;
  return Math.cos(angle) * dx + Math.sin(angle) * dy;
}

function fade(t: number): number {
  return t * t * t * (t * (t * 6 - 15) + 10);
}

function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}
