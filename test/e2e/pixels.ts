/**
 * Reading the map canvas as a person would see it: which land-class colours are on screen. A parcel fill is drawn
 * at 90 % opacity over the map background, so the expected screen colour is 0.9·class + 0.1·background; pixels
 * within a small tolerance per channel count as that class (anti-aliased edges and labels do not).
 */
import { landClassColor } from '#core';

export const MAP_BACKGROUND = '#f3f4f1';
const FILL_OPACITY = 0.9;

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The screen colour of a fill `hex` at `opacity` over `background`. */
export function blend(hex: string, background = MAP_BACKGROUND, opacity = FILL_OPACITY): [number, number, number] {
  const c = rgb(hex);
  const b = rgb(background);
  return [0, 1, 2].map((i) => Math.round(opacity * c[i] + (1 - opacity) * b[i])) as [number, number, number];
}

/** How many pixels of `counts` (hex → count) are within `tolerance` of `target` in every channel. */
export function pixelsNear(counts: Record<string, number>, target: [number, number, number], tolerance = 6): number {
  let n = 0;
  for (const [hex, count] of Object.entries(counts)) {
    const c = rgb(hex);
    if (Math.abs(c[0] - target[0]) <= tolerance && Math.abs(c[1] - target[1]) <= tolerance && Math.abs(c[2] - target[2]) <= tolerance) n += count;
  }
  return n;
}

/** Pixels per land class (DLBM → count) for the given codes, as drawn by the map. */
export function landClassPixels(counts: Record<string, number>, codes: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const code of codes) out[code] = pixelsNear(counts, blend(landClassColor(code)));
  return out;
}
