/**
 * GDAL as the reference for project files in tests: `validate_gpkg.py` (python3-gdal) and `ogrinfo`. CI installs
 * both; tests that need them are marked with {@link hasGdal} so a machine without GDAL still runs the rest.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { CrsInfo } from '#core';

const PYTHON = '/usr/bin/python3';
const VALIDATOR_CANDIDATES = [
  '/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py',
  '/usr/share/doc/python3-gdal/examples/validate_gpkg.py',
];

export const validatorPath = VALIDATOR_CANDIDATES.find((p) => existsSync(p)) ?? null;
export const hasGdal = validatorPath !== null && existsSync(PYTHON) && spawnSync('ogrinfo', ['--version']).status === 0;

/**
 * Runs GDAL's GeoPackage validator with every check (`-k` keep going, `--extra` content checks,
 * `--warning-as-error`). Returns its complaints; [] means valid.
 */
export function validateGpkg(file: string): string[] {
  const r = spawnSync(PYTHON, [validatorPath!, '-k', '--extra', '--warning-as-error', file], { encoding: 'utf8' });
  if (r.status === 0) return [];
  return `${r.stdout}${r.stderr}`.split('\n').filter((l) => l.trim() !== '');
}

export interface OgrLayerSummary {
  featureCount: number;
  extent: [number, number, number, number] | null;
  geometry: string;
  srsAuthority: string | null;
}

/** `ogrinfo -so` of one layer: feature count, extent, geometry type and the SRS' authority code, as GDAL reads them. */
export function ogrSummary(file: string, layer: string): OgrLayerSummary {
  const out = execFileSync('ogrinfo', ['-ro', '-so', '-nomd', file, layer], { encoding: 'utf8' });
  const count = /Feature Count: (\d+)/.exec(out);
  const ext = /Extent: \(([-\d.e+]+), ([-\d.e+]+)\) - \(([-\d.e+]+), ([-\d.e+]+)\)/.exec(out);
  const geometry = /Geometry: (.+)/.exec(out);
  const ids = [...out.matchAll(/ID\["EPSG",(\d+)\]\]\s*$/gm)];
  return {
    featureCount: count ? Number(count[1]) : -1,
    extent: ext ? [Number(ext[1]), Number(ext[2]), Number(ext[3]), Number(ext[4])] : null,
    geometry: geometry ? geometry[1].trim() : '',
    srsAuthority: ids.length ? `EPSG:${ids[ids.length - 1][1]}` : null,
  };
}

/** Features as GDAL reads them: GeoJSON via ogr2ogr (fid kept as the feature id). */
export function ogrFeatures(file: string, layer: string): { id: number; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } | null }[] {
  const out = execFileSync('ogr2ogr', ['-f', 'GeoJSON', '-preserve_fid', '-lco', 'COORDINATE_PRECISION=15', '/vsistdout/', file, layer], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return (JSON.parse(out) as { features: never[] }).features;
}

const wktCache = new Map<number, string>();

/** The OGC WKT 1 PROJ gives for an EPSG code (`gdalsrsinfo -o wkt1`): a test SrsDefinition. */
export function gdalWkt(crs: CrsInfo): string {
  if (crs.epsg === null) return 'undefined';
  let wkt = wktCache.get(crs.epsg);
  if (!wkt) {
    wkt = execFileSync('gdalsrsinfo', ['-o', 'wkt1', '--single-line', `EPSG:${crs.epsg}`], { encoding: 'utf8' }).trim();
    wktCache.set(crs.epsg, wkt);
  }
  return wkt;
}
