/**
 * The ready sample project `sample-data/anji-sample.vep.gpkg` that `npm start` opens: the sample DLTB layer imported
 * through the same import pipeline a user's file goes through, and the two red lines stored. Built with the
 * project store's own API, so the file is whatever format the store defines. (A GeoPackage records creation
 * times, so unlike the other sample files this one is not byte-identical between runs.)
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openCoordinatesTxt } from '#core';
import { runImport } from '../../electron/host/import/run-import';
import { ProjectStore } from '../../electron/host/store/project-store';
import { sampleCrs } from './county-frame';

export const SAMPLE_PROJECT = 'anji-sample.vep.gpkg';

/** (Re)writes `sampleDir/anji-sample.vep.gpkg` from the sample files in `sampleDir`. @returns its path. */
export function writeSampleProject(sampleDir: string): string {
  const file = path.join(sampleDir, SAMPLE_PROJECT);
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  runImport(file, [path.join(sampleDir, 'dltb', 'DLTB.shp')], { title: 'DLTB 地类图斑（合成示例）', crs: sampleCrs(), createProject: true });
  const store = ProjectStore.open(file);
  try {
    store.rename('安吉示例项目（合成数据）');
    for (const n of [1, 2]) {
      const txt = path.join(sampleDir, 'redlines', `redline-${n}.txt`);
      if (!existsSync(txt)) continue;
      const source = openCoordinatesTxt(readFileSync(txt));
      for (const f of source.features()) {
        if (!f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) continue;
        store.redLines.create({ name: String(f.properties.DKMC ?? `红线 ${n}`), geometry: f.geometry, crs: source.info.crs ?? sampleCrs(), source: `redlines/redline-${n}.txt` });
      }
    }
  } finally {
    store.close();
  }
  return file;
}
