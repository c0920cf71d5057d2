/**
 * The committed sample: one tile of the synthetic county cut to an irregular outline of about 10 km², written as
 *
 *   dltb/DLTB.*, dltb/CJDCQ.*, dltb/XZQ.*   GBK shapefiles (LDID 0x4D, no .cpg) in EPSG:4528
 *   rasters/<input id>.tif, rasters.json     Float32 DEFLATE GeoTIFFs in EPSG:4528 and what each holds
 *   redlines/redline-{1,2}.txt               Ministry coordinate files (GBK, CRLF)
 *   redlines/redline-{1,2}.geojson           the same in EPSG:4528 (GDAL's legacy `crs` member)
 *   redlines/redline-{1,2}.wgs84.geojson     the same as RFC 7946 (WGS 84 longitude/latitude)
 *
 * Everything is a pure function of the seed: running it twice gives identical bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTransform, crsFromEpsg, ellipsoidalAreaM2, transformGeometry, writeCoordinatesTxt, writeGeoTiff, type CrsInfo } from '#core';
import { writeAdminLayers } from './admin-layers';
import { originFor, SAMPLE_EPSG, sampleCrs } from './county-frame';
import { DltbLayer } from './dltb-layer';
import { geoJsonText } from './geojson-text';
import type { Origin } from './gk-geometry';
import { Landscape } from './landscape';
import { mapSheet10k } from './map-sheet';
import { fractalNoise } from './noise';
import { hash32 } from './prng';
import { classLookup, gridOver, RASTERS, renderRaster } from './rasters';
import { placeRedLines, type RedLine } from './red-lines';
import { generateTile, type Tile } from './tile';

/** The seed the committed sample is made from. */
export const SAMPLE_SEED = 20240601;

/** The sample's tile (local metres) and its outline: a wobbly disc of ~1.8 km radius around the tile centre. */
const TILE_M = 4800;
const RADIUS_M = 1780;

export interface SampleSummary {
  parcels: number;
  villages: number;
  townships: number;
  rasters: string[];
  redLines: { number: string; name: string; areaHa: number }[];
}

/**
 * Writes the sample into `outDir` (creating dltb/, rasters/ and redlines/ in it).
 * @param seed the landscape seed (tests use small variations of it).
 */
export function generateSample(outDir: string, seed = SAMPLE_SEED): SampleSummary {
  const extent = { minX: 0, minY: 0, maxX: TILE_M, maxY: TILE_M };
  const centre: [number, number] = [TILE_M / 2, TILE_M / 2];
  const outline = outlineMask(seed, centre);
  const land = new Landscape({ seed, extent, villageSpacingM: 1400, damSite: (x, y) => outline(x, y) && Math.hypot(x - centre[0], y - centre[1]) < RADIUS_M * 0.8 });
  const tile = generateTile(land, extent, outline);
  const crs = sampleCrs();
  const origin = originFor(centre);

  const dltbDir = path.join(outDir, 'dltb');
  mkdirSync(dltbDir, { recursive: true });
  const layer = new DltbLayer(path.join(dltbDir, 'DLTB'), crs, origin, seed);
  const written = layer.addTile(tile);
  const parcels = layer.close();
  const admin = writeAdminLayers(dltbDir, tile, written, origin, crs);

  const rasters = writeRasters(path.join(outDir, 'rasters'), land, tile, origin, crs);
  const redLines = writeRedLines(path.join(outDir, 'redlines'), placeRedLines(land, outline, centre, origin), crs);
  return { parcels, villages: admin.villages, townships: admin.townships, rasters, redLines };
}

/** A wobbly disc: the radius varies with direction by up to ±15 % (low-frequency noise around the circle). */
function outlineMask(seed: number, centre: readonly [number, number]): (x: number, y: number) => boolean {
  return (x, y) => {
    const a = Math.atan2(y - centre[1], x - centre[0]);
    const wobble = fractalNoise(hash32(seed, 61), 3 * Math.cos(a), 3 * Math.sin(a), 2, 2);
    return Math.hypot(x - centre[0], y - centre[1]) < RADIUS_M * (1 + 0.15 * wobble);
  };
}

function writeRasters(dir: string, land: Landscape, tile: Tile, origin: Origin, crs: CrsInfo): string[] {
  mkdirSync(dir, { recursive: true });
  // The rasters cover the outline's bounding box plus 300 m, so every parcel is fully covered.
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let c = 0; c < tile.cells.count; c++) {
    for (let k = tile.cells.ringStart[c]; k < tile.cells.ringStart[c + 1]; k++) {
      const v = tile.cells.ringVertex[k];
      minX = Math.min(minX, tile.cells.vx[v]);
      minY = Math.min(minY, tile.cells.vy[v]);
      maxX = Math.max(maxX, tile.cells.vx[v]);
      maxY = Math.max(maxY, tile.cells.vy[v]);
    }
  }
  const bounds = [origin.easting + minX - 300, origin.northing + minY - 300, origin.easting + maxX + 300, origin.northing + maxY + 300] as const;
  const classAt = classLookup(land, tile);
  const manifest: Record<string, { file: string; unit: string; cellM: number; about: string }> = {};
  for (const spec of RASTERS) {
    const raster = renderRaster(spec, gridOver(bounds, spec.cellM), land, classAt, origin, crs);
    const file = `${spec.id}.tif`;
    writeFileSync(path.join(dir, file), writeGeoTiff(raster, { compression: 'deflate', predictor: true, tileSize: 256 }));
    manifest[spec.id] = { file, unit: spec.unit, cellM: spec.cellM, about: spec.about };
  }
  writeFileSync(path.join(dir, 'rasters.json'), JSON.stringify({ crs: `EPSG:${SAMPLE_EPSG}`, noData: -9999, rasters: manifest }, null, 2) + '\n');
  return Object.keys(manifest);
}

function writeRedLines(dir: string, redLines: RedLine[], crs: CrsInfo): SampleSummary['redLines'] {
  mkdirSync(dir, { recursive: true });
  const toWgs84 = createTransform(crs, crsFromEpsg(4326)!);
  const toCgcs = createTransform(crs, crsFromEpsg(4490)!);
  return redLines.map((r) => {
    const areaHa = ellipsoidalAreaM2(r.geometry, crs) / 10_000;
    const [lon, lat] = toCgcs.forward(r.geometry.coordinates[0][0]);
    const properties = { DKBH: r.number, DKMC: r.name, DKYT: r.use, TFH: mapSheet10k(lon, lat), DLBM: '' };
    const base = path.join(dir, `redline-${r.number}`);
    const header = { 数据产生单位: 'VEP Studio 合成示例数据', 数据产生日期: '2025-01-01' };
    writeFileSync(`${base}.txt`, writeCoordinatesTxt([{ geometry: r.geometry, properties, areaHa }], { crs, header }));
    writeFileSync(`${base}.geojson`, geoJsonText(`redline-${r.number}`, [{ properties, geometry: r.geometry }], SAMPLE_EPSG, 3));
    writeFileSync(`${base}.wgs84.geojson`, geoJsonText(`redline-${r.number}`, [{ properties, geometry: transformGeometry(r.geometry, toWgs84) }], null, 9));
    return { number: r.number, name: r.name, areaHa: Math.round(areaHa * 10_000) / 10_000 };
  });
}
