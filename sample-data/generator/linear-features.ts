/**
 * Linear features mapped as narrow parcels (三调 linear patches with XZDWKD, docs/methods/sandiao-data.md §2.1):
 * river water strips (1101), the highway along each trunk valley (1003), rural roads up the side valleys (1006)
 * and irrigation ditches across the wide valley floors (1107). Each is a centre line plus a width; the tessellation
 * turns it into a strip of cells exactly that wide (seeds.ts).
 */
import { fractalNoise } from './noise';
import { lengthOf, offsetLine, pointAt, valueAt, type Polyline } from './polyline';
import type { Rng } from './prng';
import type { River } from './river-network';

export type LinearKind = 'highway' | 'river' | 'road' | 'ditch';

export interface LinearFeature {
  id: number;
  kind: LinearKind;
  /** The land class of the strip. */
  dlbm: '1003' | '1101' | '1006' | '1107';
  /** Strip width, m (XZDWKD). */
  widthM: number;
  line: Polyline;
  /** Lower wins: where two strips meet, the one with the higher number gives way. */
  priority: number;
}

const PRIORITY: Record<LinearKind, number> = { highway: 0, river: 1, road: 2, ditch: 3 };

/** Lays out the linear features of a landscape, in priority order. */
export function layOutLinearFeatures(rng: Rng, rivers: readonly River[], noiseSeed: number): LinearFeature[] {
  const out: Omit<LinearFeature, 'id'>[] = [];
  const add = (kind: LinearKind, dlbm: LinearFeature['dlbm'], widthM: number, line: Polyline) => {
    if (lengthOf(line) > 60) out.push({ kind, dlbm, widthM, line, priority: PRIORITY[kind] });
  };
  for (const r of rivers) {
    if (r.waterWidthM > 0) add('river', '1101', r.waterWidthM, offsetLine(r.line, 0, r.waterToS, 10, () => 0, 25));
  }
  for (const trunk of rivers.filter((r) => r.order === 1)) {
    const len = lengthOf(trunk.line);
    const side = rng.next() < 0.5 ? 1 : -1;
    // The highway keeps to one side of the valley floor, wandering a little; a rural road and a ditch take the other.
    const hwOffset = (s: number) => {
      const p = pointAt(trunk.line, s);
      const hw = valueAt(trunk.line, trunk.halfWidth, s);
      return side * Math.max(trunk.waterWidthM + 45, hw * (0.45 + 0.15 * fractalNoise(noiseSeed + 21, p.x, p.y, 3000, 2)));
    };
    add('highway', '1003', 24, offsetLine(trunk.line, 0, len, 20, hwOffset, 250));
    add('road', '1006', 6, offsetLine(trunk.line, 0, len, 15, (s) => -side * Math.max(trunk.waterWidthM + 30, 0.55 * valueAt(trunk.line, trunk.halfWidth, s)), 150));
    add('ditch', '1107', 3, offsetLine(trunk.line, 0, len, 15, (s) => side * 0.9 * valueAt(trunk.line, trunk.halfWidth, s), 200));
  }
  for (const r of rivers.filter((x) => x.order === 2)) {
    const len = lengthOf(r.line);
    const side = rng.next() < 0.5 ? 1 : -1;
    add('road', '1006', Math.round(rng.range(4, 5.5) * 2) / 2, offsetLine(r.line, 0, len * rng.range(0.7, 0.9), 12, () => side * (r.waterWidthM / 2 + 28), 80));
  }
  for (const r of rivers.filter((x) => x.order === 3)) {
    if (rng.next() < 0.35) add('road', '1006', 3, offsetLine(r.line, 0, lengthOf(r.line) * 0.6, 12, () => 18, 60));
  }
  out.sort((a, b) => a.priority - b.priority);
  return out.map((f, id) => ({ id, ...f }));
}
