/**
 * A county-scale DLTB layer for benchmarks (300 000 parcels, or a million for stress): the sample's landscape
 * rules over a grid of 3 km tiles, generated and written one tile at a time so memory stays flat whatever the size.
 * Tiles are written row by row from the north-west until the target is reached, so the county is a whole number of
 * tiles (it overshoots the target by less than one tile, ~1 300 parcels) and still a gapless partition.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { originFor, sampleCrs } from './county-frame';
import { DltbLayer } from './dltb-layer';
import { Landscape } from './landscape';
import { generateTile } from './tile';

/** Tile edge, m. */
const TILE_M = 3000;
/**
 * Parcels per tile the grid is planned with: ~145 per km², a county average (the sample, cut around a trunk valley
 * with its small paddy fields, is denser at ~215 per km²).
 */
const PLANNED_PER_TILE = 1300;

export interface CountyOptions {
  /** Parcels wanted; the layer gets at least this many (whole tiles). */
  parcels: number;
  seed: number;
  /** Called after each tile with the parcels written so far. */
  onProgress?: (written: number, target: number) => void;
}

export interface CountySummary {
  parcels: number;
  tiles: number;
  areaKm2: number;
}

/** Writes `outDir/DLTB.{shp,shx,dbf,prj}`. */
export function generateCounty(outDir: string, options: CountyOptions): CountySummary {
  const planned = Math.max(1, Math.ceil(options.parcels / PLANNED_PER_TILE));
  const cols = Math.ceil(Math.sqrt(planned));
  // Room for half as many rows again as planned, in case the tiles come out sparser than planned.
  const rows = Math.ceil((planned * 3) / 2 / cols);
  const extent = { minX: 0, minY: 0, maxX: cols * TILE_M, maxY: rows * TILE_M };
  const land = new Landscape({ seed: options.seed, extent, villageSpacingM: 2000 });
  mkdirSync(outDir, { recursive: true });
  const layer = new DltbLayer(path.join(outDir, 'DLTB'), sampleCrs(), originFor([extent.maxX / 2, extent.maxY / 2]), options.seed);
  let written = 0;
  let tiles = 0;
  for (let r = rows - 1; r >= 0 && written < options.parcels; r--) {
    for (let c = 0; c < cols && written < options.parcels; c++) {
      const tile = generateTile(land, { minX: c * TILE_M, minY: r * TILE_M, maxX: (c + 1) * TILE_M, maxY: (r + 1) * TILE_M });
      written += layer.addTile(tile).length;
      tiles++;
      options.onProgress?.(written, options.parcels);
    }
  }
  layer.close();
  return { parcels: written, tiles, areaKm2: (tiles * TILE_M * TILE_M) / 1e6 };
}
