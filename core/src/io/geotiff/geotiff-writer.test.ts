import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CrsInfo } from '../../crs/crs-info';
import { geographicCrs, knownCrsFromEpsg } from '../../crs/zone-table';
import type { GeoTransform } from '../../raster/geo-transform';
import { createRasterArray, type Raster, type RasterDataType } from '../../raster/raster';
import { computeStatistics } from '../../raster/statistics';
import { memoryRasterSource } from '../../raster/memory-raster';
import { bytesSource } from '../../types';
import { openGeoTiff } from './geotiff-reader';
import { writeGeoTiff, type WriteGeoTiffOptions } from './geotiff-writer';

// Files written here are opened by GDAL (gdalinfo, gdalsrsinfo, gdallocationinfo): CI installs gdal-bin.
const dir = mkdtempSync(join(tmpdir(), 'vep-geotiff-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tmercUser: CrsInfo = {
  epsg: null,
  name: 'CGCS2000 / TM 120.5E',
  proj4: '+proj=tmerc +lat_0=0 +lon_0=120.5 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
  kind: 'projected',
  ellipsoid: 'CGCS2000',
  transverseMercator: { centralMeridian: 120.5, latitudeOfOrigin: 0, scale: 1, falseEasting: 500000, falseNorthing: 0, zone: null },
};

function surface(dataType: RasterDataType, width: number, height: number, band: number, noData: number | null): Raster['data'][number] {
  const a = createRasterArray(dataType, width * height);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const v = 3.25 * c - 2.5 * r + 40 * Math.sin((c + band) / 5) + 7 * band;
      a[r * width + c] = dataType === 'Byte' ? Math.abs(v) % 256 : dataType.startsWith('U') ? Math.abs(v) * 97 : v * 31;
    }
  }
  if (noData !== null) a[width + 3] = noData;
  return a;
}

interface WriteCase {
  name: string;
  dataType: RasterDataType;
  bands: number;
  noData: number | null;
  geoTransform: GeoTransform;
  crs: CrsInfo;
  options: WriteGeoTiffOptions;
}
const gk40 = knownCrsFromEpsg(4528)!;
const north: GeoTransform = [40500000.5, 30, 0, 3300000.25, 0, -30];
const cases: WriteCase[] = [
  { name: 'byte-none-strips', dataType: 'Byte', bands: 1, noData: 255, geoTransform: north, crs: gk40, options: { compression: 'none', tiled: false } },
  { name: 'int16-deflate-tiled', dataType: 'Int16', bands: 1, noData: -9999, geoTransform: north, crs: gk40, options: { tileSize: 16 } },
  { name: 'uint16-deflate-pred-strips', dataType: 'UInt16', bands: 2, noData: null, geoTransform: north, crs: gk40, options: { tiled: false, predictor: true } },
  { name: 'int32-deflate-pred-tiled', dataType: 'Int32', bands: 1, noData: -2147483648, geoTransform: north, crs: gk40, options: { predictor: true, tileSize: 32 } },
  { name: 'float32-deflate-pred-nan', dataType: 'Float32', bands: 1, noData: Number.NaN, geoTransform: north, crs: gk40, options: { predictor: true, tileSize: 16 } },
  { name: 'float64-deflate-strips', dataType: 'Float64', bands: 3, noData: -9999.5, geoTransform: north, crs: gk40, options: { tiled: false } },
  { name: 'float32-epsg4490', dataType: 'Float32', bands: 1, noData: -3.4028234663852886e38, geoTransform: [119.5, 0.001, 0, 30.5, 0, -0.001], crs: geographicCrs('CGCS2000'), options: {} },
  { name: 'float32-rotated', dataType: 'Float32', bands: 1, noData: null, geoTransform: [40500000, 25.98, 15, 3300000, 15, -25.98], crs: gk40, options: { tileSize: 16 } },
  { name: 'float32-tmerc-user', dataType: 'Float32', bands: 1, noData: null, geoTransform: [480000, 10, 0, 3300000, 0, -10], crs: tmercUser, options: {} },
];

function gdalinfo(path: string): { size: number[]; geoTransform: number[]; coordinateSystem: { wkt: string }; bands: { type: string; noDataValue?: number | string; metadata: Record<string, Record<string, string>> }[] } {
  return JSON.parse(execFileSync('gdalinfo', ['-json', '-stats', '--config', 'GDAL_PAM_ENABLED', 'NO', path], { encoding: 'utf8' }));
}

describe('writeGeoTiff, checked with GDAL', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s opens in GDAL with the same size, geotransform, CRS, nodata and statistics', async (_name, c) => {
    const width = 37;
    const height = 29;
    const raster: Raster = {
      width, height, dataType: c.dataType, noData: c.noData, geoTransform: c.geoTransform, crs: c.crs,
      data: Array.from({ length: c.bands }, (_, b) => surface(c.dataType, width, height, b, c.noData)),
    };
    const path = join(dir, `${c.name}.tif`);
    writeFileSync(path, writeGeoTiff(raster, c.options));
    const info = gdalinfo(path);
    expect(info.size).toEqual([width, height]);
    expect(info.geoTransform).toEqual(c.geoTransform);
    expect(info.bands).toHaveLength(c.bands);
    expect(info.bands[0].type).toBe(c.dataType);
    // gdalinfo prints a Float32 band's nodata with float precision (-3.4028235e+38).
    const gdalNoData = info.bands[0].noDataValue;
    const shown = gdalNoData === 'NaN' || gdalNoData === 'nan' ? Number.NaN : gdalNoData === undefined ? null : Number(gdalNoData);
    if (c.noData === null || Number.isNaN(c.noData)) expect(shown).toEqual(c.noData);
    else expect(Math.fround(shown!)).toBe(Math.fround(c.noData));
    if (c.crs.epsg !== null) {
      expect(info.coordinateSystem.wkt).toMatch(new RegExp(`ID\\["EPSG",${c.crs.epsg}\\]\\]$`));
    } else {
      const proj4 = execFileSync('gdalsrsinfo', ['-o', 'proj4', path], { encoding: 'utf8' }).trim();
      expect(proj4.split(/\s+/).sort()).toEqual(c.crs.proj4.split(/\s+/).sort());
    }
    const source = memoryRasterSource(raster);
    for (let b = 0; b < c.bands; b++) {
      const ours = computeStatistics(source, b + 1)!;
      const md = info.bands[b].metadata[''];
      expect(Number(md.STATISTICS_MEAN)).toBeCloseTo(ours.mean, 8);
      expect(Number(md.STATISTICS_STDDEV)).toBeCloseTo(ours.stdDev, 8);
      // STATISTICS_* items carry 14 significant digits.
      expect(Math.abs(Number(md.STATISTICS_MINIMUM) - ours.min)).toBeLessThanOrEqual(Math.abs(ours.min) * 1e-13);
      expect(Math.abs(Number(md.STATISTICS_MAXIMUM) - ours.max)).toBeLessThanOrEqual(Math.abs(ours.max) * 1e-13);
    }
    // Three pixels by GDAL's own lookup, including one in the last partial tile/strip.
    for (const [col, row] of [[0, 0], [20, 11], [36, 28]]) {
      const out = execFileSync('gdallocationinfo', ['-valonly', '-b', String(c.bands), path, String(col), String(row)], { encoding: 'utf8' }).trim();
      const expectedValue = raster.data[c.bands - 1][row * width + col];
      // gdallocationinfo prints 15 significant digits: exact for integers, within 1e-14 for Float64.
      if (c.dataType === 'Float32') expect(Math.fround(Number(out))).toBe(expectedValue);
      else if (c.dataType === 'Float64') expect(Math.abs(Number(out) - expectedValue)).toBeLessThanOrEqual(Math.abs(expectedValue) * 1e-14);
      else expect(Number(out)).toBe(expectedValue);
    }
    // And our reader returns the written values exactly.
    const back = await openGeoTiff(bytesSource(writeGeoTiff(raster, c.options)));
    for (let b = 0; b < c.bands; b++) expect(Array.from(back.readWindow(b + 1, { x: 0, y: 0, width, height }))).toEqual(Array.from(raster.data[b]));
    expect(back.info.crs?.epsg ?? null).toBe(c.crs.epsg);
  });

  it('refuses a CRS it cannot describe in GeoKeys', () => {
    const albers: CrsInfo = { epsg: null, name: 'Albers', proj4: '+proj=aea +lat_1=25 +lat_2=47 +lon_0=105 +ellps=GRS80', kind: 'projected', ellipsoid: 'CGCS2000' };
    const raster: Raster = { width: 1, height: 1, dataType: 'Byte', noData: null, geoTransform: north, crs: albers, data: [new Uint8Array(1)] };
    expect(() => writeGeoTiff(raster)).toThrow(expect.objectContaining({ code: 'RASTER_CRS_NOT_WRITABLE' }));
  });
});
