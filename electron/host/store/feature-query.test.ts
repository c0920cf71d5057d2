import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geometryExtent, type Extent, type Feature } from '#core';
import { makeParcels } from '../../../test/store/parcels';
import type { ProjectStore } from './project-store';
import { addParcels, createTestProject } from './test-project';

let store: ProjectStore;
let id: string;
const input: Feature[] = [...makeParcels({ count: 400 })];

beforeAll(() => {
  store = createTestProject();
  id = addParcels(store, 400, { batchSize: 64 });
});
afterAll(() => store.close());

describe('features by bounding box (R-tree)', () => {
  const intersects = (a: Extent, b: Extent): boolean => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

  it.each([
    ['a small window', [40500500, 3385500, 40500700, 3385650]],
    ['a window outside the layer', [0, 0, 10, 10]],
    ['the whole layer', [40000000, 3000000, 41000000, 4000000]],
    ['a thin strip', [40500900, 3384000, 40500901, 3390000]],
  ] as [string, Extent][])('%s: the same ids as a brute-force bbox test', (_name, bbox) => {
    const got = store.layers.featuresInBbox(id, bbox).map((f) => f.id);
    // The R-tree stores float32 boxes rounded outwards (a few metres at 4e7 m): compare with a brute force that
    // allows the same rounding, and require every exact hit to be found.
    const exact = input.filter((f) => intersects(geometryExtent(f.geometry!)!, bbox)).map((f) => Number(f.id) + 1);
    const loose = input.filter((f) => intersects(geometryExtent(f.geometry!)!, [bbox[0] - 8, bbox[1] - 8, bbox[2] + 8, bbox[3] + 8])).map((f) => Number(f.id) + 1);
    expect(got).toEqual(expect.arrayContaining(exact));
    expect(loose).toEqual(expect.arrayContaining(got as number[]));
  });

  it('returns whole features with geometry and respects a limit', () => {
    const [f] = store.layers.featuresInBbox(id, [40500000, 3385000, 40500010, 3385010], 1);
    expect(f).toMatchObject({ type: 'Feature', id: 1, properties: input[0].properties });
    expect(f.geometry).toEqual({ type: 'MultiPolygon', coordinates: [input[0].geometry!.coordinates] });
  });
});

describe('attribute table queries', () => {
  const byClass = (codes: string[]): number[] => input.filter((f) => codes.includes(f.properties.DLBM as string)).map((f) => Number(f.id) + 1);

  it('pages in id order with the total', () => {
    const page = store.layers.query(id, { offset: 390, limit: 20 });
    expect(page.total).toBe(400);
    expect(page.rows.map((r) => r.id)).toEqual([391, 392, 393, 394, 395, 396, 397, 398, 399, 400]);
    expect(page.rows[0].properties).toEqual(input[390].properties);
  });

  it('filters by land class (equality and IN)', () => {
    const eq = store.layers.query(id, { filters: [{ field: 'DLBM', op: 'eq', value: '0101' }], limit: 10000 });
    expect(eq.rows.map((r) => r.id)).toEqual(byClass(['0101']));
    expect(eq.total).toBe(byClass(['0101']).length);
    const within = store.layers.query(id, { filters: [{ field: 'DLBM', op: 'in', values: ['0301', '0305'] }], limit: 10000 });
    expect(within.rows.map((r) => r.id)).toEqual(byClass(['0301', '0305']));
  });

  it('filters by text contained in a field, with Chinese text', () => {
    const page = store.layers.query(id, { filters: [{ field: 'DLMC', op: 'contains', text: '林' }], limit: 10000 });
    expect(page.rows.map((r) => r.id)).toEqual(input.filter((f) => (f.properties.DLMC as string).includes('林')).map((f) => Number(f.id) + 1));
  });

  it('combines filters, sorts descending with ties broken by id, and pages', () => {
    const q = { filters: [{ field: 'DLBM', op: 'in' as const, values: ['0101', '0103'] }, { field: 'SFJBNT', op: 'eq' as const, value: true }], sort: { field: 'TBMJ', direction: 'desc' as const } };
    const all = store.layers.query(id, { ...q, limit: 10000 }).rows;
    const expected = input
      .filter((f) => ['0101', '0103'].includes(f.properties.DLBM as string) && f.properties.SFJBNT === true)
      .sort((a, b) => (b.properties.TBMJ as number) - (a.properties.TBMJ as number) || Number(a.id) - Number(b.id))
      .map((f) => Number(f.id) + 1);
    expect(all.map((r) => r.id)).toEqual(expected);
    expect(store.layers.query(id, { ...q, offset: 5, limit: 5 }).rows.map((r) => r.id)).toEqual(expected.slice(5, 10));
  });

  it('rejects unknown fields and bad paging with catalogued errors', () => {
    expect(() => store.layers.query(id, { filters: [{ field: 'NOPE', op: 'eq', value: 1 }] })).toThrow(expect.objectContaining({ code: 'FIELD_NOT_FOUND', details: { layer: 'DLTB', field: 'NOPE' } }));
    expect(() => store.layers.query(id, { sort: { field: 'x"; DROP TABLE DLTB; --', direction: 'asc' } })).toThrow(expect.objectContaining({ code: 'FIELD_NOT_FOUND' }));
    expect(() => store.layers.query(id, { limit: 1e6 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => store.layers.query(id, { offset: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('a feature by id, and FEATURE_NOT_FOUND for a missing one', () => {
    expect(store.layers.feature(id, 17).properties).toEqual(input[16].properties);
    expect(() => store.layers.feature(id, 401)).toThrow(expect.objectContaining({ code: 'FEATURE_NOT_FOUND' }));
  });

  it('layer fields keep the source definitions and the extent covers every feature', () => {
    expect(store.layers.fields(id).map((f) => [f.name, f.type, f.width])).toEqual([
      ['BSM', 'string', 18], ['TBBH', 'string', 8], ['DLBM', 'string', 5], ['DLMC', 'string', 60],
      ['TBMJ', 'number', 18], ['SJNF', 'integer', 4], ['GXSJ', 'date', 8], ['SFJBNT', 'boolean', 1],
    ]);
    const all = input.map((f) => geometryExtent(f.geometry!)!);
    expect(store.layers.extent(id)).toEqual([Math.min(...all.map((e) => e[0])), Math.min(...all.map((e) => e[1])), Math.max(...all.map((e) => e[2])), Math.max(...all.map((e) => e[3]))]);
  });
});
