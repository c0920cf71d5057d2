/** Test sources for imports: GeoPackages of synthetic parcels, made by GDAL (ogr2ogr) or by the store itself. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeParcels } from '../../../test/store/parcels';
import { ProjectStore } from '../store/project-store';
import { addParcels } from '../store/test-project';

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'vep-import-'));
}

/** A GeoPackage with `count` parcels written by ogr2ogr (layer "dltb", EPSG:4528). */
export function gdalParcelsGpkg(count: number, dir = tempDir()): string {
  const geojson = path.join(dir, 'dltb.geojson');
  writeFileSync(geojson, JSON.stringify({ type: 'FeatureCollection', features: [...makeParcels({ count })].map((f) => ({ ...f, id: undefined })) }));
  const gpkg = path.join(dir, 'dltb.gpkg');
  execFileSync('ogr2ogr', ['-f', 'GPKG', '-a_srs', 'EPSG:4528', '-nln', 'dltb', '-nlt', 'PROMOTE_TO_MULTI', gpkg, geojson]);
  return gpkg;
}

/** A GBK shapefile with `count` parcels written by ogr2ogr (DLTB.shp + .shx/.dbf/.prj/.cpg), and a .zip of it. */
export function gdalParcelsShapefile(count: number, dir = tempDir()): { shp: string; zip: string } {
  const geojson = path.join(dir, 'dltb.geojson');
  writeFileSync(geojson, JSON.stringify({ type: 'FeatureCollection', features: [...makeParcels({ count })].map((f) => ({ ...f, id: undefined })) }));
  const shp = path.join(dir, 'DLTB.shp');
  execFileSync('ogr2ogr', ['-f', 'ESRI Shapefile', '-a_srs', 'EPSG:4528', '-lco', 'ENCODING=GBK', shp, geojson, '-nln', 'DLTB']);
  const zip = path.join(dir, 'DLTB.zip');
  execFileSync('/usr/bin/python3', ['-c', 'import sys,zipfile,os;z=zipfile.ZipFile(sys.argv[1],"w",zipfile.ZIP_DEFLATED);[z.write(os.path.join(sys.argv[2],f),"dltb/"+f) for f in os.listdir(sys.argv[2]) if f.startswith("DLTB.") and not f.endswith(".zip")];z.close()', zip, dir]);
  return { shp, zip };
}

/** A GeoPackage with `count` parcels written by the store (layer "DLTB"), for machines without GDAL. */
export function storeParcelsGpkg(count: number, dir = tempDir()): string {
  const file = path.join(dir, 'source.gpkg');
  const store = ProjectStore.create(file);
  addParcels(store, count);
  store.close();
  return file;
}
