/**
 * Importing the county into a project (shapefile reader → staging → published layer with its R-tree) vs
 * `ogr2ogr -f GPKG`. The files both write are kept: the later benchmarks read them.
 */
import { rmSync, statSync } from 'node:fs';
import { runImport } from '../../electron/host/import/run-import';
import { memoryGoal, side, type Benchmark } from '../lib/benchmark';
import { measure } from '../lib/measure';

const removeProject = (file: string) => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
};
const mib = (file: string) => Math.round(statSync(file).size / 2 ** 20);

export const importProject: Benchmark = {
  id: 'import',
  title: 'import into a project',
  async child(_options, data) {
    removeProject(data.project);
    const layer = runImport(data.project, [data.shapefile], { createProject: true });
    return { features: layer.featureCount, layerId: layer.id };
  },
  run(ctx) {
    const { data, runs } = ctx;
    const ours = ctx.child<{ features: number }>(this.id, {}, runs);
    // -nln parcels: the accounting twins name the table (and its R-tree rtree_parcels_geom) in their SQL.
    const gdal = measure('ogr2ogr', ['-f', 'GPKG', '-nlt', 'PROMOTE_TO_MULTI', '-nln', 'parcels', data.gdalGpkg, data.shapefile], { runs, before: () => removeProject(data.gdalGpkg) });
    return [{
      id: this.id,
      title: `import ${data.parcels} parcels into a project`,
      ours: side('runImport → project GeoPackage', ours),
      gdal: side('ogr2ogr -f GPKG -nlt PROMOTE_TO_MULTI', gdal),
      goals: [{ text: 'wall ≤ GDAL', met: ours.wallMs <= gdal.wallMs }, memoryGoal(ours.peakRssMiB)],
      details: { features: ours.result.features, projectMiB: mib(data.project), gdalMiB: mib(data.gdalGpkg) },
    }];
  },
};
