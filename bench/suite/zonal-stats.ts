/**
 * Zonal statistics of the county DEM (10 000 × 10 000 Float32 cells of 5 m, DEFLATE tiles) over red line 0's 1 km
 * ring: cells whose centre lies inside (core's 'centre' rule, as gdal_rasterize decides it), their count, mean,
 * minimum and maximum. GDAL's twin: gdal.Warp with the ring as cutline (target-aligned, so on the DEM's own grid)
 * into memory, then the same statistics with numpy, in one python process.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { samplePiece, weightedMean } from '#core';
import { openRaster } from '../../electron/host/services/open-raster';
import { readRedlines } from '../lib/bench-data';
import { memoryGoal, side, type Benchmark } from '../lib/benchmark';
import { measure, timeInProcessAsync } from '../lib/measure';

interface ZonalResult {
  cells: number;
  mean: number;
  min: number;
  max: number;
  inProcessMs?: number;
}

const PYTHON = `
import json, sys
import numpy as np
from osgeo import gdal
gdal.UseExceptions()
ds = gdal.Warp('', sys.argv[1], format='MEM', cutlineDSName=sys.argv[2], cropToCutline=True, xRes=5, yRes=5, targetAlignedPixels=True, dstNodata=-9999)
a = ds.GetRasterBand(1).ReadAsArray()
v = a[a != -9999].astype(np.float64)
print(json.dumps({'cells': int(v.size), 'mean': float(v.mean()), 'min': float(v.min()), 'max': float(v.max())}))
`;

export const zonalStats: Benchmark = {
  id: 'zonal-stats',
  title: 'zonal statistics of the DEM over the ring',
  async child(_options, data) {
    const { ring } = readRedlines(data)[0];
    const { value, wallMs } = await timeInProcessAsync(async () => {
      const raster = await openRaster(data.dem);
      try {
        const samples = samplePiece(ring, raster.reader, { dem: raster.reader }, { rule: 'centre' });
        const values = samples.values.dem;
        let [min, max] = [Infinity, -Infinity];
        for (const v of values) if (!Number.isNaN(v)) [min, max] = [Math.min(min, v), Math.max(max, v)];
        return { cells: samples.weights.length, mean: weightedMean(samples, 'dem').mean, min, max };
      } finally {
        raster.close();
      }
    });
    return { ...value, inProcessMs: wallMs };
  },
  run(ctx) {
    const { data, runs } = ctx;
    const ringFile = path.join(data.dir, 'ring-0.geojson');
    writeFileSync(ringFile, JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4528' } }, features: [{ type: 'Feature', properties: {}, geometry: readRedlines(data)[0].ring }] }));
    if (spawnSync('/usr/bin/python3', ['-c', 'import numpy, osgeo']).status !== 0) throw new Error('python3 with numpy and osgeo (GDAL) is needed');
    const ours = ctx.child<ZonalResult>(this.id, {}, runs);
    const gdal = measure('/usr/bin/python3', ['-c', PYTHON, data.dem, ringFile], { runs });
    return [{
      id: this.id,
      title: `zonal statistics of a ${data.demSize}×${data.demSize} DEM over the 1 km ring`,
      goals: [memoryGoal(ours.peakRssMiB)],
      ours: side('openRaster + samplePiece (centre rule)', ours),
      gdal: side('python: gdal.Warp cutline → MEM + numpy', gdal),
      details: { ours: ours.result, gdal: JSON.parse(gdal.stdout) as ZonalResult },
    }];
  },
};
