import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTransform, transformGeometry } from '../crs/transform';
import { knownCrsFromEpsg } from '../crs/zone-table';
import { openGeoTiff } from '../io/geotiff/geotiff-reader';
import { bytesSource, type FeatureCollection, type PolygonalGeometry } from '../types';
import { memoryRasterSource } from './memory-raster';
import { createPieceSampler, samplePiece } from './piece-sampler';
import type { RasterSource } from './raster';
import { weightedMean } from './weighted-mean';

// Reference grids whose pixel value is their own cell index (row × 24 + col), GDAL's answers for each test polygon
// (core/fixtures/raster/make-zonal-fixtures.py): gdal_rasterize masks, GEOS overlap areas, PROJ-transformed
// rainfall lookups.
interface ZonalCase {
  grid: string;
  polygon: string;
  centreCells: number[];
  areaWeights: [number, number, number][];
  coveredFraction: number;
  rain: (number | null)[];
}
const root = new URL('../../fixtures/raster/zonal/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', root), 'utf8')) as { width: number; cases: ZonalCase[] };
const pieces = JSON.parse(readFileSync(new URL('pieces.geojson', root), 'utf8')) as FeatureCollection<PolygonalGeometry>;
const pieceOf = (name: string): PolygonalGeometry => pieces.features.find((f) => f.properties.name === name)!.geometry;
const gk40 = knownCrsFromEpsg(4528)!;
const W = expected.width;

const opened = new Map<string, RasterSource>();
async function raster(file: string): Promise<RasterSource> {
  if (!opened.has(file)) opened.set(file, await openGeoTiff(bytesSource(new Uint8Array(readFileSync(new URL(file, root)))), { name: file }));
  return opened.get(file)!;
}

describe('centre rule agrees with gdal_rasterize cell for cell', () => {
  it.each(expected.cases.filter((c) => c.polygon !== 'sliver').map((c) => [`${c.polygon} on ${c.grid}`, c] as const))('%s', async (_name, c) => {
    const grid = await raster(c.grid);
    const samples = samplePiece(pieceOf(c.polygon), grid, { cell: grid }, { rule: 'centre', pieceCrs: gk40 });
    // Cells inside the raster are the ones GDAL burns; the lattice beyond the edge gives NaN (no coverage).
    const inside = Array.from(samples.values.cell).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
    expect(inside).toEqual(c.centreCells);
    if (samples.weights.length > 0) expect(samples.weights.every((w) => w === 1 / samples.weights.length)).toBe(true);
  });

  it('gives a sliver with no cell centre inside it the cell under its interior point', async () => {
    const c = expected.cases.find((k) => k.polygon === 'sliver' && k.grid === 'grid-north.tif')!;
    expect(c.centreCells).toEqual([]); // GDAL burns nothing
    const grid = await raster(c.grid);
    const samples = samplePiece(pieceOf('sliver'), grid, { cell: grid }, { rule: 'centre', pieceCrs: gk40 });
    // The sliver spans eastings 40500043.2–46.9 and northings 3300216.4–221.8; with the grid's origin at
    // (40500000, 3300300) and 10 m cells that is columns 4.32–4.69 and rows (300 − 221.8)/10 = 7.82 to
    // (300 − 216.4)/10 = 8.36. Its interior point sits at mid-height, row 8.09, so in cell (col 4, row 8), whose
    // centre (4.5, 8.5) lies below the sliver — hence GDAL's empty mask. Cell index 8 × 24 + 4 = 196.
    expect(Array.from(samples.weights)).toEqual([1]);
    expect(Array.from(samples.values.cell)).toEqual([8 * W + 4]);
  });
});

describe('area rule agrees with GEOS overlap areas', () => {
  it.each(expected.cases.map((c) => [`${c.polygon} on ${c.grid}`, c] as const))('%s', async (_name, c) => {
    const grid = await raster(c.grid);
    const samples = samplePiece(pieceOf(c.polygon), grid, { cell: grid }, { rule: 'area', pieceCrs: gk40 });
    expect(samples.weights.length).toBe(c.areaWeights.length);
    const sum = samples.weights.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 12);
    // Weights of the cells inside the raster, keyed by cell index, against GEOS's area ÷ polygon area.
    const ours = new Map<number, number>();
    samples.values.cell.forEach((id, i) => {
      if (!Number.isNaN(id)) ours.set(id, samples.weights[i]);
    });
    const theirs = c.areaWeights.filter(([col, row]) => col >= 0 && row >= 0 && col < W && row < 18);
    expect(ours.size).toBe(theirs.length);
    for (const [col, row, weight] of theirs) expect(ours.get(row * W + col)).toBeCloseTo(weight, 10);
    expect(weightedMean(samples, 'cell').coveredWeight).toBeCloseTo(c.coveredFraction, 10);
  });
});

describe('rasters in another CRS are read at the reference cell centres', () => {
  it.each(expected.cases.filter((c) => c.centreCells.length > 0).map((c) => [`${c.polygon} on ${c.grid}`, c] as const))('%s', async (_name, c) => {
    const grid = await raster(c.grid);
    const rain = await raster('rain-4490.tif');
    const sample = createPieceSampler(grid, { cell: grid, rain }, { rule: 'centre', pieceCrs: gk40 });
    const samples = sample(pieceOf(c.polygon));
    const byCell = new Map<number, number>();
    samples.values.cell.forEach((id, i) => byCell.set(id, samples.values.rain[i]));
    c.centreCells.forEach((id, i) => {
      const want = c.rain[i];
      if (want === null) expect(byCell.get(id)).toBeNaN();
      else expect(byCell.get(id)).toBe(Math.fround(want));
    });
  });
});

describe('pieces in another CRS than the grid', () => {
  it('are reprojected into the grid before rasterizing', async () => {
    const c = expected.cases.find((k) => k.polygon === 'hole' && k.grid === 'grid-north.tif')!;
    const lonLat = knownCrsFromEpsg(4490)!;
    const piece = transformGeometry(pieceOf('hole'), createTransform(gk40, lonLat));
    const grid = await raster(c.grid);
    const samples = samplePiece(piece, grid, { cell: grid }, { rule: 'centre', pieceCrs: lonLat });
    expect(Array.from(samples.values.cell).sort((a, b) => a - b)).toEqual(c.centreCells);
  });
});

describe('weighted mean and coverage by hand', () => {
  // A 4 × 1 grid of 10 m cells from x = 0: values 10, 20, nodata, 40.
  const grid = memoryRasterSource({ width: 4, height: 1, dataType: 'Float32', noData: -1, geoTransform: [0, 10, 0, 10, 0, -10], crs: null, data: [Float32Array.of(10, 20, -1, 40)] }, 'row');
  const rect = (x0: number, x1: number): PolygonalGeometry => ({ type: 'Polygon', coordinates: [[[x0, 0], [x1, 0], [x1, 10], [x0, 10], [x0, 0]]] });

  it('weights cells by overlap and ignores nodata in the mean', () => {
    // x 5–35: 5 m of cell 0, 10 m of cells 1 and 2, 5 m of cell 3 → weights 1/6, 2/6, 2/6, 1/6.
    const samples = samplePiece(rect(5, 35), grid, { v: grid });
    expect(Array.from(samples.weights)).toEqual([1 / 6, 2 / 6, 2 / 6, 1 / 6].map((w) => expect.closeTo(w, 14)));
    // Cell 2 is nodata: mean = (10·1/6 + 20·2/6 + 40·1/6) / (4/6) = (90/6) / (4/6) = 22.5, covering 4/6 of the piece.
    const { mean, coveredWeight } = weightedMean(samples, 'v');
    expect(mean).toBeCloseTo(22.5, 12);
    expect(coveredWeight).toBeCloseTo(4 / 6, 14);
  });

  it('reports no coverage for a piece outside every raster', () => {
    const samples = samplePiece(rect(100, 120), grid, { v: grid });
    expect(samples.weights.length).toBe(2);
    expect(weightedMean(samples, 'v')).toEqual({ mean: Number.NaN, coveredWeight: 0 });
  });

  it('refuses a piece with a non-finite vertex, naming it', () => {
    const broken: PolygonalGeometry = { type: 'Polygon', coordinates: [[[0, 0], [10, Number.NaN], [10, 10], [0, 0]]] };
    expect(() => samplePiece(broken, grid, { v: grid })).toThrow(expect.objectContaining({ code: 'GEOMETRY_NON_FINITE', details: expect.objectContaining({ vertex: 2 }) }));
  });

  it('refuses a raster without georeferencing', () => {
    const bare = memoryRasterSource({ width: 1, height: 1, dataType: 'Byte', noData: null, geoTransform: null, crs: null, data: [new Uint8Array(1)] }, 'bare.tif');
    expect(() => samplePiece(rect(0, 1), bare, {})).toThrow(expect.objectContaining({ code: 'RASTER_NOT_GEOREFERENCED' }));
  });
});
