/**
 * Data exports read back by GDAL (python3 osgeo.ogr): the same feature counts, areas and decoded attributes in
 * GeoPackage (also passing validate_gpkg.py), shapefile (GBK with .cpg and UTF-8; 10-byte field names reported) and
 * GeoJSON; atomic writes (a failing export leaves the previous file intact and no temporaries behind); `vep export`.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feature, MultiPolygon, Polygon } from '#core';
import type { ExportLayer } from '../../electron/host/exports/export-layer';
import { exportLayers } from '../../electron/host/exports/export-vector';
import { runCli } from '../../electron/cli/run';
import type { CliIo } from '../../electron/cli/command';
import { hasGdal, validateGpkg } from '../store/gdal-tools';
import { makeSampleAppraisal, polygonalArea, type SampleAppraisal } from '../reports/sample-appraisal';
import { ogrDump } from './ogr';

let sample: SampleAppraisal;
let dir: string;
let layer: ExportLayer;

/** Planar area of a feature's polygon or multipolygon. */
function planarArea(f: Feature): number {
  return polygonalArea(f.geometry as Polygon | MultiPolygon);
}

beforeAll(() => {
  sample = makeSampleAppraisal();
  dir = mkdtempSync(path.join(os.tmpdir(), 'vep-export-'));
  const features: Feature[] = sample.pieces.map((p, i) => ({
    type: 'Feature',
    id: i,
    geometry: p.geometry,
    // 地类名称 is 8 GBK bytes and fits a DBF name; 权属单位名称 (12 bytes) and long ASCII names are cut.
    properties: { BSM: i + 1, DLBM: p.dlbm, 地类名称: p.dlmc ?? null, 权属单位名称: i % 3 === 0 ? '递铺街道古城村' : null, zone: p.zone, area_m2_planar: Math.round(planarArea({ type: 'Feature', geometry: p.geometry, properties: {} }) * 100) / 100, a_long_field_name: i % 2 === 0 },
  }));
  layer = {
    name: 'pieces', title: '图斑', crs: sample.crs, geometryType: 'MultiPolygon',
    fields: [
      { name: 'BSM', type: 'integer', width: 10 }, { name: 'DLBM', type: 'string', width: 5 }, { name: '地类名称', type: 'string', width: 60 },
      { name: '权属单位名称', type: 'string', width: 60 }, { name: 'zone', type: 'string', width: 7 }, { name: 'area_m2_planar', type: 'number', width: null, decimals: 2 },
      { name: 'a_long_field_name', type: 'boolean', width: null },
    ],
    features: () => features,
  };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const leftovers = () => readdirSync(dir).filter((f) => f.includes('.vep-tmp'));

describe.runIf(hasGdal)('read back by GDAL', () => {
  it('GeoPackage: valid, same count, areas and attributes, EPSG:4528', async () => {
    const file = path.join(dir, 'pieces.gpkg');
    const result = await exportLayers(file, [layer]);
    expect(result.layers[0].featureCount).toBe(sample.pieces.length);
    expect(validateGpkg(file)).toEqual([]);
    const back = ogrDump(file, 'pieces');
    expect(back.count).toBe(sample.pieces.length);
    expect(back.epsg).toBe('4528');
    expect(back.fields).toEqual(['BSM', 'DLBM', '地类名称', '权属单位名称', 'zone', 'area_m2_planar', 'a_long_field_name']);
    const mine = [...layer.features()];
    back.features.forEach((f, i) => {
      expect(f.type).toBe('MULTIPOLYGON');
      expect(f.area).toBeCloseTo(planarArea(mine[i]), 4);
      expect(f.props.地类名称).toBe(mine[i].properties.地类名称);
      expect(f.props.权属单位名称).toBe(mine[i].properties.权属单位名称);
      expect(f.props.a_long_field_name).toBe(mine[i].properties.a_long_field_name); // a BOOLEAN column, read as a boolean
    });
  });

  it.each(['GBK', 'UTF-8'] as const)('Shapefile %s: .cpg, decoded attributes, areas, and the 10-byte field names reported', async (encoding) => {
    const file = path.join(dir, `pieces-${encoding}.shp`);
    const result = await exportLayers(file, [layer], { encoding });
    expect(readFileSync(file.replace(/\.shp$/, '.cpg'), 'latin1')).toBe(encoding);
    expect(existsSync(file.replace(/\.shp$/, '.prj'))).toBe(true);
    const renamed = result.layers[0].renamedFields;
    expect(renamed.a_long_field_name).toBe('a_long_fie');
    // 地类名称 is 8 bytes in GBK and fits; 12 in UTF-8 (3 bytes a character), cut to 地类名. 权属单位名称: 12 bytes in
    // GBK, cut to 10 = 权属单位名; in UTF-8 to 权属单.
    expect(renamed.地类名称).toBe(encoding === 'GBK' ? undefined : '地类名');
    expect(renamed.权属单位名称).toBe(encoding === 'GBK' ? '权属单位名' : '权属单');
    const dlmc = renamed.地类名称 ?? '地类名称';
    const back = ogrDump(file);
    expect(back.count).toBe(sample.pieces.length);
    expect(back.epsg).toBe('4528');
    expect(back.fields).toEqual(['BSM', 'DLBM', dlmc, renamed.权属单位名称, 'zone', 'area_m2_pl', 'a_long_fie']);
    const mine = [...layer.features()];
    back.features.forEach((f, i) => {
      expect(f.area).toBeCloseTo(planarArea(mine[i]), 4);
      expect(f.props[dlmc]).toBe(mine[i].properties.地类名称);
      expect(f.props[renamed.权属单位名称]).toBe(mine[i].properties.权属单位名称);
      expect(f.props.area_m2_pl).toBe(mine[i].properties.area_m2_planar);
    });
    expect(leftovers()).toEqual([]);
  });

  it('GeoJSON: same count, attributes and coordinates; named CRS', async () => {
    const file = path.join(dir, 'pieces.geojson');
    await exportLayers(file, [layer]);
    const back = ogrDump(file);
    expect(back.count).toBe(sample.pieces.length);
    expect(back.epsg).toBe('4528');
    const mine = [...layer.features()];
    back.features.forEach((f, i) => {
      expect(f.area).toBeCloseTo(planarArea(mine[i]), 4);
      expect(f.props.权属单位名称).toBe(mine[i].properties.权属单位名称);
    });
  });

  it('reprojects on request: GeoJSON in WGS 84 lon/lat', async () => {
    const file = path.join(dir, 'pieces-wgs84.geojson');
    const { crsFromEpsg } = await import('#core');
    await exportLayers(file, [layer], { toCrs: crsFromEpsg(4326) });
    const back = ogrDump(file);
    expect(back.epsg).toBe('4326');
    // Zone 40 (CM 120°E, false easting 40 500 km): 30 km west of the meridian, 3 390 km north: about 119.69°E, 30.63°N.
    const [minX, , minY] = back.features[0].envelope!;
    expect(minX).toBeGreaterThan(119.6);
    expect(minX).toBeLessThan(119.8);
    expect(minY).toBeGreaterThan(30.5);
    expect(minY).toBeLessThan(30.7);
  });
});

describe('atomic writes', () => {
  it('a shapefile export that fails (a character GBK lacks) leaves the previous files intact and no temporaries', async () => {
    const file = path.join(dir, 'keep.shp');
    await exportLayers(file, [layer]);
    const before = ['.shp', '.shx', '.dbf', '.cpg', '.prj'].map((ext) => readFileSync(file.replace(/\.shp$/, ext)));
    const bad: ExportLayer = { ...layer, features: () => [...layer.features()].map((f, i) => (i === 5 ? { ...f, properties: { ...f.properties, 地类名称: '乔木林地🌲' } } : f)) };
    await expect(exportLayers(file, [bad])).rejects.toMatchObject({ code: 'DBF_WRITE_UNENCODABLE' });
    const after = ['.shp', '.shx', '.dbf', '.cpg', '.prj'].map((ext) => readFileSync(file.replace(/\.shp$/, ext)));
    expect(after).toEqual(before);
    expect(leftovers()).toEqual([]);
  });

  it('a GeoPackage export that fails part-way leaves the previous file intact', async () => {
    const file = path.join(dir, 'keep.gpkg');
    writeFileSync(file, 'the previous export');
    const failing: ExportLayer = {
      ...layer,
      *features() {
        let n = 0;
        for (const f of layer.features()) {
          if (++n === 10) throw new Error('disk unplugged');
          yield f;
        }
      },
    };
    await expect(exportLayers(file, [failing])).rejects.toThrow('disk unplugged');
    expect(readFileSync(file, 'utf8')).toBe('the previous export');
    expect(leftovers()).toEqual([]);
  });

  it('a point in a polygon layer is refused with the record named, before anything is replaced', async () => {
    const file = path.join(dir, 'mixed.gpkg');
    const mixed: ExportLayer = { ...layer, features: () => [...[...layer.features()].slice(0, 3), { type: 'Feature', geometry: { type: 'Point', coordinates: [40470000, 3390000] }, properties: {} }] };
    await expect(exportLayers(file, [mixed])).rejects.toMatchObject({ code: 'EXPORT_MIXED_GEOMETRY', details: { record: 4, found: 'Point' } });
    expect(existsSync(file)).toBe(false);
  });

  it('an unknown extension or a missing folder is a clear input error', async () => {
    await expect(exportLayers(path.join(dir, 'x.dwg'), [layer])).rejects.toMatchObject({ code: 'EXPORT_FORMAT_UNSUPPORTED' });
    await expect(exportLayers(path.join(dir, 'no', 'such', 'x.gpkg'), [layer])).rejects.toMatchObject({ code: 'EXPORT_TARGET_DIR_MISSING' });
  });
});

function capture() {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t), stderrIsTty: false, lang: 'en', cwd: dir };
  return { io, out };
}

describe.runIf(hasGdal)('vep export', () => {
  it('shapefile → GeoPackage → shapefile keeps counts and GBK attributes', async () => {
    await exportLayers(path.join(dir, 'src.shp'), [layer]);
    const a = capture();
    expect(await runCli(['export', 'src.shp', '--to', 'via.gpkg', '--json'], a.io)).toBe(0);
    const written = JSON.parse(a.out.stdout) as { format: string; layers: { featureCount: number }[] };
    expect(written.format).toBe('gpkg');
    expect(written.layers[0].featureCount).toBe(sample.pieces.length);
    expect(validateGpkg(path.join(dir, 'via.gpkg'))).toEqual([]);
    const b = capture();
    expect(await runCli(['export', 'via.gpkg', '--to', 'back.shp'], b.io)).toBe(0);
    expect(b.out.stderr).toContain(`${sample.pieces.length} features`);
    const src = ogrDump(path.join(dir, 'src.shp'));
    const back = ogrDump(path.join(dir, 'back.shp'));
    expect(back.count).toBe(src.count);
    expect(back.features.map((f) => f.props.地类名称)).toEqual(src.features.map((f) => f.props.地类名称));
    expect(back.features.map((f) => f.area)).toEqual(src.features.map((f) => f.area));
  });

  it('bad usage exits 2; an unsupported target exits 1 with one line', async () => {
    const usage = capture();
    expect(await runCli(['export', 'src.shp'], usage.io)).toBe(2);
    expect(usage.out.stderr).toContain('--to PATH is required');
    const bad = capture();
    expect(await runCli(['export', 'src.shp', '--to', 'x.dwg'], bad.io)).toBe(1);
    expect(bad.out.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.out.stderr).toContain('unsupported file type');
  });
});
