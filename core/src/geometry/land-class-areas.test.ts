import { describe, expect, it } from 'vitest';
import { landClassAreas } from './land-class-areas';

describe('land-class areas of a piece (docs/methods/sandiao-data.md §2.4)', () => {
  const piece = { planarAreaM2: 1000.4, ellipsoidalAreaM2: 1000 };

  it('splits cultivated land with KCXS into its own class and 1203 田坎', () => {
    // 1000 m² × (1 − 0.1195) = 880.5 m² of 0101; 1000 × 0.1195 = 119.5 m² of 1203.
    const [own, tiankan] = landClassAreas(piece, { DLBM: '0101', KCXS: 0.1195, KCDLBM: '1203' });
    expect(own.dlbm).toBe('0101');
    expect(own.areaM2).toBeCloseTo(880.5, 9);
    expect(tiankan.dlbm).toBe('1203');
    expect(tiankan.areaM2).toBeCloseTo(119.5, 9);
  });

  it('takes 1203 when KCDLBM is empty, reads KCXS from a string or the 二调 TKXS field', () => {
    expect(landClassAreas(piece, { DLBM: '0103', KCXS: '0.068', KCDLBM: '' }).map((a) => a.dlbm)).toEqual(['0103', '1203']);
    // 1000 × 0.068 = 68 m².
    expect(landClassAreas(piece, { dlbm: '0102', tkxs: 0.068 })[1].areaM2).toBeCloseTo(68, 9);
  });

  it('counts a parcel without deduction wholly for its class (normalised code)', () => {
    expect(landClassAreas(piece, { DLBM: ' 0301k ', KCXS: 0 })).toEqual([{ dlbm: '0301K', areaM2: 1000 }]);
    expect(landClassAreas(piece, { DLBM: '0702', KCXS: null })).toEqual([{ dlbm: '0702', areaM2: 1000 }]);
  });

  it('apportions TBMJ by planar area when asked: part_TBMJ = TBMJ × planar(piece)/planar(parcel)', () => {
    // TBMJ 5000.00, planar piece 1250.1 of a 5000.4 m² parcel = exactly ¼ → 1250.00 m²; KCXS 0.068 →
    // 1250 × 0.932 = 1165 m² of 0101 and 1250 × 0.068 = 85 m² of 1203.
    const areas = landClassAreas({ planarAreaM2: 1250.1, ellipsoidalAreaM2: 1249.98 }, { DLBM: '0101', KCXS: 0.068, TBMJ: 5000 }, { basis: 'tbmj', parcel: { planarAreaM2: 5000.4, ellipsoidalAreaM2: 5000.02 } });
    expect(areas[0].areaM2).toBeCloseTo(1165, 9);
    expect(areas[1].areaM2).toBeCloseTo(85, 9);
  });

  it('apportions by ellipsoidal area for a geographic layer (no plane area)', () => {
    // 2000 × 250/1000 = 500 m².
    const areas = landClassAreas({ planarAreaM2: null, ellipsoidalAreaM2: 250 }, { DLBM: '0401', TBMJ: '2000.00' }, { basis: 'tbmj', parcel: { planarAreaM2: null, ellipsoidalAreaM2: 1000 } });
    expect(areas).toEqual([{ dlbm: '0401', areaM2: 500 }]);
  });

  it('rejects a bad KCXS, a missing DLBM, and TBMJ apportioning without TBMJ or parcel area', () => {
    for (const KCXS of [1, 1.2, -0.1, 'abc', true]) {
      expect(() => landClassAreas(piece, { DLBM: '0101', KCXS }, { parcelLabel: 7 }), String(KCXS)).toThrow(expect.objectContaining({ code: 'AREA_KCXS_INVALID', details: expect.objectContaining({ parcel: 7 }) }));
    }
    expect(() => landClassAreas(piece, { KCXS: 0.1 })).toThrow(expect.objectContaining({ code: 'AREA_DLBM_MISSING' }));
    expect(() => landClassAreas(piece, { DLBM: '0101' }, { basis: 'tbmj', parcel: piece })).toThrow(expect.objectContaining({ code: 'AREA_TBMJ_MISSING' }));
    expect(() => landClassAreas(piece, { DLBM: '0101', TBMJ: 10 }, { basis: 'tbmj' })).toThrow(expect.objectContaining({ code: 'AREA_PARCEL_AREA_MISSING' }));
  });
});
