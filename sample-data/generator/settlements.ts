/**
 * Settlements: villages strung along the valley floors next to their roads, a few hamlets up on the forested
 * slopes (some reached by a track, some not — those become holes in a forest parcel), and the odd quarry and
 * hillside cemetery above the side valleys.
 */
import { fractalNoise } from './noise';
import { lengthOf, pointAt, polyline, valueAt, type Polyline } from './polyline';
import type { Rng } from './prng';
import type { Extent, River } from './river-network';
import type { Terrain } from './terrain';

export interface Settlement {
  x: number;
  y: number;
  radiusM: number;
  kind: SettlementKind;
}

/** Villages and hamlets are homesteads (0702); a quarry is mining land (0602), a cemetery special land (09). */
export type SettlementKind = 'village' | 'hamlet' | 'quarry' | 'cemetery';

/** Places settlements; returns them with the tracks (centre lines) that link hamlets to the valley roads. */
export function placeSettlements(rng: Rng, rivers: readonly River[], terrain: Terrain, extent: Extent): { settlements: Settlement[]; tracks: Polyline[] } {
  const settlements: Settlement[] = [];
  const tracks: Polyline[] = [];
  for (const r of rivers.filter((x) => x.order <= 2)) {
    const len = lengthOf(r.line);
    const step: [number, number] = r.order === 1 ? [700, 1300] : [900, 1600];
    for (let s = rng.range(100, step[1]); s < len * 0.8; s += rng.range(step[0], step[1])) {
      const p = pointAt(r.line, s);
      const side = rng.next() < 0.5 ? 1 : -1;
      const hw = valueAt(r.line, r.halfWidth, s);
      const off = side * Math.max(r.waterWidthM + 60, hw * rng.range(0.55, 0.85));
      settlements.push({ x: p.x - p.dy * off, y: p.y + p.dx * off, radiusM: r.order === 1 ? rng.range(110, 190) : rng.range(70, 130), kind: 'village' });
    }
  }
  // Hamlets: about one per 2 km², on slopes 100–350 m beyond the valley floor.
  const area = (extent.maxX - extent.minX) * (extent.maxY - extent.minY);
  const wanted = Math.round(area / 2e6);
  for (let tries = 0, placed = 0; placed < wanted && tries < wanted * 30; tries++) {
    const x = rng.range(extent.minX, extent.maxX);
    const y = rng.range(extent.minY, extent.maxY);
    const t = terrain.sample(x, y);
    if (t.e < 100 || t.e > 350) continue;
    placed++;
    settlements.push({ x, y, radiusM: rng.range(28, 45), kind: 'hamlet' });
    if (rng.next() < 0.5 && t.river >= 0) tracks.push(trackDown(rivers[t.river], t.s, x, y));
  }
  // A quarry per ~8 km² and a cemetery per ~5 km², on the lower slopes above a side valley.
  for (const [kind, perM2, radius] of [['quarry', 8e6, [45, 70]], ['cemetery', 5e6, [16, 26]]] as const) {
    const count = Math.round(area / perM2);
    for (let tries = 0, placed = 0; placed < count && tries < count * 40; tries++) {
      const x = rng.range(extent.minX, extent.maxX);
      const y = rng.range(extent.minY, extent.maxY);
      const t = terrain.sample(x, y);
      if (t.e < 25 || t.e > 110 || t.river < 0 || rivers[t.river].order !== 2) continue;
      placed++;
      settlements.push({ x, y, radiusM: rng.range(radius[0], radius[1]), kind });
    }
  }
  return { settlements, tracks };
}

/** A wiggly track from a hamlet down to the floor of its valley. */
function trackDown(river: River, s: number, x: number, y: number): Polyline {
  const p = pointAt(river.line, s);
  const hw = valueAt(river.line, river.halfWidth, s);
  const dx = p.x - x;
  const dy = p.y - y;
  const len = Math.hypot(dx, dy);
  const endAt = Math.max(0, len - hw * 0.6);
  const flat: number[] = [];
  const n = Math.max(2, Math.round(endAt / 15));
  for (let k = 0; k <= n; k++) {
    const f = (k / n) * (endAt / len);
    const wig = 25 * fractalNoise(7, x + dx * f, y + dy * f, 400, 2) * Math.sin(Math.PI * (k / n));
    flat.push(x + dx * f - (dy / len) * wig, y + dy * f + (dx / len) * wig);
  }
  return polyline(flat);
}

const BUCKET_M = 500;

/** Settlements bucketed on a 500 m grid, for the per-seed "which settlement is this in" question. */
export class SettlementIndex {
  private readonly buckets = new Map<number, Settlement[]>();

  constructor(
    readonly settlements: readonly Settlement[],
    private readonly noiseSeed: number,
  ) {
    for (const st of settlements) {
      const r = st.radiusM * 1.5;
      for (let bx = Math.floor((st.x - r) / BUCKET_M); bx <= Math.floor((st.x + r) / BUCKET_M); bx++) {
        for (let by = Math.floor((st.y - r) / BUCKET_M); by <= Math.floor((st.y + r) / BUCKET_M); by++) {
          const key = (bx + 32768) * 65536 + (by + 32768);
          let list = this.buckets.get(key);
          if (!list) this.buckets.set(key, (list = []));
          list.push(st);
        }
      }
    }
  }

  /** The settlement (an irregular disc) that (x, y) lies in, or null. */
  at(x: number, y: number): Settlement | null {
    const list = this.buckets.get((Math.floor(x / BUCKET_M) + 32768) * 65536 + (Math.floor(y / BUCKET_M) + 32768));
    if (!list) return null;
    for (const st of list) {
      const d = Math.hypot(x - st.x, y - st.y);
      if (d > st.radiusM * 1.5) continue;
      const r = st.radiusM * (1 + 0.35 * fractalNoise(this.noiseSeed, x, y, st.kind === 'village' ? 160 : 60, 2));
      if (d < r) return st;
    }
    return null;
  }
}
