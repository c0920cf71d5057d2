/**
 * A reservoir (1103) dammed across a tributary: everything in that valley upstream of the dam and below the water
 * level is water, so its outline follows the contour into the side valleys as a real one does. The dam itself is
 * 1109 (水工建筑用地).
 */
import { lengthOf, pointAt, valueAt } from './polyline';
import type { Rng } from './prng';
import type { River } from './river-network';
import type { TerrainSample } from './terrain';

export interface Reservoir {
  river: number;
  damS: number;
  levelZ: number;
  /** The dammed river and the streams joining it above the dam. */
  rivers: ReadonlySet<number>;
}

/**
 * Dams one tributary that is long enough, choosing among those whose dam site passes `accept`.
 * @returns null when no tributary qualifies.
 */
export function damReservoir(rng: Rng, rivers: readonly River[], accept: (x: number, y: number) => boolean): Reservoir | null {
  const candidates = rivers.filter((r) => r.order === 2 && lengthOf(r.line) > 1500 && accept(pointAt(r.line, lengthOf(r.line) * 0.4).x, pointAt(r.line, lengthOf(r.line) * 0.4).y));
  if (candidates.length === 0) return null;
  const river = candidates[rng.int(candidates.length)];
  const damS = lengthOf(river.line) * rng.range(0.3, 0.4);
  const levelZ = valueAt(river.line, river.floorZ, damS) + rng.range(16, 22);
  const set = new Set([river.id]);
  for (const r of rivers) {
    if (r.parent !== river.id) continue;
    // A stream belongs to the reservoir when it joins the river above the dam.
    const j = { x: r.line.xs[0], y: r.line.ys[0] };
    let best = Infinity;
    let bestS = 0;
    for (let i = 0; i < river.line.xs.length; i++) {
      const d = Math.hypot(river.line.xs[i] - j.x, river.line.ys[i] - j.y);
      if (d < best) {
        best = d;
        bestS = river.line.s[i];
      }
    }
    if (bestS > damS) set.add(r.id);
  }
  return { river: river.id, damS, levelZ, rivers: set };
}

/** What a point is with respect to the reservoir. */
export function reservoirPart(res: Reservoir | null, t: TerrainSample, rivers: readonly River[]): 'water' | 'dam' | null {
  if (!res || t.river < 0 || !res.rivers.has(t.river)) return null;
  if (t.river === res.river) {
    const hw = valueAt(rivers[t.river].line, rivers[t.river].halfWidth, t.s);
    if (t.s >= res.damS - 28 && t.s < res.damS && t.z < res.levelZ + 3 && t.d < hw + 160) return 'dam';
    if (t.s < res.damS) return null;
  }
  return t.z < res.levelZ ? 'water' : null;
}
