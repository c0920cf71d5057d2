import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeShapefile, type Feature, type FieldDef } from '#core';
import { ShapefileSink } from './shapefile-sink';

const dir = mkdtempSync(path.join(os.tmpdir(), 'vep-sink-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fields: FieldDef[] = [
  { name: 'DLBM', type: 'string', width: 5 },
  { name: 'DLMC', type: 'string', width: 60 },
  { name: 'TBMJ', type: 'number', width: 18, decimals: 2 },
  { name: 'SJNF', type: 'integer', width: 4 },
];

/** A 10 m square at (x, y) in zone 40 coordinates, one with a hole. */
function square(k: number): Feature {
  const x = 40_457_000 + 20 * k;
  const y = 3_381_000 + 7 * k;
  const outer = [[x, y], [x + 10, y], [x + 10, y + 10], [x, y + 10], [x, y]];
  const rings = k === 3 ? [outer, [[x + 4, y + 4], [x + 4, y + 6], [x + 6, y + 6], [x + 6, y + 4], [x + 4, y + 4]]] : [outer];
  return { type: 'Feature', geometry: { type: 'Polygon', coordinates: rings }, properties: { DLBM: k % 2 ? '0101' : '0302', DLMC: k % 2 ? '水田' : '竹林地', TBMJ: 100 + k / 100, SJNF: 2019 } };
}

describe('ShapefileSink', () => {
  const features = Array.from({ length: 7 }, (_, k) => square(k));

  it('writes in chunks exactly the bytes the writer makes in one go', () => {
    const base = path.join(dir, 'chunked');
    const sink = new ShapefileSink(base, { geometryType: 'Polygon', fields, prj: 'PRJ' });
    sink.append(features.slice(0, 3));
    sink.append(features.slice(3, 4));
    sink.append(features.slice(4));
    expect(sink.close()).toBe(7);
    const whole = writeShapefile(features, { geometryType: 'Polygon', fields, encoding: 'GBK' });
    expect(readFileSync(`${base}.shp`)).toEqual(Buffer.from(whole.shp));
    expect(readFileSync(`${base}.shx`)).toEqual(Buffer.from(whole.shx));
    expect(readFileSync(`${base}.dbf`)).toEqual(Buffer.from(whole.dbf));
    expect(readFileSync(`${base}.prj`, 'utf8')).toBe('PRJ');
  });

  it('declares GBK by the DBF language driver byte only (0x4D, no .cpg)', () => {
    const base = path.join(dir, 'ldid');
    const sink = new ShapefileSink(base, { geometryType: 'Polygon', fields, prj: 'PRJ' });
    sink.append(features);
    sink.close();
    expect(readFileSync(`${base}.dbf`)[29]).toBe(0x4d);
    expect(existsSync(`${base}.cpg`)).toBe(false);
  });

  it('refuses a chunk whose field layout differs from the first one', () => {
    const sink = new ShapefileSink(path.join(dir, 'layout'), { geometryType: 'Polygon', fields: [{ name: 'DLMC', type: 'string', width: 2 }], prj: 'PRJ' });
    sink.append([square(0)]); // 竹林地 needs 6 bytes: the field is widened to 6
    expect(() => sink.append([{ ...square(1), properties: { DLMC: '可调整竹林地' } }])).toThrow(/layout/);
    sink.close();
  });

  it('writes a valid empty layer', () => {
    const base = path.join(dir, 'empty');
    const sink = new ShapefileSink(base, { geometryType: 'Polygon', fields, prj: 'PRJ' });
    expect(sink.close()).toBe(0);
    const whole = writeShapefile([], { geometryType: 'Polygon', fields, encoding: 'GBK' });
    expect(readFileSync(`${base}.shp`)).toEqual(Buffer.from(whole.shp));
    expect(readFileSync(`${base}.dbf`)).toEqual(Buffer.from(whole.dbf));
  });
});
