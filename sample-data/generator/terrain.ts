/**
 * The synthetic terrain: flat valley floors along the rivers, hills rising away from them with a gentle toe and
 * 25–35° mid-slopes (the bamboo hills of Anji), and fractal roughness that grows with height. Elevation is a pure
 * function of position, so the DEM, the parcels' slope grades and the land classes all read the same surface.
 *
 *   z = floor(x, y) + relief · t²/(1 + t²) + roughness − channel,   t = e / λ
 *
 * where e is the distance beyond the nearest valley floor, floor is the valley-floor elevation blended over the
 * nearby rivers (so ridges between valleys of different height stay continuous) and λ sets the hill width.
 */
import { LineIndex } from './line-index';
import { fractalNoise } from './noise';
import { simplified, valueAt } from './polyline';
import type { River } from './river-network';

/** What the terrain knows about a point besides its elevation. */
export interface TerrainSample {
  /** Elevation, m. */
  z: number;
  /** Distance beyond the nearest valley floor, m (0 on the floor). */
  e: number;
  /** The river whose valley the point is in (nearest by e), or −1 far from every river. */
  river: number;
  /** Distance to that river's centre line, m, and the arc position of the nearest point. */
  d: number;
  s: number;
}

const SEARCH_M = 1400;
/** e is capped below the search radius minus the widest valley, so it never jumps when a river leaves the search. */
const E_CAP_M = 900;
const HILL_WIDTH_M = 380;
/** Weight of the regional base level in the floor blend, for points far from every river. */
const REGIONAL_WEIGHT = 1 / 2000 ** 3;
const REGIONAL_FLOOR_M = 150;

export class Terrain {
  readonly index = new LineIndex(250);

  constructor(
    readonly rivers: readonly River[],
    private readonly seed: number,
  ) {
    // Within 3 m of the drawn rivers: the valleys do not need every meander, and the search is the hot spot.
    for (const r of rivers) this.index.add(simplified(r.line, 3));
  }

  /** Elevation and valley position at (x, y). */
  sample(x: number, y: number): TerrainSample {
    const near = this.index.near(x, y, SEARCH_M);
    let e = E_CAP_M;
    let river = -1;
    let d = Infinity;
    let s = 0;
    let weighted = REGIONAL_FLOOR_M * REGIONAL_WEIGHT;
    let weights = REGIONAL_WEIGHT;
    let channel = 0;
    for (const hit of near) {
      const r = this.rivers[hit.line];
      const beyond = Math.max(0, hit.d - valueAt(r.line, r.halfWidth, hit.s));
      const zf = valueAt(r.line, r.floorZ, hit.s);
      // The taper takes a river's weight to 0 at the search radius, so the floor stays continuous.
      const k = (1 - hit.d / SEARCH_M) ** 2 / (beyond + 40) ** 3;
      weighted += zf * k;
      weights += k;
      if (beyond < e || (beyond === e && hit.d < d)) {
        e = beyond;
        river = r.id;
        d = hit.d;
        s = hit.s;
      }
      if (r.waterWidthM > 0 && hit.s <= r.waterToS) channel = Math.max(channel, 2.5 * Math.exp(-((hit.d / (0.6 * r.waterWidthM + 1)) ** 2)));
    }
    const floor = weighted / weights;
    const relief = 360 + 140 * fractalNoise(this.seed + 1, x, y, 5000, 2);
    const t = e / HILL_WIDTH_M;
    const rise = (relief * t * t) / (1 + t * t);
    const rough = fractalNoise(this.seed + 2, x, y, 700, 5) * (25 + 0.15 * rise) * Math.min(1, e / 80);
    const ripple = 0.6 * fractalNoise(this.seed + 3, x, y, 180, 2);
    return { z: floor + rise + rough + ripple - channel, e, river, d, s };
  }

  /**
   * Distance beyond the nearest valley floor, looking only `maxM` around (x, y); `maxM` when no river is that
   * close. A cheap stand-in for {@link sample}(x, y).e where only nearby valleys matter.
   */
  valleyDistance(x: number, y: number, maxM: number): number {
    let e = maxM;
    for (const hit of this.index.near(x, y, maxM)) {
      const r = this.rivers[hit.line];
      e = Math.min(e, Math.max(0, hit.d - valueAt(r.line, r.halfWidth, hit.s)));
    }
    return e;
  }

  /** Elevation at (x, y), m. */
  elevation(x: number, y: number): number {
    return this.sample(x, y).z;
  }

  /** Slope in degrees at (x, y), from central differences over ±`stepM`. */
  slopeDeg(x: number, y: number, stepM = 10): number {
    const gx = (this.elevation(x + stepM, y) - this.elevation(x - stepM, y)) / (2 * stepM);
    const gy = (this.elevation(x, y + stepM) - this.elevation(x, y - stepM)) / (2 * stepM);
    return (Math.atan(Math.hypot(gx, gy)) * 180) / Math.PI;
  }
}
