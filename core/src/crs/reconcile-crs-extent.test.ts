import { describe, expect, it } from 'vitest';
import { formatMessage } from '../messages/index';
import type { Extent } from '../types';
import { crsFromEpsg } from './crs-from-epsg';
import { reconcileCrsWithExtent } from './reconcile-crs-extent';

const crs = (code: number) => crsFromEpsg(code)!;
/** A 2 km × 1 km block near 30.7°N, 1 km east of the CM, with or without the zone prefix. */
const block = (prefix: number): Extent => [prefix * 1e6 + 501000, 3400000, prefix * 1e6 + 503000, 3401000];

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('reconcileCrsWithExtent', () => {
  it('keeps a CRS that fits', () => {
    expect(reconcileCrsWithExtent(crs(4528), block(40))).toEqual({ crs: crs(4528) });
    expect(reconcileCrsWithExtent(crs(4549), block(0))).toEqual({ crs: crs(4549) });
    expect(reconcileCrsWithExtent(crs(21420), block(20))).toEqual({ crs: crs(21420) });
    expect(reconcileCrsWithExtent(crs(4490), [118, 30, 119, 31])).toEqual({ crs: crs(4490) });
    expect(reconcileCrsWithExtent(crs(4528), null)).toEqual({ crs: crs(4528) });
  });

  it('.prj without prefix, data with prefix 40 → zone 40 with prefix, and a warning', () => {
    const r = reconcileCrsWithExtent(crs(4549), block(40), 'DLTB.shp');
    expect(r.crs).toEqual(crs(4528));
    expect(r.warning?.code).toBe('CRS_ZONE_PREFIX_ADDED');
    expect(formatMessage(r.warning!.code, r.warning!.details, 'en')).toBe(
      'DLTB.shp: the CRS (CGCS2000 / 3-degree Gauss-Kruger CM 120E) has no zone number in the easting, but the eastings start with zone 40; read as CGCS2000 / 3-degree Gauss-Kruger zone 40 (EPSG:4528)',
    );
    expect(formatMessage(r.warning!.code, r.warning!.details, 'zh')).toContain('带号 40');
  });

  it('.prj says zone 39, data are in zone 40 → zone 40', () => {
    const r = reconcileCrsWithExtent(crs(4527), block(40), 'DLTB.shp');
    expect(r.crs).toEqual(crs(4528));
    expect(r.warning?.code).toBe('CRS_ZONE_MISMATCH');
    expect(formatMessage(r.warning!.code, r.warning!.details, 'en')).toBe(
      'DLTB.shp: the CRS says zone 39 but the eastings carry zone number 40; read as CGCS2000 / 3-degree Gauss-Kruger zone 40 (EPSG:4528)',
    );
  });

  it('a 6° Beijing 1954 .prj with eastings of 3° zone 38 → the 3° zone, same datum', () => {
    const r = reconcileCrsWithExtent(crs(21420), block(38));
    expect(r.crs.epsg).toBe(2414);
    expect(r.warning?.code).toBe('CRS_ZONE_MISMATCH');
  });

  it('.prj with prefix, data without → the same CM without prefix', () => {
    const r = reconcileCrsWithExtent(crs(4528), block(0));
    expect(r.crs).toEqual(crs(4549));
    expect(r.warning?.code).toBe('CRS_ZONE_PREFIX_REMOVED');
    expect(reconcileCrsWithExtent(crs(2364), block(0)).crs.epsg).toBe(2385);
  });

  it('refuses coordinates no layer in that CRS can have', () => {
    expect(codeOf(() => reconcileCrsWithExtent(crs(4528), [1e12, 3400000, 1e12 + 5, 3400100]))).toBe('CRS_COORDINATES_ABSURD');
    expect(codeOf(() => reconcileCrsWithExtent(crs(4490), [118, 30, 200, 31]))).toBe('CRS_COORDINATES_ABSURD');
    expect(codeOf(() => reconcileCrsWithExtent(crs(4490), block(40)))).toBe('CRS_COORDINATES_ABSURD');
    expect(codeOf(() => reconcileCrsWithExtent(crs(4528), [120.1, 30.2, 120.3, 30.4]))).toBe('CRS_COORDINATES_ABSURD');
    expect(codeOf(() => reconcileCrsWithExtent(crs(4528), [5_500_000, 3400000, 5_600_000, 3400100]))).toBe('CRS_COORDINATES_ABSURD');
    expect(codeOf(() => reconcileCrsWithExtent(crs(4528), block(50)))).toBe('CRS_COORDINATES_ABSURD');
    expect(codeOf(() => reconcileCrsWithExtent(crs(4528), [40501000, 3e7, 40502000, 3e7 + 10]))).toBe('CRS_COORDINATES_ABSURD');
    expect(codeOf(() => reconcileCrsWithExtent(crs(3857), [0, 0, 1e9, 10]))).toBe('CRS_COORDINATES_ABSURD');
  });

  it('refuses eastings that span zones, or mix prefixed and plain', () => {
    expect(codeOf(() => reconcileCrsWithExtent(crs(4528), [39_700_000, 3400000, 40_300_000, 3400100]))).toBe('CRS_ZONES_MIXED');
    expect(codeOf(() => reconcileCrsWithExtent(crs(4528), [500_000, 3400000, 40_300_000, 3400100]))).toBe('CRS_ZONES_MIXED');
  });

  it('says why in one line, in both languages, naming --crs', () => {
    let error: { code: string; details: Record<string, unknown> } | undefined;
    try {
      reconcileCrsWithExtent(crs(4528), [1e12, 3400000, 1e12 + 5, 3400100], 'DLTB.shp');
    } catch (e) {
      error = e as typeof error;
    }
    expect(formatMessage('CRS_COORDINATES_ABSURD', error!.details, 'en')).toBe(
      'DLTB.shp: the coordinate range [1000000000000, 3400000, 1000000000005, 3400100] cannot be in CGCS2000 / 3-degree Gauss-Kruger zone 40 (coordinates more than 100 000 km from the origin); check the data or give the right CRS with --crs',
    );
    expect(formatMessage('CRS_COORDINATES_ABSURD', error!.details, 'zh')).toMatch(/--crs/);
  });
});
