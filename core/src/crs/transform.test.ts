import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Polygon } from '../types';
import { crsFromEpsg } from './crs-from-epsg';
import { crsFromUserInput } from './crs-from-user-input';
import { createTransform, transformGeometry } from './transform';

/** PROJ's results for 225 points over 15 CRS pairs (core/fixtures/prj/make-transform-fixture.py). */
const cases: { from: string; to: string; operation: string; points: [number, number, number, number][] }[] = JSON.parse(
  readFileSync(new URL('../../fixtures/prj/transform-expected.json', import.meta.url), 'utf8'),
);

/** 1 mm, in the target's units: metres, or degrees (1 mm ≈ 9e-9° of latitude). */
const tolerance = (crsKind: string) => (crsKind === 'geographic' ? 9e-9 : 1e-3);

describe('createTransform agrees with PROJ to 1 mm', () => {
  for (const c of cases) {
    it(`${c.from.slice(0, 24)} → ${c.to} (${c.operation.includes('Ballpark') ? 'null datum shift' : c.operation.includes('Transformation') ? 'Helmert' : 'same datum'})`, () => {
      const t = createTransform(crsFromUserInput(c.from), crsFromUserInput(c.to));
      const tol = tolerance(t.to.kind);
      const back = tolerance(t.from.kind);
      for (const [x, y, tx, ty] of c.points) {
        const [ox, oy] = t.forward([x, y]);
        expect(Math.abs(ox - tx), `x of ${x}, ${y}`).toBeLessThan(tol);
        expect(Math.abs(oy - ty), `y of ${x}, ${y}`).toBeLessThan(tol);
        const [bx, by] = t.inverse([tx, ty]);
        expect(Math.abs(bx - x), `inverse x of ${tx}, ${ty}`).toBeLessThan(back);
        expect(Math.abs(by - y), `inverse y of ${tx}, ${ty}`).toBeLessThan(back);
      }
    });
  }
});

describe('datum shifts are reported honestly', () => {
  const crs = (code: number) => crsFromEpsg(code)!;
  it('same datum: none', () => {
    const t = createTransform(crs(4527), crs(4528));
    expect([t.datumShift, t.approximate]).toEqual(['none', false]);
  });
  it('CGCS2000 ↔ WGS 84: a null shift PROJ calls ballpark, sub-metre, not flagged', () => {
    const t = createTransform(crs(4528), crs(3857));
    expect([t.datumShift, t.approximate]).toEqual(['null', false]);
  });
  it('Xian 1980 / Beijing 1954 → CGCS2000 without parameters: a null shift, flagged approximate', () => {
    for (const [from, to] of [[2364, 4490], [21420, 4528], [4490, 4214], [2364, 4326]]) {
      const t = createTransform(crs(from), crs(to));
      expect([t.datumShift, t.approximate], `${from} → ${to}`).toEqual(['null', true]);
    }
  });
  it('with the user’s seven parameters: Helmert, exact to CGCS2000 / WGS 84', () => {
    const shifted = crsFromUserInput('+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +a=6378140 +rf=298.257 +towgs84=24.1,-63.7,-12.9,0.5,-1.2,2.1,-3.3 +units=m +no_defs');
    expect(shifted.epsg).toBe(2364);
    const t = createTransform(shifted, crs(4490));
    expect([t.datumShift, t.approximate]).toEqual(['helmert', false]);
    expect(createTransform(shifted, crs(4214)).approximate).toBe(true);
  });
});

describe('transformGeometry', () => {
  it('transforms every ring of a polygon and keeps z', () => {
    const square: Polygon = { type: 'Polygon', coordinates: [[[40500000, 3400000, 12], [40500100, 3400000, 12], [40500100, 3400100, 13], [40500000, 3400000, 12]]] };
    const t = createTransform(crsFromEpsg(4528)!, crsFromEpsg(4549)!);
    const out = transformGeometry(square, t);
    // Prefixed → un-prefixed on the same CM: eastings lose 40 000 000, northings are unchanged.
    expect(out.coordinates[0].map((p) => [Math.round((p[0] + 40_000_000) * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6, p[2]])).toEqual(square.coordinates[0]);
    expect(transformGeometry(out, t, 'inverse').coordinates[0][1][0]).toBeCloseTo(40500100, 6);
  });
  it('names the position it cannot transform', () => {
    const t = createTransform(crsFromEpsg(4490)!, crsFromEpsg(3857)!);
    let code: string | undefined;
    try {
      transformGeometry({ type: 'Point', coordinates: [120, 95] }, t);
    } catch (e) {
      code = (e as { code: string }).code;
    }
    expect(code).toBe('CRS_TRANSFORM_FAILED');
  });
});
