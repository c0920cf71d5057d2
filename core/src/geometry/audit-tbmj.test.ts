import { describe, expect, it } from 'vitest';
import { gaussKrugerCrs } from '../crs/zone-table';
import type { Feature, Geometry, Polygon, Properties } from '../types';
import { auditTbmj } from './audit-tbmj';
import { ellipsoidalAreaFunction } from './ellipsoidal-area';

const crs = gaussKrugerCrs({ datum: 'CGCS2000', width: 3, zone: 39, prefixed: true });
// The 100 m square 50 km east of the CM: planar 10000, ellipsoidal 9999.3824 (docs/methods/sandiao-data.md §6.1).
const square: Polygon = { type: 'Polygon', coordinates: [[[39_550_000, 3_500_000], [39_550_100, 3_500_000], [39_550_100, 3_500_100], [39_550_000, 3_500_100], [39_550_000, 3_500_000]]] };
// T2 pentagon: ellipsoidal 12183.1330, planar 12184.2599.
const pentagon: Polygon = { type: 'Polygon', coordinates: [[[39438683.652, 3751508.512], [39438790.152, 3751508.512], [39438790.15, 3751402.1], [39438720, 3751380], [39438683.652, 3751420], [39438683.652, 3751508.512]]] };
// A triangle with a 400 m east–west edge 150 km from the CM: without Step 0 its area is off by ~0.5 m².
const triangle: Polygon = { type: 'Polygon', coordinates: [[[39_650_000, 3_500_000], [39_650_400, 3_500_000], [39_650_000, 3_500_300], [39_650_000, 3_500_000]]] };

const parcel = (geometry: Geometry | null, properties: Properties, id: number): Feature => ({ type: 'Feature', id, geometry, properties });

describe('TBMJ audit', () => {
  const undensified = ellipsoidalAreaFunction(crs, { densifyM: null })(triangle);
  const densified = ellipsoidalAreaFunction(crs)(triangle);
  const features = [
    parcel(square, { TBMJ: 9999.38 }, 0), // ellipsoidal 9999.3824: −0.0024, within 0.01
    parcel(square, { TBMJ: 10000 }, 1), // the planar area
    parcel(square, { TBMJ: 0.9999 }, 2), // hectares: 0.9999 ha = 9999 m², 0.38 m² off — within half a unit of 4 decimals
    parcel(pentagon, { TBMJ: 18.27 }, 3), // mu: 12183.133 m² / 666.667 = 18.2747 → 18.27 mu = 12180.0 m²
    parcel(pentagon, { 图斑面积: '12183.13' }, 4), // as a string under the Chinese field name: −0.003
    parcel(triangle, { TBMJ: Number(undensified.toFixed(2)) }, 5), // a producer without Step 0
    parcel(square, { DLBM: '0101' }, 6), // no TBMJ
    parcel(null, { TBMJ: 1 }, 7), // no geometry: not counted as checked
    parcel(square, { TBMJ: 9999.43 }, 8), // +0.0476: beyond 0.01, within 0.01 + 5e-6 × 9999 = 0.06
  ];

  it('flags deviations beyond 0.01 m² and names their likely cause', () => {
    expect(Math.abs(undensified - densified)).toBeGreaterThan(0.1); // the precondition of parcel 5
    const { rows, summary } = auditTbmj(features, crs);
    const byIndex = new Map(rows.map((r) => [r.index, r]));
    expect(byIndex.get(0)).toEqual(expect.objectContaining({ flagged: false, cause: null }));
    expect(byIndex.get(0)!.deviationM2).toBeCloseTo(9999.38 - 9999.3824, 3);
    expect(byIndex.get(1)).toEqual(expect.objectContaining({ flagged: true, cause: 'planar', planarAreaM2: 10000 }));
    expect(byIndex.get(2)).toEqual(expect.objectContaining({ flagged: true, cause: 'hectares' }));
    expect(byIndex.get(3)).toEqual(expect.objectContaining({ flagged: true, cause: 'mu' }));
    expect(byIndex.get(4)).toEqual(expect.objectContaining({ flagged: false, tbmj: 12183.13 }));
    expect(byIndex.get(5)).toEqual(expect.objectContaining({ flagged: true, cause: 'undensified' }));
    expect(byIndex.get(8)).toEqual(expect.objectContaining({ flagged: true, cause: 'unknown' }));
    expect(summary).toEqual(expect.objectContaining({ features: 9, checked: 7, missingTbmj: 1, geometryErrors: 0, flagged: 5 }));
    expect(summary.causes).toEqual({ planar: 1, undensified: 1, hectares: 1, mu: 1, unknown: 1 });
    // No cause covers half of the flagged parcels.
    expect(summary.likelyCause).toBeNull();
    // The largest deviation is the stored number against the area, whatever its unit: parcel 3, 18.27 − 12183.133.
    expect(summary.maxDeviationIndex).toBe(3);
    expect(summary.maxDeviationM2).toBeCloseTo(18.27 - 12183.133, 3);
  });

  it('accepts a relative tolerance on top of the absolute one', () => {
    const { rows } = auditTbmj([features[8]], crs, { relativeTolerance: 5e-6 });
    expect(rows[0].flagged).toBe(false);
  });

  it('says "TBMJ looks like planar area" when that explains most deviations', () => {
    const planar = [parcel(square, { TBMJ: 10000 }, 0), parcel(pentagon, { TBMJ: 12184.26 }, 1), parcel(square, { TBMJ: 9999.38 }, 2)];
    expect(auditTbmj(planar, crs).summary.likelyCause).toBe('TBMJ_LOOKS_PLANAR');
  });

  it('counts parcels whose geometry cannot be measured instead of failing', () => {
    const outside = parcel({ type: 'Polygon', coordinates: [[[550_000, 3_500_000], [550_100, 3_500_000], [550_100, 3_500_100], [550_000, 3_500_000]]] }, { TBMJ: 5000 }, 0);
    expect(auditTbmj([outside], crs).summary.geometryErrors).toBe(1);
  });
});
