/**
 * Red lines and rasters that do not meet the parcels: a red line outside every parcel, a self-intersecting red line,
 * and model rasters that cover none of the clipped pieces. Each stops the run with a catalogued error that says why.
 */
import { accountRedline, DEFAULT_PARAMETER_SET, gaussKrugerCrs, memoryRasterSource, type Feature, type Polygon } from '#core';
import { describe, expect, it } from 'vitest';
import { expectInputError } from './tiny-files';

// CGCS2000 3° zone 40 with prefix, squares of 100 m near the central meridian.
const crs = gaussKrugerCrs({ datum: 'CGCS2000', width: 3, zone: 40, prefixed: true });
const X0 = 40_500_000;
const Y0 = 3_500_000;
const square = (col: number, row: number, size = 100): Polygon => {
  const x = X0 + col * size;
  const y = Y0 + row * size;
  return { type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] };
};
const parcels = (): Feature<Polygon>[] => [-1, 0, 1].map((col, i) => ({
  type: 'Feature', id: i, geometry: square(col, 0), properties: { BSM: `P${i}`, DLBM: '0301', DLMC: '乔木林地', KCXS: 0 },
}));
const request = { params: DEFAULT_PARAMETER_SET, provenance: { version: 'test' } };

/** A 10 × 10 raster of 30 m cells whose top-left corner is at (x0, y0), in the parcels' CRS. */
const rainfall = (x0: number, y0: number) => memoryRasterSource({
  width: 10, height: 10, dataType: 'Float32', noData: -9999, geoTransform: [x0, 30, 0, y0, 0, -30], crs, data: [new Float32Array(100).fill(1200)],
}, 'rain.tif');

describe('red lines and rasters that do not meet the parcels', () => {
  it('a red line outside every parcel: REDLINE_OUTSIDE_PARCELS with its area', async () => {
    // 100 m × 100 m, 5 km away: 10000 m² (the GK scale factor at 5 km off the meridian rounds away).
    const e = await expectInputError(() => accountRedline({ parcels: parcels(), crs, redline: square(50, 50), bufferM: 100, request }), 'REDLINE_OUTSIDE_PARCELS', ['10000']);
    expect(e.details.area).toBe(10000);
  });

  it('a self-intersecting red line: REDLINE_INVALID carrying the self-intersection text in both languages', async () => {
    const bowtie: Polygon = { type: 'Polygon', coordinates: [[[X0, Y0], [X0 + 100, Y0 + 100], [X0 + 100, Y0], [X0, Y0 + 100], [X0, Y0]]] };
    const e = await expectInputError(() => accountRedline({ parcels: parcels(), crs, redline: bowtie, bufferM: 100, request }), 'REDLINE_INVALID', []);
    expect(String(e.details.problem)).toContain('intersects itself');
    expect(String(e.details.problemZh)).toContain('自相交');
  });

  it('a model raster that covers none of the pieces: RASTER_OUTSIDE_ZONE naming the raster', async () => {
    const far = rainfall(X0 + 50_000, Y0 + 50_000);
    await expectInputError(
      () => accountRedline({ parcels: parcels(), crs, redline: square(0, 0), bufferM: 100, request, rasters: { grid: far, sources: { rainfall: far } } }),
      'RASTER_OUTSIDE_ZONE', ['rain.tif'],
    );
  });

  it('the same raster moved over the zone is sampled (the refusal is about the overlap, not the raster)', () => {
    const over = rainfall(X0 - 150, Y0 + 150);
    const run = accountRedline({ parcels: parcels(), crs, redline: square(0, 0), bufferM: 100, request, rasters: { grid: over, sources: { rainfall: over } } });
    expect(run.pieces.length).toBeGreaterThan(0);
  });
});
