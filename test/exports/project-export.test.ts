/**
 * Exports from a project: its red lines as the Ministry coordinate text file (areas in hectares from the 三调
 * ellipsoidal area, read back by core's reader), as KML in WGS 84 and as a GBK shapefile (read back by GDAL); a
 * parcel layer and a run's clipped pieces as GeoPackage (validate_gpkg.py) and shapefile with short field names.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ellipsoidalAreaM2, openCoordinatesTxt, SERVICE_IDS } from '#core';
import { exportLayers } from '../../electron/host/exports/export-vector';
import { openFileExportSource, redLinesExport, runPiecesExport, storeLayerExport } from '../../electron/host/exports/export-sources';
import type { ProjectStore } from '../../electron/host/store/project-store';
import { addParcels, createTestProject } from '../../electron/host/store/test-project';
import { runCli } from '../../electron/cli/run';
import type { CliIo } from '../../electron/cli/command';
import { hasGdal, validateGpkg } from '../store/gdal-tools';
import { makeSampleAppraisal, polygonalArea, type SampleAppraisal } from '../reports/sample-appraisal';
import { ogrDump } from './ogr';

let store: ProjectStore;
let dir: string;
let sample: SampleAppraisal;
let layerId: string;
let runId: number;

beforeAll(() => {
  sample = makeSampleAppraisal();
  store = createTestProject();
  dir = mkdtempSync(path.join(os.tmpdir(), 'vep-project-export-'));
  layerId = addParcels(store, 50);
  store.redLines.create({ name: '递铺街道 A-3 地块', geometry: sample.redline, crs: sample.crs, source: 'drawn' });
  store.redLines.create({ name: 'B-7', geometry: { type: 'Polygon', coordinates: [sample.redline.coordinates[0].map(([x, y]) => [x + 2000, y])] }, crs: sample.crs });
  runId = store.runs.start({ kind: 'account', redLineId: 1, options: {}, provenance: {} });
  const rows = sample.result.parcels;
  store.runs.finish(runId, {
    summary: sample.result,
    crs: sample.crs,
    pieces: sample.pieces.map((p, i) => ({
      geometry: p.geometry, zone: p.zone, parcelLayer: layerId, parcelFid: Number(p.parcelId), dlbm: p.dlbm, dlmc: p.dlmc ?? null, areaM2: p.areaM2,
      services: Object.fromEntries(SERVICE_IDS.map((id) => [id, { quantity: rows[i].services[id].quantity, value: rows[i].services[id].value }])),
      valueYuan: rows[i].value, unitValue: rows[i].unitValue,
    })),
  });
});
afterAll(() => {
  const file = store.path;
  store.close();
  rmSync(path.dirname(file), { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

describe('red lines', () => {
  it('as the Ministry coordinate text file: GBK, one parcel per red line, 地块面积 = ellipsoidal area in ha', async () => {
    const file = path.join(dir, '红线.txt');
    const result = await exportLayers(file, [redLinesExport(store)]);
    expect(result.layers[0].featureCount).toBe(2);
    const bytes = new Uint8Array(readFileSync(file));
    expect(new TextDecoder('gbk').decode(bytes)).toContain('递铺街道 A-3 地块');
    const back = openCoordinatesTxt(bytes, { file });
    const features = [...back.features()];
    expect(features).toHaveLength(2);
    expect(back.info.crs?.epsg).toBe(4528);
    const expectedHa = ellipsoidalAreaM2(sample.redline, sample.crs) / 10_000;
    // Written with 4 decimals (half up): the ellipsoidal area of the hexagon (≈ 25 ha; planar 250 000 m² differs by ~ppm).
    expect(features[0].properties.DKMJ).toBe(Number(expectedHa.toFixed(4)));
    expect(features[0].properties.DKMC).toBe('递铺街道 A-3 地块');
    const ring = (features[0].geometry as { coordinates: number[][][] }).coordinates[0];
    expect(ring[0][0]).toBeCloseTo(sample.redline.coordinates[0][0][0], 3);
    expect(ring[0][1]).toBeCloseTo(sample.redline.coordinates[0][0][1], 3);
  });

  it.runIf(hasGdal)('as KML in WGS 84 and as a GBK shapefile, read back by GDAL', async () => {
    const kml = path.join(dir, 'redlines.kml');
    await exportLayers(kml, [redLinesExport(store)]);
    const k = ogrDump(kml);
    expect(k.count).toBe(2);
    expect(k.epsg).toBe('4326');
    expect(k.features[0].props.Name).toBe('递铺街道 A-3 地块'); // GDAL's LIBKML reads the Placemark name and a `name` field as Name
    expect(k.features[0].envelope![0]).toBeGreaterThan(119.6);
    const shp = path.join(dir, 'redlines.shp');
    await exportLayers(shp, [redLinesExport(store)]);
    const s = ogrDump(shp);
    expect(s.fields).toEqual(['ID', 'NAME', 'SOURCE', 'NOTES', 'UPDATED']);
    expect(s.features.map((f) => f.props.NAME)).toEqual(['递铺街道 A-3 地块', 'B-7']);
    expect(s.features[0].area).toBeCloseTo(polygonalArea(sample.redline), 3);
  });
});

describe.runIf(hasGdal)('layers and runs', () => {
  it('a parcel layer as a valid GeoPackage with its fields and count', async () => {
    const file = path.join(dir, 'dltb.gpkg');
    await exportLayers(file, [storeLayerExport(store, layerId)]);
    expect(validateGpkg(file)).toEqual([]);
    const back = ogrDump(file);
    expect(back.count).toBe(50);
    expect(back.fields).toEqual(store.layers.info(layerId).fields.map((f) => f.name));
  });

  it("a run's pieces: one row per piece with the run's values; short DBF names in a shapefile", async () => {
    const gpkg = path.join(dir, 'run.gpkg');
    await exportLayers(gpkg, [runPiecesExport(store, runId)]);
    expect(validateGpkg(gpkg)).toEqual([]);
    const g = ogrDump(gpkg);
    expect(g.count).toBe(sample.pieces.length);
    expect(g.features.map((f) => f.props.value_yuan)).toEqual(sample.result.parcels.map((p) => p.value));
    const shp = path.join(dir, 'run.shp');
    const result = await exportLayers(shp, [runPiecesExport(store, runId)], { encoding: 'GBK' });
    expect(result.layers[0].renamedFields).toMatchObject({ water_retention_value: 'WR_V', value_yuan: 'VALUE_YUAN', dlmc: 'DLMC' });
    const s = ogrDump(shp);
    expect(s.fields).toContain('WR_V');
    expect(s.features.map((f) => f.props.WR_V ?? null)).toEqual(sample.result.parcels.map((p) => p.services.water_retention.value));
    expect(s.features.map((f) => f.props.DLMC)).toEqual(sample.pieces.map((p) => p.dlmc));
    s.features.forEach((f, i) => expect(f.area).toBeCloseTo(polygonalArea(sample.pieces[i].geometry), 3));
  });

  it('vep export reads a project file: --layer redlines / run:N', async () => {
    const out = { stdout: '', stderr: '' };
    const io: CliIo = { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t), stderrIsTty: false, lang: 'en', cwd: dir };
    expect(await runCli(['export', store.path, '--layer', 'redlines', '--to', 'cli-redlines.geojson'], io)).toBe(0);
    expect(ogrDump(path.join(dir, 'cli-redlines.geojson')).count).toBe(2);
    expect(await runCli(['export', store.path, '--layer', `run:${runId}`, '--to', 'cli-run.gpkg'], io)).toBe(0);
    expect(ogrDump(path.join(dir, 'cli-run.gpkg')).count).toBe(sample.pieces.length);
    const source = openFileExportSource(store.path, { layer: 'zones' });
    expect([...source.layer.features()]).toEqual([]);
    source.close();
  });
});
