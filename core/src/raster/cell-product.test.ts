import { describe, expect, it } from 'vitest';
import { crsFromEpsg } from '../crs/crs-from-epsg';
import { CELL_PRODUCT_NODATA, cellProduct, type RasterGrid } from './cell-product';
import { memoryRasterSource } from './memory-raster';
import type { Raster } from './raster';

const GK40 = crsFromEpsg(4528)!;
const WGS84 = crsFromEpsg(4326)!;

/** A north-up Float32 raster in EPSG:4528 with its top-left corner at (x0, y0). */
function raster(x0: number, y0: number, cellM: number, width: number, values: number[], noData: number | null = null): Raster {
  return {
    width, height: values.length / width, dataType: 'Float32', noData, crs: GK40,
    geoTransform: [x0, cellM, 0, y0, 0, -cellM], data: [Float32Array.from(values)],
  };
}

describe('cellProduct', () => {
  // The grid: 2 × 2 cells of 10 m, top-left (40 500 000, 3 380 000).
  const grid: RasterGrid = { width: 2, height: 2, geoTransform: [40_500_000, 10, 0, 3_380_000, 0, -10], crs: GK40 };

  it('samples each input at the grid cell centres (nearest cell) and combines them cell by cell', () => {
    // R on the same grid; K on a 20 m grid covering all four cells with one value; LS on 5 m cells (4 × 4), whose
    // cells containing the grid centres (5 m, 15 m from the corner) are columns/rows 1 and 3.
    const r = memoryRasterSource(raster(40_500_000, 3_380_000, 10, 2, [4000, 5000, 6000, 7000]), 'r');
    const k = memoryRasterSource(raster(40_500_000, 3_380_000, 20, 1, [0.005]), 'k');
    const lsValues = new Array<number>(16).fill(0);
    lsValues[1 * 4 + 1] = 1; lsValues[1 * 4 + 3] = 2; lsValues[3 * 4 + 1] = 3; lsValues[3 * 4 + 3] = 4;
    const ls = memoryRasterSource(raster(40_500_000, 3_380_000, 5, 4, lsValues), 'ls');
    const rkls = cellProduct(grid, [r, k, ls], ([R, K, LS]) => R * K * LS);
    // 4000·0.005·1 = 20; 5000·0.005·2 = 50; 6000·0.005·3 = 90; 7000·0.005·4 = 140 (t/(hm²·a)).
    expect(Array.from(rkls.data[0])).toEqual([20, 50, 90, 140]);
    expect(rkls.geoTransform).toEqual(grid.geoTransform);
    expect(rkls.noData).toBe(CELL_PRODUCT_NODATA);
  });

  it('a cell is nodata where an input has nodata or does not reach', () => {
    // P covers only the left column; ET has nodata (−1) in the bottom-left cell.
    const p = memoryRasterSource(raster(40_500_000, 3_380_000, 10, 1, [1500, 1600]), 'p');
    const et = memoryRasterSource(raster(40_500_000, 3_380_000, 10, 2, [700, 700, -1, 700], -1), 'et');
    const balance = cellProduct(grid, [p, et], ([P, ET]) => P - ET);
    // 1500 − 700 = 800 top-left; top-right outside P; bottom-left ET nodata; bottom-right outside P.
    expect(Array.from(balance.data[0])).toEqual([800, CELL_PRODUCT_NODATA, CELL_PRODUCT_NODATA, CELL_PRODUCT_NODATA]);
  });

  it('reads an input in another CRS at the reprojected centres', () => {
    // One geographic cell of 0.01° around the grid (CM 120°E, false easting 40 500 000: the grid sits on the
    // central meridian at ~30.5°N), holding 3.
    const geo: Raster = { width: 1, height: 1, dataType: 'Float32', noData: null, crs: WGS84, geoTransform: [119.995, 0.01, 0, 30.55, 0, -0.01], data: [Float32Array.of(3)] };
    const out = cellProduct(grid, [memoryRasterSource(geo, 'geo')], ([v]) => v * 2);
    expect(Array.from(out.data[0])).toEqual([6, 6, 6, 6]);
  });
});
