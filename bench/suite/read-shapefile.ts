/**
 * Reading the county shapefile: opening it (header, .shx, .dbf schema, .prj, CRS check) vs `ogrinfo -al -so`, and
 * reading every feature as GeoJSON-shaped objects vs `ogr2ogr` to FlatGeobuf (GDAL reads every feature and writes
 * it; we only read — GDAL's number is an upper bound for its reading alone).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Geometry } from '#core';
import { openVector } from '../../electron/host/services/open-vector';
import { memoryGoal, side, type Benchmark } from '../lib/benchmark';
import { measure, timeInProcess } from '../lib/measure';

interface ReadResult {
  features: number;
  vertices: number;
}

function vertexCount(g: Geometry | null): number {
  if (!g) return 0;
  if (g.type === 'Polygon') return g.coordinates.reduce((n, r) => n + r.length, 0);
  if (g.type === 'MultiPolygon') return g.coordinates.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
  return 0;
}

export const readShapefile: Benchmark = {
  id: 'read-shapefile',
  title: 'read the county shapefile',
  async child(options, data) {
    // In-process time too: the process time includes starting Node and loading the suite's bundle (~0.3 s CPU).
    const { value, wallMs } = timeInProcess(() => {
      const layer = openVector(data.shapefile);
      try {
        if (options.mode === 'open') return { features: layer.info.featureCount, vertices: 0 };
        let features = 0;
        let vertices = 0;
        for (const f of layer.features()) {
          features++;
          vertices += vertexCount(f.geometry);
        }
        return { features, vertices };
      } finally {
        layer.close();
      }
    });
    return { ...value, inProcessMs: wallMs };
  },
  run(ctx) {
    const { data, runs } = ctx;
    const open = ctx.child<ReadResult>(this.id, { mode: 'open' });
    const info = measure('ogrinfo', ['-al', '-so', data.shapefile], { runs });
    const all = ctx.child<ReadResult>(this.id, { mode: 'features' });
    const fgb = path.join(data.dir, 'gdal.fgb');
    const translate = measure('ogr2ogr', ['-f', 'FlatGeobuf', '-nlt', 'PROMOTE_TO_MULTI', fgb, data.shapefile], { runs, before: () => rmSync(fgb, { force: true }) });
    const gdalCount = Number(/Feature Count: (\d+)/.exec(info.stdout)?.[1]);
    return [
      { id: `${this.id}/open`, title: 'open the shapefile (schema, count, CRS)', ours: side('openVector (info only)', open), gdal: side('ogrinfo -al -so', info), details: { ...open.result, gdalFeatures: gdalCount } },
      { id: `${this.id}/features`, title: 'read every feature', ours: side('openVector → features() (GeoJSON objects)', all), gdal: side('ogr2ogr -f FlatGeobuf (read + write)', translate), goals: [memoryGoal(all.peakRssMiB)], details: { ...all.result } },
    ];
  },
};
