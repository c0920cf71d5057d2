/**
 * The rasters of the sample: a DEM and the model-mode inputs of the regulating services, keyed by the input ids
 * of core/src/services/inputs.ts. Each is a smooth synthetic field that agrees with the landscape: rain grows with
 * height (orographic), evapotranspiration, NPP and cover follow the land class under each pixel, erodibility
 * follows a soil pattern. The values are plausible for Anji's climate, not measurements.
 */
import type { CrsInfo, Raster } from '#core';
import { landClassOf } from './land-class';
import type { Landscape } from './landscape';
import { fractalNoise } from './noise';
import { hash32 } from './prng';
import type { Origin } from './gk-geometry';
import { cellSiteOf, type Tile } from './tile';

/** A pixel grid in the projected CRS, north up. */
export interface Grid {
  /** Easting of the west edge and northing of the north edge, m. */
  west: number;
  north: number;
  cellM: number;
  width: number;
  height: number;
}

/** What a pixel's value may depend on. */
export interface PixelSite {
  x: number;
  y: number;
  /** DEM surface elevation, m. */
  z: number;
  /** Land class under the pixel centre. */
  dlbm: string;
}

export interface RasterSpec {
  /** The service input id (core/src/services/inputs.ts), or 'dem'. */
  id: string;
  cellM: number;
  /** The unit the values are in, as the parameter form declares it. */
  unit: string;
  about: string;
  value: (p: PixelSite, land: Landscape) => number;
}

export const NO_DATA = -9999;

/** A per-class table with a default for classes not listed. */
function byClass(table: Record<string, number>, fallback: number): (dlbm: string) => number {
  return (dlbm) => table[dlbm] ?? table[dlbm.replace(/[KA]$/, '')] ?? table[dlbm.slice(0, 2)] ?? fallback;
}

const BUILT = ['05H1', '0601', '0602', '0702', '0810', '08H2', '09', '1109', '1201'];
const ROADS = ['1003', '1006'];
const WATER = ['1101', '1103', '1104', '1104A', '1107'];
const fill = (codes: readonly string[], v: number) => Object.fromEntries(codes.map((c) => [c, v]));

/** Annual actual evapotranspiration by class, mm/a (typical of humid subtropical Zhejiang). */
const ET = byClass({ '0101': 820, '0103': 620, '0201': 690, '0202': 700, '0301': 790, '0302': 770, '0305': 660, '0307': 700, '0404': 560, '1202': 400, '1203': 600, '1207': 220, ...fill(BUILT, 260), ...fill(ROADS, 160), ...fill(WATER, 930) }, 600);
/** Net primary production by class, t dry matter/(hm²·a). */
const NPP = byClass({ '0101': 10, '0103': 8, '0201': 9, '0202': 9, '0301': 12, '0302': 14, '0305': 8, '0307': 9, '0404': 6, '1202': 3, '1203': 5, '1207': 1, ...fill(BUILT, 1.5), ...fill(ROADS, 0.5), ...fill(WATER, 0.5) }, 5);
/** Fractional vegetation cover by class, %. */
const FVC = byClass({ '0101': 62, '0103': 48, '0201': 66, '0202': 72, '0301': 88, '0302': 91, '0305': 76, '0307': 80, '0404': 62, '1202': 20, '1203': 55, '1207': 8, ...fill(BUILT, 15), ...fill(ROADS, 5), ...fill(WATER, 2) }, 40);

/** Days with Tmax > 26 °C, fewer higher up. */
function hotDays(z: number): number {
  return Math.max(40, 78 - 0.05 * (z - 50));
}

function precipitation(p: PixelSite, land: Landscape): number {
  return 1450 + 0.55 * (p.z - 50) + 60 * fractalNoise(hash32(land.seed, 51), p.x, p.y, 6000, 2);
}

export const RASTERS: readonly RasterSpec[] = [
  { id: 'dem', cellM: 20, unit: 'm', about: 'DEM, surface elevation (reservoir at its water level)', value: (p) => p.z },
  { id: 'rainfall', cellM: 100, unit: 'mm/a', about: 'annual precipitation, orographic: +55 mm per 100 m of height', value: precipitation },
  {
    id: 'storm_rainfall', cellM: 100, unit: 'mm/a', about: 'annual sum of daily rainfall ≥ 50 mm',
    value: (p, land) => 0.17 * precipitation(p, land) + 0.08 * (p.z - 50) + 15 * fractalNoise(hash32(land.seed, 52), p.x, p.y, 4000, 2),
  },
  {
    id: 'et', cellM: 30, unit: 'mm/a', about: 'annual actual evapotranspiration by land class, less with height',
    value: (p, land) => ET(p.dlbm) * (1 - 0.00025 * (p.z - 50)) + 25 * fractalNoise(hash32(land.seed, 53), p.x, p.y, 900, 3),
  },
  {
    id: 'et_hot', cellM: 30, unit: 'mm', about: 'evapotranspiration summed over days with Tmax > 26 °C',
    value: (p, land) => ((ET(p.dlbm) * (1 - 0.00025 * (p.z - 50))) / 365) * 1.45 * hotDays(p.z) + 4 * fractalNoise(hash32(land.seed, 54), p.x, p.y, 900, 3),
  },
  {
    id: 'r_factor', cellM: 100, unit: 'MJ·mm/(hm²·h·a)', about: 'RUSLE rainfall erosivity, from annual rainfall',
    value: (p, land) => 4700 + 2.6 * (precipitation(p, land) - 1500),
  },
  {
    id: 'k_factor', cellM: 90, unit: 't·hm²·h/(hm²·MJ·mm)', about: 'RUSLE soil erodibility (a soil-map-like pattern)',
    value: (p, land) => Math.min(0.048, Math.max(0.016, 0.031 + 0.007 * fractalNoise(hash32(land.seed, 55), p.x, p.y, 1800, 2) + (p.dlbm === '0101' ? 0.004 : 0))),
  },
  {
    id: 'npp', cellM: 30, unit: 't DM/(hm²·a)', about: 'net primary production as dry matter, by land class',
    value: (p, land) => NPP(p.dlbm) * (1 - 0.0004 * (p.z - 50)) * (1 + 0.08 * fractalNoise(hash32(land.seed, 56), p.x, p.y, 700, 3)),
  },
  {
    id: 'fvc', cellM: 30, unit: '%', about: 'fractional vegetation cover, by land class',
    value: (p, land) => Math.min(100, Math.max(0, FVC(p.dlbm) + 5 * fractalNoise(hash32(land.seed, 57), p.x, p.y, 500, 3))),
  },
];

/** The grid of `cellM` covering [west, south, east, north] (projected metres), snapped to multiples of the cell. */
export function gridOver(bounds: readonly [number, number, number, number], cellM: number): Grid {
  const west = Math.floor(bounds[0] / cellM) * cellM;
  const south = Math.floor(bounds[1] / cellM) * cellM;
  const east = Math.ceil(bounds[2] / cellM) * cellM;
  const north = Math.ceil(bounds[3] / cellM) * cellM;
  return { west, north, cellM, width: Math.round((east - west) / cellM), height: Math.round((north - south) / cellM) };
}

/**
 * Renders a raster over a grid. The land class at a pixel is the class of the Voronoi cell it falls in (the
 * nearest seed of the tile's window), so rasters agree with the parcels inside the outline and carry on naturally
 * outside it.
 */
export function renderRaster(spec: RasterSpec, grid: Grid, land: Landscape, classAt: (x: number, y: number) => string, origin: Origin, crs: CrsInfo): Raster {
  const data = new Float32Array(grid.width * grid.height);
  for (let r = 0; r < grid.height; r++) {
    for (let c = 0; c < grid.width; c++) {
      const x = grid.west + (c + 0.5) * grid.cellM - origin.easting;
      const y = grid.north - (r + 0.5) * grid.cellM - origin.northing;
      const z = land.surface(x, y);
      data[r * grid.width + c] = spec.value({ x, y, z, dlbm: spec.id === 'dem' ? '' : classAt(x, y) }, land);
    }
  }
  return { width: grid.width, height: grid.height, dataType: 'Float32', noData: NO_DATA, geoTransform: [grid.west, grid.cellM, 0, grid.north, 0, -grid.cellM], crs, data: [data] };
}

const LOOKUP_BUCKET_M = 60;

/**
 * Land class at any point of the tile's window (local metres): owned cells by their final class, other seeds
 * classified afresh.
 */
export function classLookup(land: Landscape, tile: Tile): (x: number, y: number) => string {
  const { seeds } = tile;
  const buckets = new Map<number, number[]>();
  const key = (bx: number, by: number) => (bx + 32768) * 65536 + (by + 32768);
  for (let i = 0; i < seeds.count; i++) {
    const k = key(Math.floor(seeds.xs[i] / LOOKUP_BUCKET_M), Math.floor(seeds.ys[i] / LOOKUP_BUCKET_M));
    const list = buckets.get(k);
    if (list) list.push(i);
    else buckets.set(k, [i]);
  }
  const memo = new Map<number, string>();
  const classOf = (i: number) => {
    const c = tile.cells.cellOfSeed[i];
    if (c >= 0) return tile.cellClass[c];
    let v = memo.get(i);
    if (v === undefined) memo.set(i, (v = landClassOf(land, cellSiteOf(land, seeds, i))));
    return v;
  };
  return (x, y) => {
    const bx = Math.floor(x / LOOKUP_BUCKET_M);
    const by = Math.floor(y / LOOKUP_BUCKET_M);
    let best = -1;
    let bestD = Infinity;
    for (let ring = 0; best < 0 || ring <= 1 + Math.ceil(Math.sqrt(bestD) / LOOKUP_BUCKET_M); ring++) {
      if (ring > 50) throw new Error(`no seed near (${x}, ${y}): the raster grid leaves the tile window`);
      for (let i = bx - ring; i <= bx + ring; i++) {
        for (let j = by - ring; j <= by + ring; j++) {
          if (Math.max(Math.abs(i - bx), Math.abs(j - by)) !== ring) continue;
          for (const s of buckets.get(key(i, j)) ?? []) {
            const d = (seeds.xs[s] - x) ** 2 + (seeds.ys[s] - y) ** 2;
            if (d < bestD || (d === bestD && seeds.ids[s] < seeds.ids[best])) {
              bestD = d;
              best = s;
            }
          }
        }
      }
    }
    return classOf(best);
  };
}
