import { describe, expect, it } from 'vitest';
import { dltbRecord, KCXS_TABLE, round2, slopeGrade } from './dltb-record';
import type { TileParcel } from './tile';
import type { Village } from './villages';

const village: Village = { code: '330523105201', name: '竹溪村', township: { code: '330523105', name: '溪源镇' } };

function parcel(dlbm: string, slopeDeg: number, extra: Partial<TileParcel> = {}): TileParcel {
  return { dlbm, village, polygons: [], planarAreaM2: 0, slopeDeg, feature: null, settlement: null, ...extra };
}

/** A record with every random choice fixed at `u`. */
function record(p: TileParcel, areaM2: number, u = 0.5) {
  return dltbRecord(p, { bsm: '330523200000000001', tbbh: 7, areaM2, unit: () => u });
}

describe('slopeGrade', () => {
  it('follows the 耕地坡度级别 bounds ≤2°, ≤6°, ≤15°, ≤25°, above', () => {
    expect([0, 2, 2.01, 6, 6.5, 15, 15.1, 25, 25.1, 40].map(slopeGrade)).toEqual(['1', '1', '2', '2', '3', '3', '4', '4', '5', '5']);
  });
});

describe('dltbRecord', () => {
  it('deducts field ridges on terraced paddy from the county table (§2.3, §6.2)', () => {
    const r = record(parcel('0101', 10), 2345.6789);
    // TBMJ = 2345.68; grade 3 terraces: KCXS 0.1195; KCMJ = 2345.68 × 0.1195 = 280.30876 → 280.31;
    // TBDLMJ = 2345.68 − 280.31 = 2065.37.
    expect(r).toMatchObject({ DLBM: '0101', DLMC: '水田', TBMJ: 2345.68, GDPDJB: '3', GDLX: 'TT', KCXS: 0.1195, KCDLBM: '1203', KCMJ: 280.31, TBDLMJ: 2065.37 });
    expect(KCXS_TABLE.TT['3']).toBe(0.1195);
  });

  it('gives flat cultivated land grade 1, no GDLX and no deduction', () => {
    expect(record(parcel('0101', 1.2), 1000)).toMatchObject({ GDPDJB: '1', GDLX: '', KCXS: 0, KCDLBM: '', KCMJ: 0, TBDLMJ: 1000, ZZSXDM: 'LS', ZZSXMC: '种植粮食作物' });
  });

  it('makes sloping dry land PD or TT, always with a deduction, and a planting attribute', () => {
    const pd = record(parcel('0103', 4), 500, 0.9);
    // u = 0.9 ≥ 0.3 and grade 2 < 4: sloping field (PD). KCMJ = 500 × 0.0321 = 16.05.
    expect(pd).toMatchObject({ GDPDJB: '2', GDLX: 'PD', KCXS: 0.0321, KCMJ: 16.05, TBDLMJ: 483.95 });
    expect(['LS', 'FLS', 'LYFL', 'XG', 'LLJZ', 'WG']).toContain(pd.ZZSXDM);
    expect(record(parcel('0103', 20), 500, 0.9)).toMatchObject({ GDPDJB: '4', GDLX: 'TT', KCXS: 0.1886 });
  });

  it('leaves non-cultivated land without slope grade or deduction', () => {
    expect(record(parcel('0302', 30), 12345.675)).toMatchObject({ DLMC: '竹林地', TBMJ: 12345.68, GDPDJB: '', GDLX: '', KCXS: 0, KCMJ: 0, TBDLMJ: 12345.68, ZZSXDM: '', GDDB: 0 });
  });

  it('marks built classes with their 城镇村属性码', () => {
    expect(record(parcel('0702', 3, { settlement: 'village' }), 900).CZCSXM).toBe('203');
    expect(record(parcel('08H2', 3, { settlement: 'village' }), 900).CZCSXM).toBe('203');
    expect(record(parcel('0602', 20, { settlement: 'quarry' }), 900).CZCSXM).toBe('204');
    expect(record(parcel('09', 12, { settlement: 'cemetery' }), 900).CZCSXM).toBe('205');
    expect(record(parcel('0101', 1), 900).CZCSXM).toBe('');
  });

  it('gives linear parcels their strip width as XZDWKD and state ownership to highways', () => {
    const feature = { id: 0, kind: 'highway' as const, dlbm: '1003' as const, widthM: 24, line: { xs: new Float64Array(), ys: new Float64Array(), s: new Float64Array() }, priority: 0 };
    expect(record(parcel('1003', 1, { feature }), 24000)).toMatchObject({ XZDWKD: 24, QSXZ: '10', DLMC: '公路用地' });
    expect(record(parcel('0301', 20), 24000).XZDWKD).toBe(0);
  });

  it('codes owner and location as county + township + village + 7-digit tail', () => {
    const r = record(parcel('0301', 20), 100, 0.9);
    expect(r).toMatchObject({ QSXZ: '30', QSDWDM: '3305231052010000000', QSDWMC: '竹溪村', ZLDWDM: '3305231052010000000', ZLDWMC: '竹溪村', TBBH: '7', BSM: '330523200000000001' });
    // u = 0.1 < 0.3 puts farmland with a villagers' group (村民小组, QSXZ 31): group 1 + floor(0.1 × 9) = 1.
    expect(record(parcel('0101', 1), 100, 0.1)).toMatchObject({ QSXZ: '31', QSDWDM: '3305231052010100000', QSDWMC: '竹溪村一组' });
  });
});

describe('round2', () => {
  it('rounds half up exactly, where binary floating point would not', () => {
    // 1.005 is 1.00499999999999989… as a double: Math.round(1.005 × 100) / 100 gives 1.
    expect(round2('1.005')).toBe(1.01);
    expect(round2(2.675)).toBe(2.68);
  });
});
