/**
 * One tile of the county, end to end: seeds in the tile plus a margin → Voronoi cells of the seeds the tile owns →
 * a land class per cell → parcels → parcel outlines. A county is any number of tiles generated one after another
 * (nothing is kept between them), and the sample is a single tile masked by an irregular outline.
 */
import { landClassOf, type CellSite } from './land-class';
import type { Landscape } from './landscape';
import type { LinearFeature } from './linear-features';
import { growParcels } from './parcels';
import type { Extent } from './river-network';
import type { SettlementKind } from './settlements';
import { outlineOf, ringArea, type IdPolygon } from './rings';
import { seedsIn, type Seeds } from './seeds';
import { tessellate, type Cells } from './tessellation';
import type { Village } from './villages';

export interface TileParcel {
  dlbm: string;
  village: Village;
  /** Outline as vertex ids into the tile's cells (largest part first; each part: outer ring, then holes). */
  polygons: IdPolygon[];
  /** Planar area, m². */
  planarAreaM2: number;
  /** Area-weighted mean slope of the parcel's cells, degrees. */
  slopeDeg: number;
  /** The linear feature of a strip parcel, else null. */
  feature: LinearFeature | null;
  /** The settlement the parcel lies in, if any (its first cell's). */
  settlement: SettlementKind | null;
}

export interface Tile {
  /** The seeds of the tile's window (owned or not). */
  seeds: Seeds;
  cells: Cells;
  parcels: TileParcel[];
  /** Per owned cell: land class and village (for the village layer and the rasters). */
  cellClass: string[];
  cellVillage: Village[];
}

/** Everything the land-class rules need about window seed i. */
export function cellSiteOf(land: Landscape, seeds: Seeds, i: number): CellSite {
  const x = seeds.xs[i];
  const y = seeds.ys[i];
  const at = land.site(x, y);
  const feature = seeds.feature[i] >= 0 ? land.linear[seeds.feature[i]] : null;
  return { ...at, x, y, slopeDeg: land.slopeDeg(x, y, at.surfaceZ), id: seeds.ids[i], feature, row: seeds.row[i] };
}

/**
 * Seeds within this distance of the tile are triangulated with it, m. A cell near the edge of a sparse area can
 * need more (its circumcircles must lie inside the window); the next margin is tried then. The cells do not depend
 * on which margin worked, only on the county, so neighbouring tiles still agree.
 */
const MARGINS_M = [250, 500, 1000];

/**
 * Generates a tile.
 * @param mask when given, only seeds inside it are owned (the sample's irregular outline).
 */
export function generateTile(land: Landscape, tile: Extent, mask?: (x: number, y: number) => boolean): Tile {
  for (const margin of MARGINS_M) {
    const window = { minX: tile.minX - margin, minY: tile.minY - margin, maxX: tile.maxX + margin, maxY: tile.maxY + margin };
    const seeds = seedsIn(land, window);
    const owns = (i: number) => {
      const x = seeds.xs[i];
      const y = seeds.ys[i];
      return x >= tile.minX && x < tile.maxX && y >= tile.minY && y < tile.maxY && (!mask || mask(x, y));
    };
    const cells = tessellate(seeds, window, owns);
    if (cells) return classifyAndGrow(land, seeds, cells);
  }
  throw new Error(`tile (${tile.minX}, ${tile.minY}): no margin up to ${MARGINS_M[MARGINS_M.length - 1]} m gives a window-independent tessellation`);
}

function classifyAndGrow(land: Landscape, seeds: Seeds, cells: Cells): Tile {
  const dlbm: string[] = [];
  const village: Village[] = [];
  const slope = new Float64Array(cells.count);
  const areaM2 = new Float64Array(cells.count);
  const strip = new Uint8Array(cells.count);
  const settlement: (SettlementKind | null)[] = [];
  for (let c = 0; c < cells.count; c++) {
    const i = cells.seed[c];
    const x = seeds.xs[i];
    const y = seeds.ys[i];
    const site = cellSiteOf(land, seeds, i);
    const feature = site.feature;
    dlbm.push(landClassOf(land, site));
    village.push(land.villages.at(x, y));
    slope[c] = site.slopeDeg;
    settlement.push(site.settlement);
    areaM2[c] = ringArea(cells, Array.from(cells.ringVertex.subarray(cells.ringStart[c], cells.ringStart[c + 1])));
    strip[c] = feature && seeds.row[i] === 0 && dlbm[c] === feature.dlbm ? 1 : 0;
  }

  const info = { dlbm, village: village.map((v) => v.code), areaM2, strip };
  const stripWidth = (c: number) => land.linear[seeds.feature[cells.seed[c]]].widthM;
  const grown = growParcels(cells, info, stripWidth, land.seed);
  const villageByCode = new Map(village.map((v) => [v.code, v]));
  const parcels = grown.map((p): TileParcel => {
    let area = 0;
    let slopeSum = 0;
    for (const c of p.cells) {
      area += areaM2[c];
      slopeSum += slope[c] * areaM2[c];
    }
    const first = p.cells[0];
    const feature = strip[first] ? land.linear[seeds.feature[cells.seed[first]]] : null;
    return { dlbm: p.dlbm, village: villageByCode.get(p.village)!, polygons: outlineOf(cells, p.cells), planarAreaM2: area, slopeDeg: area > 0 ? slopeSum / area : 0, feature, settlement: settlement[first] };
  });
  return { seeds, cells, parcels, cellClass: info.dlbm, cellVillage: village };
}
