/**
 * The rasters of a model-mode run, opened for windowed reads: the service rasters the user bound (`--rainfall`,
 * `--et`, `--npp` …) and, from a DEM, the RUSLE LS factor (core/src/raster/terrain, docs/methods/ls-factor.md).
 * LS needs upslope contributing area, so the DEM is read over the zone plus a margin, never whole.
 * With `--intermediates DIR` the terrain rasters and the raster-only products of the formulas (R·K·LS, P − ET …) are
 * written as GeoTIFF so an appraiser can check them cell by cell.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  cellProduct, createTransform, INPUT_DEFS, InputError, lsFactor, memoryRasterSource, pixelToWorld, readRaster, rasterExtent, worldToPixel, invertGeoTransform, writeGeoTiff,
  type CrsInfo, type Extent, type GeoTransform, type ModelRasters, type Raster, type RasterSource, type SamplingRule,
} from '#core';
import { openRaster, type OpenedRaster } from './open-raster';

export interface ModelRasterFiles {
  /** Service raster id (rainfall, et, npp, r_factor …) → GeoTIFF path. */
  files: Record<string, string>;
  /** A DEM in a projected CRS, from which LS is derived (unless an `ls` raster is given). */
  dem?: string;
  /** Declared unit per raster id, where it differs from the catalogue's (e.g. NPP in carbon units). */
  units?: Record<string, string>;
  rule?: SamplingRule;
  /** Folder for the intermediate rasters (slope, flow, LS, R·K·LS, P − ET …), created when missing. */
  intermediatesDir?: string;
}

export interface PreparedRasters {
  model: ModelRasters;
  /** The files read, for provenance. */
  files: string[];
  close(): void;
}

/** Upslope margin around the zone for flow accumulation: catchments above a 1 km ring rarely reach further. */
const DEM_MARGIN_M = 2000;
/** Largest DEM window read for LS (cells): 25 M Float32 cells ≈ 100 MB, several such arrays in the LS pipeline. */
const MAX_DEM_CELLS = 25_000_000;

const RASTER_IDS = new Set(INPUT_DEFS.filter((d) => d.type === 'raster').map((d) => d.id));

/**
 * @param zone the accounting zone's bounding box in the parcels' CRS.
 * @throws InputError INVALID_ARGUMENT (unknown raster id), RASTER_NO_CRS, RASTER_NO_GEOTRANSFORM, DEM_NOT_PROJECTED,
 *   DEM_WINDOW_TOO_LARGE, and the GeoTIFF reader's errors.
 */
export async function prepareModelRasters(spec: ModelRasterFiles, parcelsCrs: CrsInfo, zone: Extent): Promise<PreparedRasters> {
  const opened: OpenedRaster[] = [];
  const close = () => opened.forEach((r) => r.close());
  try {
    const sources: Record<string, RasterSource> = {};
    const resolutionsM: Record<string, number> = {};
    for (const [id, file] of Object.entries(spec.files)) {
      if (!RASTER_IDS.has(id)) throw new InputError('INVALID_ARGUMENT', { name: `raster ${id}`, reason: `not a raster input (known: ${[...RASTER_IDS].join(', ')})` });
      const raster = await openRaster(file);
      opened.push(raster);
      sources[id] = georeferenced(raster.reader);
      resolutionsM[id] = cellSizeM(raster.reader);
    }
    let grid: RasterSource | undefined;
    if (spec.dem && !('ls' in sources)) {
      const dem = await openRaster(spec.dem);
      opened.push(dem);
      const terrain = deriveTerrain(georeferenced(dem.reader), parcelsCrs, zone, spec.intermediatesDir);
      sources.ls = terrain;
      resolutionsM.ls = cellSizeM(dem.reader);
      grid = terrain;
    }
    grid ??= sources.ls ?? Object.values(sources)[0];
    if (spec.intermediatesDir) writeProducts(spec.intermediatesDir, sources, spec.units ?? {}, parcelsCrs, zone);
    return { model: { grid, sources, units: spec.units, resolutionsM, rule: spec.rule }, files: opened.map((r) => r.file), close };
  } catch (e) {
    close();
    throw e;
  }
}

function georeferenced(source: RasterSource): RasterSource {
  if (!source.info.crs) throw new InputError('RASTER_NO_CRS', { file: source.name });
  if (!source.info.geoTransform) throw new InputError('RASTER_NO_GEOTRANSFORM', { file: source.name });
  return source;
}

/** Cell width in metres (at the raster's centre for a geographic raster: 1° of longitude = 111 320 m × cos φ). */
function cellSizeM(source: RasterSource): number {
  const gt = source.info.geoTransform!;
  const size = Math.hypot(gt[1], gt[4]);
  if (source.info.crs?.kind !== 'geographic') return size;
  const [, minY, , maxY] = rasterExtent(gt, source.info.width, source.info.height);
  return size * 111_320 * Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
}

/** Reads the DEM over the zone + margin and derives LS; writes the terrain intermediates when asked. */
function deriveTerrain(dem: RasterSource, parcelsCrs: CrsInfo, zone: Extent, intermediatesDir: string | undefined): RasterSource {
  const crs = dem.info.crs!;
  if (crs.kind !== 'projected') throw new InputError('DEM_NOT_PROJECTED', { file: dem.name, crs: crs.name });
  const window = zoneWindow(dem, parcelsCrs, zone, DEM_MARGIN_M);
  const cells = window.width * window.height;
  if (cells > MAX_DEM_CELLS) throw new InputError('DEM_WINDOW_TOO_LARGE', { file: dem.name, cells, limit: MAX_DEM_CELLS });
  const terrain = lsFactor(readRaster(dem, 1, window), { name: dem.name });
  if (intermediatesDir) {
    writeIntermediates(intermediatesDir, {
      slope_degrees: terrain.slopeDegrees,
      slope_percent: terrain.slopePercent,
      flow_direction_d8: terrain.flowDirection,
      flow_accumulation: terrain.flowAccumulation,
      ls_factor: terrain.ls,
    });
  }
  return memoryRasterSource(terrain.ls, `LS (${dem.name})`);
}

/**
 * Products of the formulas that need no land class, each on the grid of its first input over the zone: what an
 * appraiser checks against the per-piece numbers. Written only when every input is given in its catalogue unit
 * (a declared other unit is converted per piece by the engine, not here).
 */
const PRODUCTS: { name: string; inputs: string[]; combine: (v: readonly number[]) => number }[] = [
  // docs/methods/regulating-services.md §3.2: potential erosion A_p = R·K·LS, t/(hm²·a).
  { name: 'rkls_potential_erosion', inputs: ['r_factor', 'k_factor', 'ls'], combine: ([r, k, ls]) => r * k * ls },
  // §3.1: the water balance before runoff, P − ET (mm/a) …
  { name: 'p_minus_et', inputs: ['rainfall', 'et'], combine: ([p, et]) => p - et },
  // … and with a runoff raster, the retained depth max(0, P − R − ET) (mm/a).
  { name: 'water_retention_depth', inputs: ['rainfall', 'runoff', 'et'], combine: ([p, r, et]) => Math.max(0, p - r - et) },
];

function writeProducts(dir: string, sources: Record<string, RasterSource>, units: Record<string, string>, parcelsCrs: CrsInfo, zone: Extent): void {
  const catalogueUnit = new Map(INPUT_DEFS.map((d) => [d.id, d.unit]));
  const rasters: Record<string, Raster> = {};
  for (const product of PRODUCTS) {
    if (!product.inputs.every((id) => sources[id] && (units[id] === undefined || units[id] === catalogueUnit.get(id)))) continue;
    const first = sources[product.inputs[0]];
    const w = zoneWindow(first, parcelsCrs, zone, 0);
    const gt = first.info.geoTransform!;
    const [x0, y0] = pixelToWorld(gt, w.x, w.y);
    const grid = { width: w.width, height: w.height, geoTransform: [x0, gt[1], gt[2], y0, gt[4], gt[5]] satisfies GeoTransform, crs: first.info.crs! };
    rasters[product.name] = cellProduct(grid, product.inputs.map((id) => sources[id]), product.combine);
  }
  writeIntermediates(dir, rasters);
}

/** A raster's pixel window covering the zone (transformed to the raster's CRS) plus a margin in its CRS units (m for a projected DEM), clamped. */
function zoneWindow(raster: RasterSource, parcelsCrs: CrsInfo, zone: Extent, marginM: number): { x: number; y: number; width: number; height: number } {
  const { width, height, geoTransform, crs } = raster.info;
  const toRaster = createTransform(parcelsCrs, crs!).forward;
  const [minX, minY, maxX, maxY] = zone;
  const corners = [[minX, minY], [maxX, minY], [minX, maxY], [maxX, maxY], [(minX + maxX) / 2, minY], [(minX + maxX) / 2, maxY], [minX, (minY + maxY) / 2], [maxX, (minY + maxY) / 2]].map((p) => toRaster(p));
  const inverse = invertGeoTransform(geoTransform!);
  if (!inverse) throw new InputError('RASTER_NO_GEOTRANSFORM', { file: raster.name });
  const pixels = corners.flatMap(([x, y]) => [
    worldToPixel(inverse, x - marginM, y - marginM), worldToPixel(inverse, x + marginM, y + marginM),
    worldToPixel(inverse, x - marginM, y + marginM), worldToPixel(inverse, x + marginM, y - marginM),
  ]);
  const x0 = Math.max(0, Math.floor(Math.min(...pixels.map((p) => p[0]))));
  const y0 = Math.max(0, Math.floor(Math.min(...pixels.map((p) => p[1]))));
  const x1 = Math.min(width, Math.ceil(Math.max(...pixels.map((p) => p[0]))));
  const y1 = Math.min(height, Math.ceil(Math.max(...pixels.map((p) => p[1]))));
  if (x1 <= x0 || y1 <= y0) throw new InputError('RASTER_OUTSIDE_ZONE', { raster: raster.name });
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Writes each raster as `<name>.tif` (DEFLATE), each through a temp file renamed into place. */
export function writeIntermediates(dir: string, rasters: Record<string, Raster>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, raster] of Object.entries(rasters)) {
    const target = path.join(dir, `${name}.tif`);
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, writeGeoTiff(raster, { compression: 'deflate' }));
    renameSync(temp, target);
  }
}
