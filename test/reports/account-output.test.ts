/**
 * `vep account --out` files, read back: the JSON is the document; the CSV rows and the summary CSV hold the JSON's
 * numbers; the GeoPackage passes validate_gpkg.py, GDAL reads its redline/zone/parcels layers and summary/classes
 * tables with the JSON's values and each piece's area; the workbook's numbers equal the JSON's; the PDF has the text.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETER_SET } from '#core';
import { accountJsonText, writeAccountOutput, type AccountOutputInput } from '../../electron/host/reports/account-output';
import { hasGdal, validateGpkg } from '../store/gdal-tools';
import { ogrDump } from '../exports/ogr';
import { makeSampleAppraisal, type SampleAppraisal } from './sample-appraisal';

const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;

let sample: SampleAppraisal;
let input: AccountOutputInput;
let dir: string;

beforeAll(() => {
  sample = makeSampleAppraisal();
  input = {
    result: sample.result, crs: sample.crs, redline: sample.redline, ring: sample.ring,
    pieces: sample.pieces.map((p) => ({ parcelId: p.parcelId, zone: p.zone, geometry: p.geometry, classes: [{ dlbm: p.dlbm }] })),
    redLineName: '递铺街道 A-3 地块', params: DEFAULT_PARAMETER_SET, lang: 'zh', bufferM: 1000,
  };
  dir = mkdtempSync(path.join(os.tmpdir(), 'vep-account-out-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A CSV without quoted fields (ours has none here), BOM stripped, as rows of cells. */
function readCsv(file: string): string[][] {
  const text = readFileSync(file, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text.slice(1).trimEnd().split('\r\n').map((l) => l.split(','));
}

describe('vep account --out', () => {
  it('.json is the --json document', async () => {
    const file = path.join(dir, 'a.json');
    await writeAccountOutput(file, input);
    expect(readFileSync(file, 'utf8')).toBe(accountJsonText(sample.result));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(sample.result);
  });

  it('.csv: one row per piece with the JSON numbers, and the summary beside it', async () => {
    const file = path.join(dir, 'a.csv');
    expect(await writeAccountOutput(file, input)).toEqual([file, path.join(dir, 'a.summary.csv')]);
    const [header, ...rows] = readCsv(file);
    expect(header.slice(0, 5)).toEqual(['zone', 'parcel_id', 'dlbm', 'dlmc', 'area_m2']);
    expect(rows).toHaveLength(sample.result.parcels.length);
    const col = (name: string) => header.indexOf(name);
    sample.result.parcels.forEach((p, i) => {
      expect(rows[i][col('parcel_id')]).toBe(String(p.id));
      expect(rows[i][col('dlmc')]).toBe(p.dlmc);
      expect(Number(rows[i][col('area_m2')])).toBe(p.area);
      expect(Number(rows[i][col('value_yuan')])).toBe(p.value);
      expect(rows[i][col('water_retention_value')]).toBe(p.services.water_retention.value === null ? '' : p.services.water_retention.value.toFixed(2));
      expect(rows[i][col('unit_value')]).toBe(p.unitValue === null ? '' : p.unitValue.toFixed(4));
    });
    const summary = new Map(readCsv(path.join(dir, 'a.summary.csv')).slice(1).map((r) => [r[0], r[1]]));
    expect(Number(summary.get('premium.unitValue'))).toBe(sample.result.premium.unitValue);
    expect(Number(summary.get('zones.total.value'))).toBe(sample.result.zones.total.value);
    expect(Number(summary.get('services.climate_regulation.quantity'))).toBe(sample.result.services.climate_regulation.quantity);
    expect(summary.get('provenance.params.id')).toBe(DEFAULT_PARAMETER_SET.id);
  });

  it.runIf(hasGdal)('.gpkg: valid; redline, zone and parcels layers with geometry; summary and classes tables', async () => {
    const file = path.join(dir, 'a.gpkg');
    await writeAccountOutput(file, input);
    expect(validateGpkg(file)).toEqual([]);
    const parcels = ogrDump(file, 'parcels');
    expect(parcels.layers).toEqual(['redline', 'zone', 'parcels', 'summary', 'classes']);
    expect(parcels.epsg).toBe('4528');
    expect(parcels.count).toBe(sample.result.parcels.length);
    parcels.features.forEach((f, i) => {
      const row = sample.result.parcels[i];
      expect(f.props.parcel_id).toBe(String(row.id));
      expect(f.props.value_yuan).toBe(row.value);
      // The sample's piece areas are planar; GDAL's planar area of the geometry matches the row's area (0.01 m² places).
      expect(Math.abs(f.area! - row.area)).toBeLessThanOrEqual(0.005 + 1e-6);
    });
    const zones = ogrDump(file, 'zone');
    expect(zones.features.map((f) => [f.props.zone, f.props.unit_value])).toEqual([['redline', sample.result.zones.redline.unitValue], ['buffer', sample.result.zones.buffer.unitValue]]);
    const redline = ogrDump(file, 'redline');
    expect(redline.features[0].props).toEqual({ name: '递铺街道 A-3 地块', area_m2: sample.result.redline.area });
    const summary = ogrDump(file, 'summary');
    const byKey = new Map(summary.features.map((f) => [f.props.key, f.props]));
    expect(byKey.get('premium.tier')!.value).toBe(sample.result.premium.tier);
    expect(byKey.get('services.water_retention.unitValue')!.value).toBe(sample.result.services.water_retention.unitValue);
    const classes = ogrDump(file, 'classes');
    expect(classes.count).toBe(sample.result.perClass.redline.length + sample.result.perClass.buffer.length + sample.result.perClass.total.length);
  });

  it('.xlsx: the workbook, its numbers equal to the JSON', async () => {
    const file = path.join(dir, 'a.xlsx');
    await writeAccountOutput(file, input);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer); // exceljs types predate Node 20's Buffer generics
    const ws = wb.getWorksheet('图斑明细')!;
    expect(ws.rowCount).toBe(sample.result.parcels.length + 1);
    expect(ws.getRow(2).getCell(18).value).toBe(sample.result.parcels[0].value);
  });

  it.runIf(hasPoppler)('.pdf: the report', async () => {
    const file = path.join(dir, 'a.pdf');
    await writeAccountOutput(file, input);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('递铺街道 A-3 地块');
  });

  it('an unknown extension is refused', async () => {
    await expect(writeAccountOutput(path.join(dir, 'a.docx'), input)).rejects.toMatchObject({ code: 'EXPORT_FORMAT_UNSUPPORTED' });
  });
});
