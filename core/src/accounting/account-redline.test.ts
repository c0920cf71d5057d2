import { describe, expect, it } from 'vitest';
import { gaussKrugerCrs } from '../crs/zone-table';
import { DEFAULT_PARAMETER_SET } from '../params/default-set';
import type { Feature, Polygon } from '../types';
import { accountParcels } from './account';
import { accountRedline } from './account-redline';

// CGCS2000 3° zone 40 with prefix; squares on the central meridian (easting 40 500 000) so the GK scale factor is
// 1 + y'²/2R² ≈ 1 + 1e-10 there and a 100 m square measures 10000.0000 m² (sandiao-data.md §6.1 table, first row).
const crs = gaussKrugerCrs({ datum: 'CGCS2000', width: 3, zone: 40, prefixed: true });
const X0 = 40_500_000;
const Y0 = 3_500_000;

function square(col: number, row: number, size = 100): Polygon {
  const x = X0 + col * size;
  const y = Y0 + row * size;
  return { type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] };
}

/** A 3 × 3 block of 100 m parcels; the centre one is paddy with a 10 % 田坎 deduction. */
function parcels(): Feature<Polygon>[] {
  const classes = [
    ['0301', '乔木林地'], ['0302', '竹林地'], ['0301', '乔木林地'],
    ['0202', '茶园'], ['0101', '水田'], ['0702', '农村宅基地'],
    ['0301', '乔木林地'], ['1104', '坑塘水面'], ['0302', '竹林地'],
  ];
  return classes.map(([dlbm, dlmc], i) => ({
    type: 'Feature',
    id: i,
    geometry: square((i % 3) - 1, 1 - Math.floor(i / 3)),
    properties: { BSM: `P${i}`, DLBM: dlbm, DLMC: dlmc, KCXS: dlbm === '0101' ? 0.1 : 0 },
  }));
}

const request = { params: DEFAULT_PARAMETER_SET, provenance: { version: 'test' } };

describe('accountRedline', () => {
  const run = accountRedline({ parcels: parcels(), crs, redline: square(0, 0), bufferM: 100, idField: 'BSM', request });

  it('measures the red line and its pieces by the 三调 ellipsoidal area', () => {
    // 100 m × 100 m on the central meridian = 10000.0000 m² (to 1e-4 m²).
    expect(run.redlineAreaM2).toBeCloseTo(10000, 4);
    expect(run.result.redline.area).toBe(10000);
    expect(run.result.zones.redline.area).toBe(10000);
  });

  it('splits the paddy piece into 水田 and 田坎 by KCXS', () => {
    // KCXS 0.1: 10000 × 0.9 = 9000 m² of 0101 and 10000 × 0.1 = 1000 m² of 1203.
    const inside = run.result.parcels.filter((p) => p.zone === 'redline');
    expect(inside.map((p) => [p.dlbm, p.area])).toEqual([['0101', 9000], ['1203', 1000]]);
    expect(inside[0].dlmc).toBe('水田');
    expect(inside[1].dlmc).toBe('田坎');
  });

  it('clips the neighbours to the 100 m ring: sides whole, corners a quarter disc', () => {
    const byParcel = new Map<string, number>();
    for (const p of run.pieces.filter((q) => q.zone === 'buffer')) byParcel.set(String(p.parcelId), p.ellipsoidalAreaM2);
    // Side neighbours lie wholly in the ring: 10000 m² each, passed through unclipped.
    for (const id of ['P1', 'P3', 'P5', 'P7']) expect(byParcel.get(id)).toBeCloseTo(10000, 3);
    expect(run.pieces.filter((q) => q.zone === 'buffer' && ['P1', 'P3', 'P5', 'P7'].includes(String(q.parcelId))).every((q) => q.geometry.type === 'Polygon')).toBe(true);
    // Corner neighbours: the ring's rounded corner, a quarter disc of r = 100 m drawn as chords whose sagitta is at
    // most 0.01 m, so its area lies between the discs of radius 99.99 and 100:
    // π·99.99²/4 = 7852.41 m² < area < π·100²/4 = 7853.98 m².
    for (const id of ['P0', 'P2', 'P6', 'P8']) {
      expect(byParcel.get(id)!).toBeGreaterThan(7852.41);
      expect(byParcel.get(id)!).toBeLessThan(7853.98);
    }
    // The ring, all of it covered by parcels: 4 × 10000 + π·r², with r between 99.99 and 100:
    // 71409.65 m² < area < 71415.93 m².
    expect(run.result.zones.buffer.area).toBeGreaterThan(71409.65);
    expect(run.result.zones.buffer.area).toBeLessThan(71415.93);
  });

  it('gives exactly what accountParcels gives for the same land-class pieces', () => {
    const direct = accountParcels({
      ...request,
      redlineAreaM2: run.redlineAreaM2,
      pieces: run.pieces.flatMap((p) => p.classes.map((c) => ({ parcelId: p.parcelId, dlbm: c.dlbm, dlmc: run.result.parcels.find((r) => r.id === p.parcelId && r.dlbm === c.dlbm)?.dlmc, zone: p.zone, areaM2: c.areaM2 }))),
    });
    expect(JSON.stringify(direct.zones)).toBe(JSON.stringify(run.result.zones));
    expect(direct.premium).toEqual(run.result.premium);
  });

  it('is deterministic', () => {
    const again = accountRedline({ parcels: parcels(), crs, redline: square(0, 0), bufferM: 100, idField: 'BSM', request });
    expect(JSON.stringify(again.result)).toBe(JSON.stringify(run.result));
  });

  it('warns when parcels cover only part of the red line', () => {
    // A red line reaching 50 m beyond the block: half of its 100 × 100 m lies outside every parcel.
    const redline = square(1.5, 0);
    const partly = accountRedline({ parcels: parcels(), crs, redline, bufferM: 50, idField: 'BSM', request });
    const warning = partly.result.warnings.find((w) => w.code === 'REDLINE_PARTLY_COVERED');
    expect(warning?.details).toMatchObject({ percent: 50, missing: 5000 });
    expect(warning?.message.zh).toContain('50%');
  });

  it('refuses a red line outside the parcels and a self-intersecting one, with catalogued codes', () => {
    expect(() => accountRedline({ parcels: parcels(), crs, redline: square(20, 20), bufferM: 100, request })).toThrow(expect.objectContaining({ code: 'REDLINE_OUTSIDE_PARCELS' }));
    const bowtie: Polygon = { type: 'Polygon', coordinates: [[[X0, Y0], [X0 + 100, Y0 + 100], [X0 + 100, Y0], [X0, Y0 + 100], [X0, Y0]]] };
    expect(() => accountRedline({ parcels: parcels(), crs, redline: bowtie, bufferM: 100, request })).toThrow(expect.objectContaining({ code: 'REDLINE_INVALID' }));
  });
});
