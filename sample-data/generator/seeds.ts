/**
 * The Voronoi seeds of a window of the county. Two kinds:
 *
 *  - regular seeds on a jittered 28 m lattice, thinned on the slopes (bigger cells where parcels are bigger);
 *  - strip seeds along each linear feature: a centre row and a row on each side at distance W. The cells of the
 *    centre row are then exactly W wide (the bisector of two seeds W apart lies W/2 from each):
 *
 *        side  o-----o-----o-----o        ← side row at +W
 *              ·  ·  ·  ·  ·  ·  ·        ← cell edge at +W/2
 *        centre o-----o-----o-----o       ← the strip (1006, 1101, …), W wide
 *              ·  ·  ·  ·  ·  ·  ·        ← cell edge at −W/2
 *        side  o-----o-----o-----o        ← side row at −W
 *
 *    Regular seeds keep clear of the strip so they cannot reach past the side rows into it.
 *
 * Every seed's position and id depend only on the county and the seed's own lattice cell or arc position, never on
 * the window, so overlapping windows agree.
 */
import type { Landscape } from './landscape';
import type { LinearFeature } from './linear-features';
import { lengthOf, pointAt } from './polyline';
import { hashUnit } from './prng';
import type { Extent } from './river-network';

export interface Seeds {
  count: number;
  xs: Float64Array;
  ys: Float64Array;
  /** Globally unique ids (< 2⁵³): they order a triangle's corners the same way in every window. */
  ids: Float64Array;
  /** The linear feature a strip seed belongs to, or −1 for a regular seed. */
  feature: Int32Array;
  /** 0 for the centre row of a strip (and regular seeds), ±1 for its side rows. */
  row: Int8Array;
}

/** Lattice spacing of the regular seeds, m. */
export const LATTICE_M = 28;
const LATTICE_OFFSET = 2 ** 20;
const STRIP_ID_BASE = 2 ** 45;

/** Spacing of a strip's seeds along its line, m. */
export function stripSpacingM(f: LinearFeature): number {
  return Math.min(30, Math.max(12, 2.5 * f.widthM));
}

/** How far regular seeds keep from a strip's centre line, m. */
function clearanceM(f: LinearFeature): number {
  return f.widthM + Math.max(12, stripSpacingM(f) / 2 + 6);
}

/** The seeds whose positions fall inside `window`. */
export function seedsIn(land: Landscape, window: Extent): Seeds {
  const xs: number[] = [];
  const ys: number[] = [];
  const ids: number[] = [];
  const feature: number[] = [];
  const row: number[] = [];
  const seed = land.seed;
  const reach = Math.max(...land.linear.map(clearanceM), 0);

  for (let j = Math.floor(window.minY / LATTICE_M); j <= Math.floor(window.maxY / LATTICE_M); j++) {
    for (let i = Math.floor(window.minX / LATTICE_M); i <= Math.floor(window.maxX / LATTICE_M); i++) {
      const x = (i + 0.1 + 0.8 * hashUnit(seed, i, j, 1)) * LATTICE_M;
      const y = (j + 0.1 + 0.8 * hashUnit(seed, i, j, 2)) * LATTICE_M;
      if (x < window.minX || x >= window.maxX || y < window.minY || y >= window.maxY) continue;
      if (land.linearIndex.near(x, y, reach).some((hit) => hit.d < clearanceM(land.linear[hit.line]))) continue;
      if (hashUnit(seed, i, j, 3) >= keepProbability(land, x, y)) continue;
      xs.push(x);
      ys.push(y);
      ids.push(1 + (i + LATTICE_OFFSET) * 2 ** 21 + (j + LATTICE_OFFSET));
      feature.push(-1);
      row.push(0);
    }
  }

  for (const f of land.linear) {
    const spacing = stripSpacingM(f);
    const len = lengthOf(f.line);
    for (let k = 0; (k + 0.5) * spacing < len; k++) {
      const s = (k + 0.5) * spacing + (hashUnit(seed, f.id, k, 4) - 0.5) * 0.6;
      const p = pointAt(f.line, s);
      if (p.x < window.minX - f.widthM || p.x >= window.maxX + f.widthM || p.y < window.minY - f.widthM || p.y >= window.maxY + f.widthM) continue;
      const a = pointAt(f.line, Math.max(0, s - 10));
      const b = pointAt(f.line, Math.min(len, s + 10));
      const dl = Math.hypot(b.x - a.x, b.y - a.y) || 1;
      const nx = -(b.y - a.y) / dl;
      const ny = (b.x - a.x) / dl;
      for (const r of [0, 1, -1]) {
        const x = p.x + nx * f.widthM * r;
        const y = p.y + ny * f.widthM * r;
        if (x < window.minX || x >= window.maxX || y < window.minY || y >= window.maxY) continue;
        if (yields(land, f, x, y)) continue;
        xs.push(x);
        ys.push(y);
        ids.push(STRIP_ID_BASE + f.id * 2 ** 24 + k * 4 + (r + 1));
        feature.push(f.id);
        row.push(r);
      }
    }
  }

  return {
    count: xs.length,
    xs: Float64Array.from(xs),
    ys: Float64Array.from(ys),
    ids: Float64Array.from(ids),
    feature: Int32Array.from(feature),
    row: Int8Array.from(row),
  };
}

/** Valley floors and villages get the full lattice; slopes keep about one seed in five (cells ~60 m across). */
function keepProbability(land: Landscape, x: number, y: number): number {
  if (land.settlements.at(x, y)) return 1;
  // Beyond 250 m from a valley floor the probability is flat, so the search can stop there.
  return 0.2 + 0.8 * Math.exp(-land.terrain.valleyDistance(x, y, 700) / 45);
}

/** Whether a strip seed of `f` must give way to a strip of higher priority nearby. */
function yields(land: Landscape, f: LinearFeature, x: number, y: number): boolean {
  for (const hit of land.linearIndex.near(x, y, 80)) {
    const g = land.linear[hit.line];
    if (g.id === f.id || g.priority > f.priority || (g.priority === f.priority && g.id > f.id)) continue;
    if (hit.d < g.widthM + Math.max(f.widthM, 6) + 6) return true;
  }
  return false;
}
