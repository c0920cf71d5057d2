/**
 * A whole synthetic county, built once from a seed: rivers and terrain, a reservoir, linear features, settlements
 * and administrative units. Everything else (seeds, cells, classes, rasters) asks it questions point by point, so
 * any tile of the county can be generated on its own and still agree with its neighbours.
 */
import { LineIndex } from './line-index';
import { layOutLinearFeatures, type LinearFeature } from './linear-features';
import { hash32, Rng } from './prng';
import { damReservoir, reservoirPart, type Reservoir } from './reservoir';
import { generateRivers, type Extent, type River } from './river-network';
import { placeSettlements, SettlementIndex, type SettlementKind } from './settlements';
import { Terrain, type TerrainSample } from './terrain';
import { Villages } from './villages';

export interface LandscapeOptions {
  seed: number;
  /** The county extent in local metres; features are laid out over it plus a margin. */
  extent: Extent;
  /** Distance between village centres, m. */
  villageSpacingM: number;
  /** Where the reservoir's dam may go (the sample wants it inside its outline). */
  damSite?: (x: number, y: number) => boolean;
}

/** A point of the landscape: terrain plus what overrides it (reservoir water, settlement). */
export interface Site extends TerrainSample {
  /** Elevation after the reservoir (its water surface, its dam crest), m. */
  surfaceZ: number;
  reservoir: 'water' | 'dam' | null;
  settlement: SettlementKind | null;
}

const MARGIN_M = 1500;

export class Landscape {
  readonly seed: number;
  readonly extent: Extent;
  readonly rivers: River[];
  readonly terrain: Terrain;
  readonly reservoir: Reservoir | null;
  readonly linear: LinearFeature[];
  readonly linearIndex = new LineIndex(100);
  readonly settlements: SettlementIndex;
  readonly villages: Villages;

  constructor(options: LandscapeOptions) {
    this.seed = options.seed;
    this.extent = options.extent;
    const rng = new Rng(options.seed);
    const outer = { minX: options.extent.minX - MARGIN_M, minY: options.extent.minY - MARGIN_M, maxX: options.extent.maxX + MARGIN_M, maxY: options.extent.maxY + MARGIN_M };
    this.rivers = generateRivers(rng.fork(1), outer, hash32(options.seed, 2));
    this.terrain = new Terrain(this.rivers, hash32(options.seed, 3));
    this.reservoir = damReservoir(rng.fork(4), this.rivers, options.damSite ?? (() => true));
    const placed = placeSettlements(rng.fork(5), this.rivers, this.terrain, outer);
    this.settlements = new SettlementIndex(placed.settlements, hash32(options.seed, 6));
    const linear = layOutLinearFeatures(rng.fork(7), this.rivers, hash32(options.seed, 8));
    for (const track of placed.tracks) linear.push({ id: linear.length, kind: 'road', dlbm: '1006', widthM: 3, line: track, priority: 2 });
    this.linear = linear;
    for (const f of linear) this.linearIndex.add(f.line);
    this.villages = new Villages(hash32(options.seed, 9), options.extent, options.villageSpacingM);
  }

  /** Everything the land-class rules need to know about a point. */
  site(x: number, y: number): Site {
    const t = this.terrain.sample(x, y);
    const reservoir = reservoirPart(this.reservoir, t, this.rivers);
    const surfaceZ = reservoir === 'water' ? this.reservoir!.levelZ : reservoir === 'dam' ? this.reservoir!.levelZ + 3 : t.z;
    return { ...t, surfaceZ, reservoir, settlement: this.settlements.at(x, y)?.kind ?? null };
  }

  /** The DEM surface: terrain with the reservoir's water level and dam crest, m. */
  surface(x: number, y: number): number {
    const t = this.terrain.sample(x, y);
    const part = reservoirPart(this.reservoir, t, this.rivers);
    return part === 'water' ? this.reservoir!.levelZ : part === 'dam' ? this.reservoir!.levelZ + 3 : t.z;
  }

  /**
   * Slope of the DEM surface in degrees at a point whose surface elevation `z` is known, from forward differences
   * over `stepM` (two more evaluations instead of four).
   */
  slopeDeg(x: number, y: number, z: number, stepM = 10): number {
    const gx = (this.surface(x + stepM, y) - z) / stepM;
    const gy = (this.surface(x, y + stepM) - z) / stepM;
    return (Math.atan(Math.hypot(gx, gy)) * 180) / Math.PI;
  }
}
