import { describe, expect, it } from 'vitest';
import { gaussKrugerCrs, geographicCrs } from '../crs/zone-table';
import { errorMessage } from '../errors';
import { formatMessage } from '../messages/index';
import type { Geometry, PolygonalGeometry } from '../types';
import { bufferM } from './buffer';
import { clipToZones } from './clip';
import { ellipsoidalAreaM2 } from './ellipsoidal-area';
import { landClassAreas } from './land-class-areas';

/** Runs f and returns what it threw (fails the test if it did not throw). */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

const crs = gaussKrugerCrs({ datum: 'CGCS2000', width: 3, zone: 39, prefixed: true });
const square = (x: number, y: number): PolygonalGeometry => ({ type: 'Polygon', coordinates: [[[x, y], [x + 100, y], [x + 100, y + 100], [x, y + 100], [x, y]]] });

describe('geometry errors speak both languages and name what is wrong', () => {
  const cases: [string, () => unknown, string][] = [
    ['GEOMETRY_NOT_POLYGONAL', () => ellipsoidalAreaM2({ type: 'Point', coordinates: [1, 2] }, crs), 'Point'],
    ['GEOMETRY_NON_FINITE', () => ellipsoidalAreaM2({ type: 'Polygon', coordinates: [[[0, 0], [1, Number.NaN], [1, 1], [0, 0]]] }, crs), 'NaN'],
    ['GEOMETRY_OUTSIDE_PROJECTION', () => ellipsoidalAreaM2(square(550_000, 3_500_000), crs), '550000'],
    ['GEOMETRY_NOT_LONLAT', () => ellipsoidalAreaM2(square(39_550_000, 3_500_000), geographicCrs('CGCS2000')), '39550000'],
    ['GEOMETRY_CRS_NO_ELLIPSOID', () => ellipsoidalAreaM2(square(0, 0), { ...crs, ellipsoid: null, epsg: null, name: 'Local grid' }), 'Local grid'],
    ['BUFFER_DISTANCE_INVALID', () => bufferM(square(39_550_000, 3_500_000), -1, crs), '-1'],
    ['REDLINE_EMPTY', () => bufferM({ type: 'MultiPolygon', coordinates: [] }, 10, crs), ''],
    ['REDLINE_TOPOLOGY_INVALID', () => bufferM({ type: 'Polygon', coordinates: [[[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]]] }, 10, crs), '5, 5'],
    ['AREA_KCXS_INVALID', () => landClassAreas({ planarAreaM2: 1, ellipsoidalAreaM2: 1 }, { DLBM: '0101', KCXS: '1.5' }, { parcelLabel: 'BSM 3411' }), '1.5'],
  ];
  for (const [code, f, named] of cases) {
    it(code, () => {
      const e = thrown(f);
      expect(e).toEqual(expect.objectContaining({ name: 'InputError', code }));
      for (const lang of ['zh', 'en'] as const) {
        const text = errorMessage(e, lang);
        expect(text, lang).not.toMatch(/\{\w+\}/);
        expect(text, lang).toContain(named);
        // No English detail inside the Chinese text (the detail values are numbers, codes and names).
        if (lang === 'zh') expect(text).not.toMatch(/\b(red line|self-intersection|hole outside)\b/);
      }
    });
  }

  it('clip issues too', () => {
    const bowtie: Geometry = { type: 'Polygon', coordinates: [[[39_550_000, 3_500_000], [39_550_100, 3_500_100], [39_550_100, 3_500_000], [39_550_000, 3_500_100], [39_550_000, 3_500_000]]] };
    const { issues } = clipToZones([{ type: 'Feature', properties: { BSM: 'b-1' }, geometry: bowtie }], [{ name: 'redline', geometry: square(39_550_050, 3_500_020) }], { crs, idField: 'BSM' });
    expect(issues.map((i) => i.code)).toEqual(['CLIP_PARCEL_INVALID']);
    expect(formatMessage(issues[0].code, issues[0].details, 'zh')).toMatch(/b-1.*自相交/);
    expect(formatMessage(issues[0].code, issues[0].details, 'en')).toMatch(/b-1.*self-intersection/);
  });
});
