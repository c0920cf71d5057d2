/**
 * The `vep` commands on the bundled sample data, in-process through the dispatcher, checked against GDAL where it
 * is installed (CI installs it) and against the sample's own survey fields.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../electron/cli/command';
import { runCli } from '../electron/cli/run';
import { hasGdal, ogrSummary, validateGpkg } from './store/gdal-tools';

const SAMPLE = path.resolve(__dirname, '..', 'sample-data');
const DLTB = path.join(SAMPLE, 'dltb', 'DLTB.shp');
const REDLINE = path.join(SAMPLE, 'redlines', 'redline-1.txt');

async function vep(args: string[], lang: CliIo['lang'] = 'en'): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const code = await runCli(args, { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t), stderrIsTty: false, lang, cwd: SAMPLE });
  return { code, ...out };
}

function gdal(args: string[]): string | null {
  try {
    return execFileSync('ogrinfo', args, { encoding: 'utf8' });
  } catch {
    return null;
  }
}

describe('vep inspect', () => {
  it('describes the sample DLTB layer as GDAL does: count, CRS, GBK attributes, 三调 schema', async () => {
    const { code, stdout } = await vep(['inspect', DLTB, '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r).toMatchObject({ kind: 'vector', format: 'shapefile', geometryType: 'MultiPolygon', encoding: 'GBK', schema: 'sandiao-dltb', crs: { epsg: 4528 } });
    expect(r.sample).toHaveLength(3);
    expect(typeof r.sample[0].DLMC).toBe('string');
    const info = gdal(['-so', '-al', DLTB]);
    if (info) {
      expect(info).toContain(`Feature Count: ${r.featureCount}`);
      // GDAL reads LDID 0x4D as CP936, so its decoded first DLMC must equal ours.
      const first = gdal(['-al', '-q', '-fid', '0', DLTB])!;
      expect(first).toMatch(new RegExp(`DLMC \\(String[^)]*\\) = ${r.sample[0].DLMC}\n`));
    }
  });

  it('describes a raster with gdalinfo -stats numbers', async () => {
    const { code, stdout } = await vep(['inspect', 'rasters/dem.tif', '--stats', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r).toMatchObject({ kind: 'raster', format: 'geotiff', dataType: 'Float32', noData: -9999, crs: { epsg: 4528 } });
    try {
      const g = JSON.parse(execFileSync('gdalinfo', ['-json', '-stats', path.join(SAMPLE, 'rasters', 'dem.tif'), '--config', 'GDAL_PAM_ENABLED', 'NO'], { encoding: 'utf8' }));
      // The full-precision figures are in the band metadata (the top-level minimum/maximum are rounded for display).
      const stats = g.bands[0].metadata[''];
      expect(r.width).toBe(g.size[0]);
      expect(r.geoTransform).toEqual(g.geoTransform);
      expect(r.stats[0].min).toBeCloseTo(Number(stats.STATISTICS_MINIMUM), 9);
      expect(r.stats[0].max).toBeCloseTo(Number(stats.STATISTICS_MAXIMUM), 9);
      expect(r.stats[0].mean).toBeCloseTo(Number(stats.STATISTICS_MEAN), 6);
      expect(r.stats[0].stdDev).toBeCloseTo(Number(stats.STATISTICS_STDDEV), 6);
    } catch (e) {
      if ((e as { code?: string }).code !== 'ENOENT') throw e;
    }
  });

  it('refuses an unknown format with exit 1 and one line naming the file, in zh with --lang zh', async () => {
    const en = await vep(['inspect', 'README.md']);
    expect(en.code).toBe(1);
    expect(en.stderr).toMatch(/^vep: .*README\.md.*\n$/);
    const zh = await vep(['inspect', 'README.md', '--lang', 'zh']);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toMatch(/[\u4e00-\u9fff]/);
    expect((await vep(['inspect', 'nope.shp'])).code).toBe(1);
  });
});

describe('vep area', () => {
  it('gives every parcel its 三调 ellipsoidal area, equal to the TBMJ the sample was made with', async () => {
    const { code, stdout } = await vep(['area', DLTB, '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.features).toHaveLength(2168);
    // The generator writes TBMJ = round(ellipsoidal area, 2) by the same method: agreement to the rounding unit.
    for (const f of r.features) expect(Math.abs(f.ellipsoidalArea - f.tbmj)).toBeLessThanOrEqual(0.01);
    expect(r.features[0].id).toMatch(/^\d{18}$/);
    const sumTbmj = r.features.reduce((s: number, f: { tbmj: number }) => s + f.tbmj, 0);
    expect(Math.abs(r.total.ellipsoidalArea - sumTbmj)).toBeLessThan(0.01 * r.features.length);
    // Planar GK area exceeds the ellipsoidal one here (≈ 44 km east of CM 120°E: scale factor 1 + y'²/2R² > 1).
    expect(r.total.planarArea).toBeGreaterThan(r.total.ellipsoidalArea);
  });
});

describe('vep account', () => {
  it('accounts the sample red line in coefficient mode with plausible unit values, byte-identical across runs', async () => {
    const a = await vep(['account', '--parcels', DLTB, '--redline', REDLINE, '--json']);
    expect(a.code).toBe(0);
    const r = JSON.parse(a.stdout);
    expect(Object.keys(r.services)).toEqual(['water_retention', 'soil_conservation', 'flood_storage', 'carbon_sequestration', 'oxygen_release', 'climate_regulation']);
    // Anji's seven transfer parcels averaged 13.03 元/m² (methods §5.1); an illustrative set should land near it.
    expect(r.zones.redline.unitValue).toBeGreaterThan(5);
    expect(r.zones.redline.unitValue).toBeLessThan(40);
    expect(r.zones.total.area).toBeCloseTo(r.zones.redline.area + r.zones.buffer.area, 1);
    expect(r.premium.tier).not.toBeNull();
    expect(r.provenance.inputs.map((i: { path: string }) => path.basename(i.path))).toEqual(expect.arrayContaining(['DLTB.shp', 'DLTB.dbf', 'redline-1.txt']));
    const b = await vep(['account', '--parcels', DLTB, '--redline', REDLINE, '--json']);
    expect(b.stdout).toBe(a.stdout);
  });

  it('runs model mode from the sample rasters and writes the intermediates (terrain, R·K·LS, P − ET) GDAL reads, equal to the inputs combined', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vep-intermediates-'));
    const args = ['account', '--parcels', DLTB, '--redline', REDLINE, '--json', '--dem', 'rasters/dem.tif', '--rainfall', 'rasters/rainfall.tif', '--et', 'rasters/et.tif',
      '--npp', 'rasters/npp.tif', '--raster-unit', 'npp=t DM/(hm²·a)', '--r-factor', 'rasters/r_factor.tif', '--k-factor', 'rasters/k_factor.tif', '--fvc', 'rasters/fvc.tif', '--intermediates', dir];
    const { code, stdout, stderr } = await vep(args);
    expect(stderr).not.toContain('vep:');
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.modes.water_retention).toBe('model');
    expect(r.modes.soil_conservation).toBe('model');
    expect(r.rasters.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining(['ls', 'rainfall', 'et', 'npp']));
    const ls = path.join(dir, 'ls_factor.tif');
    expect(readFileSync(ls).subarray(0, 2).toString('latin1')).toBe('II');
    try {
      const g = JSON.parse(execFileSync('gdalinfo', ['-json', ls], { encoding: 'utf8' }));
      expect(g.stac?.['proj:epsg'] ?? g.coordinateSystem?.wkt).toBeTruthy();
      expect(g.bands[0].type).toBe('Float32');
      // The products on their cells, checked by GDAL at one cell centre against the inputs there.
      const rkls = path.join(dir, 'rkls_potential_erosion.tif');
      const info = JSON.parse(execFileSync('gdalinfo', ['-json', rkls], { encoding: 'utf8' }));
      const [gx, gw, , gy, , gh] = info.geoTransform as number[];
      const [w, h] = info.size as number[];
      const at = (file: string) => Number(execFileSync('gdallocationinfo', ['-valonly', '-geoloc', file, String(gx + (Math.floor(w / 2) + 0.5) * gw), String(gy + (Math.floor(h / 2) + 0.5) * gh)], { encoding: 'utf8' }).trim());
      const expected = at(path.join(SAMPLE, 'rasters/r_factor.tif')) * at(path.join(SAMPLE, 'rasters/k_factor.tif')) * at(ls);
      expect(expected).toBeGreaterThan(0);
      expect(Math.abs(at(rkls) - expected) / expected).toBeLessThan(1e-6);
      const balance = path.join(dir, 'p_minus_et.tif');
      const b = JSON.parse(execFileSync('gdalinfo', ['-json', balance], { encoding: 'utf8' }));
      const [bx, bw, , by, , bh] = b.geoTransform as number[];
      const [bWidth, bHeight] = b.size as number[];
      const bAt = (file: string) => Number(execFileSync('gdallocationinfo', ['-valonly', '-geoloc', file, String(bx + (Math.floor(bWidth / 2) + 0.5) * bw), String(by + (Math.floor(bHeight / 2) + 0.5) * bh)], { encoding: 'utf8' }).trim());
      expect(bAt(balance)).toBeCloseTo(bAt(path.join(SAMPLE, 'rasters/rainfall.tif')) - bAt(path.join(SAMPLE, 'rasters/et.tif')), 3);
    } catch (e) {
      if ((e as { code?: string }).code !== 'ENOENT') throw e;
    }
  });

  it('--out writes the result by extension: the .json is the --json document; GDAL reads the .gpkg pieces; .xlsx and .pdf exist', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vep-account-out-'));
    const base = ['account', '--parcels', DLTB, '--redline', REDLINE];
    const json = await vep([...base, '--json', '--out', path.join(dir, 'r.json')]);
    expect(json.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'))).toEqual(JSON.parse(json.stdout));
    const result = JSON.parse(json.stdout);
    for (const ext of ['gpkg', 'xlsx', 'csv', 'pdf']) {
      const run = await vep([...base, '--out', path.join(dir, `r.${ext}`)]);
      expect(run.stderr).not.toContain('vep:');
      expect(run.code).toBe(0);
      expect(readFileSync(path.join(dir, `r.${ext}`)).length).toBeGreaterThan(0);
    }
    expect(readFileSync(path.join(dir, 'r.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const csvRows = readFileSync(path.join(dir, 'r.csv'), 'utf8').trimEnd().split('\r\n');
    expect(csvRows).toHaveLength(result.parcels.length + 1);
    const info = gdal(['-so', '-al', path.join(dir, 'r.gpkg'), 'parcels']);
    if (info !== null) expect(info).toMatch(new RegExp(`Feature Count: ${result.parcels.length}\\b`));
  });

  it('says what is wrong with bad inputs: exit 1 or 2 and one line', async () => {
    const missing = await vep(['account', '--parcels', DLTB]);
    expect(missing.code).toBe(2);
    const outside = await vep(['account', '--parcels', DLTB, '--redline', REDLINE, '--buffer', '-5']);
    expect(outside.code).toBe(2);
    const badRaster = await vep(['account', '--parcels', DLTB, '--redline', REDLINE, '--npp', 'rasters/npp.tif']);
    expect(badRaster.code).toBe(1);
    expect(badRaster.stderr.trim().split('\n').filter((l) => l.startsWith('vep:'))).toHaveLength(1);
  });
});

describe('vep import', () => {
  it('creates a project GeoPackage GDAL accepts, with the layer GDAL reads from the same shapefile; a second import adds a layer', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vep-import-'));
    const project = path.join(dir, 'county.vep.gpkg');
    const first = await vep(['import', DLTB, '--out', project, '--json']);
    expect(first.stderr).not.toContain('vep:');
    expect(first.code).toBe(0);
    const layer = JSON.parse(first.stdout);
    expect(layer.title).toBe('DLTB');
    expect(layer.crs.epsg).toBe(4528);
    const second = await vep(['import', 'dltb/CJDCQ.shp', '--out', project, '--title', '村级调查区']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^9 features → /);
    if (!hasGdal) return;
    expect(validateGpkg(project)).toEqual([]);
    const source = ogrSummary(DLTB, 'DLTB');
    const imported = ogrSummary(project, layer.id);
    expect(layer.featureCount).toBe(source.featureCount);
    expect(imported.featureCount).toBe(source.featureCount);
    expect(imported.srsAuthority).toBe('EPSG:4528');
    imported.extent!.forEach((v, i) => expect(v).toBeCloseTo(source.extent![i], 3));
  });

  it('a file that cannot be read leaves the project as it was: exit 1, one line naming the file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vep-import-bad-'));
    const project = path.join(dir, 'p.vep.gpkg');
    expect((await vep(['import', DLTB, '--out', project])).code).toBe(0);
    const before = readFileSync(project);
    const bad = path.join(dir, 'broken.shp');
    writeFileSync(bad, Buffer.alloc(50));
    const run = await vep(['import', bad, '--out', project]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n').filter((l) => l.startsWith('vep:'))).toEqual([expect.stringContaining('broken.shp')]);
    expect(readFileSync(project).equals(before)).toBe(true);
    expect((await vep(['import', DLTB])).code).toBe(2);
  });
});

describe('vep params', () => {
  it('prints the built-in parameter set with units and sources', async () => {
    const { code, stdout } = await vep(['params', '--template']);
    expect(code).toBe(0);
    const set = JSON.parse(stdout);
    expect(set.format).toBe('vep-parameter-set');
    expect(Object.values(set.prices).every((p) => typeof (p as { unit: string }).unit === 'string')).toBe(true);
  });
});
