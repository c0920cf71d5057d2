/**
 * GDAL's twin of accounting: SpatiaLite (`-dialect sqlite`) on GDAL's own GeoPackage of the county clips the parcels
 * by each red line and by its 1 km ring (the very ring core makes, stored as a `zones` table) and sums ST_Area per
 * zone — the geometric core of an account, without the land-class split or the services.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readRedlines, type BenchData } from './bench-data';

/** Writes every red line and ring into `zones` (redline id, zone 'redline' | 'buffer') of GDAL's GeoPackage. */
export function loadZones(data: BenchData): void {
  const features = readRedlines(data).flatMap(({ id, redline, ring }) => [
    { type: 'Feature', properties: { redline: id, zone: 'redline' }, geometry: redline },
    { type: 'Feature', properties: { redline: id, zone: 'buffer' }, geometry: ring },
  ]);
  const file = path.join(data.dir, 'zones.geojson');
  writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4528' } }, features }));
  const run = spawnSync('ogr2ogr', ['-update', '-overwrite', '-nln', 'zones', '-nlt', 'PROMOTE_TO_MULTI', data.gdalGpkg, file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`ogr2ogr zones: ${run.stderr}`);
}

/** The SQL: pieces counted and their areas summed per red line and zone, for red lines `ids`. */
export function clipAreaSql(ids: readonly number[]): string {
  // The R-tree GDAL made narrows the parcels to each zone's bounding box, as our store's does.
  return `SELECT z.redline AS redline, z.zone AS zone, COUNT(*) AS pieces, SUM(ST_Area(ST_Intersection(p.geom, z.geom))) AS area_m2 FROM zones z JOIN parcels p ON p.fid IN (SELECT id FROM rtree_parcels_geom r WHERE r.minx <= ST_MaxX(z.geom) AND r.maxx >= ST_MinX(z.geom) AND r.miny <= ST_MaxY(z.geom) AND r.maxy >= ST_MinY(z.geom)) WHERE z.redline IN (${ids.join(',')}) AND ST_Intersects(p.geom, z.geom) GROUP BY z.redline, z.zone`;
}

/** The ogrinfo arguments that run {@link clipAreaSql}. */
export function clipAreaArgs(data: BenchData, ids: readonly number[]): string[] {
  return [data.gdalGpkg, '-q', '-dialect', 'sqlite', '-sql', clipAreaSql(ids)];
}

/** Σ area_m2 per zone kind over ogrinfo's output. */
export function parseZoneSums(stdout: string): { redlineM2: number; bufferM2: number; pieces: number } {
  const sums = { redlineM2: 0, bufferM2: 0, pieces: 0 };
  for (const m of stdout.matchAll(/zone \(String\) = (\w+)\s+pieces \(Integer\) = (\d+)\s+area_m2 \(Real\) = ([\d.eE+-]+)/g)) {
    if (m[1] === 'redline') sums.redlineM2 += Number(m[3]);
    else sums.bufferM2 += Number(m[3]);
    sums.pieces += Number(m[2]);
  }
  return sums;
}
