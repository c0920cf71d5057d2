/**
 * The suite's data, made once and cached in bench/data/ (git-ignored), all seeded so every run measures the same:
 * a county DLTB layer from the sample-data generator (`--scale`), 100 red lines of ~20 ha spread over it, and a
 * Float32 DEM over the county made with GDAL's python bindings. The project file and GDAL's GeoPackage are made by
 * the import benchmark and reused by the later ones.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crsFromEpsg, impactRing, planarAreaM2, type CrsInfo, type Extent, type Polygon, type PolygonalGeometry } from '#core';
import { mulberry32 } from '../../test/prng';

export interface BenchData {
  root: string;
  dir: string;
  /** The county layer, `DLTB.shp` (+ .shx .dbf .prj; GBK, no .cpg). */
  shapefile: string;
  parcels: number;
  extent: Extent;
  epsg: number;
  /** Red lines (GeoJSON FeatureCollection, EPSG:4528): feature 0 in the middle of the county, then seeded. */
  redlines: string;
  /** Where the import benchmark writes our project and GDAL's GeoPackage. */
  project: string;
  gdalGpkg: string;
  dem: string;
  demSize: number;
}

const CELL_M = 5;
const BUFFER_M = 1000;
export const REDLINE_COUNT = 100;

/** Makes whatever is missing; `parcels` is the size asked of the generator (the layer has a little more). */
export function prepareData(root: string, parcels: number, demSize: number, log: (line: string) => void): BenchData {
  const dir = path.join(root, 'bench', 'data', `county-${parcels}`);
  const shapefile = path.join(dir, 'DLTB.shp');
  if (!existsSync(shapefile)) {
    log(`generating a ${parcels}-parcel county into ${path.relative(root, dir)} (once) …`);
    const tmp = `${dir}.tmp`;
    rmSync(tmp, { recursive: true, force: true });
    const made = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['sample-data/generator/main.ts', '--scale', String(parcels), '--out', tmp], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (made.status !== 0) throw new Error('the sample-data generator failed');
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
  }
  const { extent, records } = shapefileHeader(shapefile);
  const crs = crsFromEpsg(4528)!;
  const redlines = path.join(dir, 'redlines.geojson');
  if (!existsSync(redlines)) writeRedlines(redlines, extent, crs);
  const dem = path.join(root, 'bench', 'data', `dem-${demSize}-county-${parcels}.tif`);
  if (!existsSync(dem)) {
    log(`generating a ${demSize}×${demSize} DEM over the county (once) …`);
    writeDem(dem, demSize, extent);
  }
  return { root, dir, shapefile, parcels: records, extent, epsg: 4528, redlines, project: path.join(dir, 'ours.vep.gpkg'), gdalGpkg: path.join(dir, 'gdal.gpkg'), dem, demSize };
}

/** The bounding box (file header bytes 36–67) and the record count (.shx length) of a shapefile. */
function shapefileHeader(shp: string): { extent: Extent; records: number } {
  const head = readFileSync(shp).subarray(0, 100);
  const view = new DataView(head.buffer, head.byteOffset, 100);
  const extent: Extent = [view.getFloat64(36, true), view.getFloat64(44, true), view.getFloat64(52, true), view.getFloat64(60, true)];
  const shxBytes = readFileSync(shp.replace(/\.shp$/, '.shx')).length;
  return { extent, records: (shxBytes - 100) / 8 };
}

/** The concave 13.2 ha site of core/fixtures/buffer/in/concave-13ha, metres from its first corner. */
const SITE = [[0, 0], [212.345, -8.12], [398.6, 35.7], [441.25, 188.4], [376.8, 301.55], [265.4, 262.1], [221.05, 341.9], [120.3, 390.25], [38.6, 310.4], [-22.7, 165.35]];

/** A ~20 ha red line at (x, y), turned by `angle` radians and scaled by `scale`² in area. */
export function redlineAt(x: number, y: number, angle: number, scale: number): Polygon {
  const s = Math.sqrt(200_000 / 132_301) * scale;
  const [c, n] = [Math.cos(angle), Math.sin(angle)];
  const mm = (v: number) => Math.round(v * 1000) / 1000;
  const ring = SITE.map(([u, v]) => [mm(x + s * (c * u - n * v)), mm(y + s * (n * u + c * v))]);
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}

/**
 * Red line 0 in the middle of the county, the others seeded over it, each with its 1 km ring kept 1.5 km inside the
 * layer's box and above its lowest 3 km (the county's last row of tiles may be partly empty).
 */
function writeRedlines(file: string, extent: Extent, crs: CrsInfo): void {
  const { next: rand } = mulberry32(20_261_123);
  const [minX, minY, maxX, maxY] = [extent[0] + 1500, extent[1] + 4500, extent[2] - 2000, extent[3] - 2000];
  const features = [];
  for (let i = 0; i < REDLINE_COUNT; i++) {
    const [x, y] = i === 0 ? [(minX + maxX) / 2, (minY + maxY) / 2] : [minX + rand() * (maxX - minX), minY + rand() * (maxY - minY)];
    const geometry = redlineAt(x, y, i === 0 ? 0 : rand() * 2 * Math.PI, i === 0 ? 1 : 0.7 + 0.6 * rand());
    features.push({ type: 'Feature', properties: { id: i, areaM2: Math.round(planarAreaM2(geometry)) }, geometry, ring: impactRing(geometry, BUFFER_M, crs) });
  }
  // Rings ride along (not GeoJSON members GDAL reads) so GDAL's twins clip by exactly the ring core accounts.
  writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4528' } }, features }));
}

/** A smooth hill-country DEM, 5 m cells, tiled 256 × 256 DEFLATE, centred on the county. */
function writeDem(file: string, size: number, extent: Extent): void {
  mkdirSync(path.dirname(file), { recursive: true });
  // On whole kilometres, so GDAL's target-aligned crop (-tap) lands on the DEM's own cell grid.
  const x0 = Math.round(((extent[0] + extent[2]) / 2 - (size * CELL_M) / 2) / 1000) * 1000;
  const y0 = Math.round(((extent[1] + extent[3]) / 2 + (size * CELL_M) / 2) / 1000) * 1000;
  const code = `
import numpy as np
from osgeo import gdal, osr
gdal.UseExceptions()
s = osr.SpatialReference(); s.ImportFromEPSG(4528)
n = ${size}
ds = gdal.GetDriverByName('GTiff').Create(${JSON.stringify(`${file}.tmp.tif`)}, n, n, 1, gdal.GDT_Float32, options=['TILED=YES', 'BLOCKXSIZE=256', 'BLOCKYSIZE=256', 'COMPRESS=DEFLATE', 'BIGTIFF=IF_SAFER'])
ds.SetGeoTransform([${x0}, ${CELL_M}, 0, ${y0}, 0, -${CELL_M}]); ds.SetSpatialRef(s)
b = ds.GetRasterBand(1); b.SetNoDataValue(-9999)
rng = np.random.RandomState(1)
for r0 in range(0, n, 512):
    rows = min(512, n - r0)
    y, x = np.mgrid[r0:r0 + rows, 0:n]
    z = 300 + 250 * np.sin(x / 900.0) * np.cos(y / 1300.0) + 0.02 * x + np.abs(np.sin(x / 70.0 + y / 90.0)) * 40
    b.WriteArray(np.round(z + rng.rand(rows, n) * 0.5, 2).astype(np.float32), 0, r0)
ds = None
`;
  const run = spawnSync('/usr/bin/python3', ['-c', code], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error('could not make the DEM (GDAL python bindings needed)');
  renameSync(`${file}.tmp.tif`, file);
}

/** The red lines and rings of the data's GeoJSON. */
export function readRedlines(data: BenchData): { id: number; redline: Polygon; ring: PolygonalGeometry }[] {
  const fc = JSON.parse(readFileSync(data.redlines, 'utf8')) as { features: { properties: { id: number }; geometry: Polygon; ring: PolygonalGeometry }[] };
  return fc.features.map((f) => ({ id: f.properties.id, redline: f.geometry, ring: f.ring }));
}
