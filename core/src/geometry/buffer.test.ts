import { readFileSync } from 'node:fs';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { expectGolden, goldenCases, readInput, round, roundGeometry } from '../../fixtures/buffer/golden';
import { gaussKrugerCrs, knownCrsFromEpsg } from '../crs/zone-table';
import type { Feature, Geometry, PolygonalGeometry, Position, Ring } from '../types';
import { bufferM, impactRing, quadrantSegmentsFor } from './buffer';
import { ellipsoidalAreaM2 } from './ellipsoidal-area';
import { planarAreaM2 } from './planar-area';

const DIR = new URL('../../fixtures/buffer/', import.meta.url);

function rings(g: Geometry): Ring[] {
  if (g.type === 'Polygon') return g.coordinates;
  if (g.type === 'MultiPolygon') return g.coordinates.flat();
  throw new Error(`not polygonal: ${g.type}`);
}

/** Distance from (px, py) to segment (a, b). */
function segmentDistance(px: number, py: number, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - a[0]) * dx + (py - a[1]) * dy) / len2));
  return Math.hypot(px - (a[0] + t * dx), py - (a[1] + t * dy));
}

/** Distance from a point to the boundary of a polygon (the buffer's points all lie outside the input). */
function distanceToBoundary(px: number, py: number, g: Geometry): number {
  let best = Infinity;
  for (const r of rings(g)) for (let i = 0; i + 1 < r.length; i++) best = Math.min(best, segmentDistance(px, py, r[i], r[i + 1]));
  return best;
}

/** Directed Hausdorff distance from the boundary vertices (and edge midpoints) of a to the boundary of b. */
function directedHausdorff(a: Geometry, b: Geometry): number {
  let worst = 0;
  for (const r of rings(a)) {
    for (let i = 0; i + 1 < r.length; i++) {
      worst = Math.max(worst, distanceToBoundary(r[i][0], r[i][1], b));
      worst = Math.max(worst, distanceToBoundary((r[i][0] + r[i + 1][0]) / 2, (r[i][1] + r[i + 1][1]) / 2, b));
    }
  }
  return worst;
}

interface GeosReference {
  distanceM: number;
  quadrantSegments: number;
  bufferAreaM2: number;
  ringAreaM2: number;
  buffer: Geometry;
}

describe('buffer goldens (core/fixtures/buffer)', () => {
  for (const name of goldenCases(DIR)) {
    const input = readInput(DIR, name).features[0] as Feature<PolygonalGeometry>;
    const { epsg, distanceM } = input.properties as { epsg: number; distanceM: number };
    const crs = knownCrsFromEpsg(epsg)!;
    const geographic = crs.kind === 'geographic';
    const decimals = geographic ? 11 : 6;

    describe(name, () => {
      const buffer = bufferM(input.geometry, distanceM, crs);
      const ring = impactRing(input.geometry, distanceM, crs);

      it('matches the golden output (REGEN=1 rewrites it)', () => {
        const measured = (g: PolygonalGeometry) => ({
          planarAreaM2: geographic ? null : round(planarAreaM2(g), 6),
          ellipsoidalAreaM2: round(ellipsoidalAreaM2(g, crs), 6),
        });
        expectGolden(DIR, name, {
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', properties: { role: 'red line', stroke: '#e31a1c', 'stroke-width': 2, 'fill-opacity': 0, ...measured(input.geometry) }, geometry: input.geometry },
            { type: 'Feature', properties: { role: 'buffer', distanceM, quadrantSegments: quadrantSegmentsFor(distanceM), stroke: '#1f78b4', 'fill-opacity': 0.05, ...measured(buffer) }, geometry: roundGeometry(buffer, decimals) },
            { type: 'Feature', properties: { role: 'impact ring', stroke: '#33a02c', fill: '#33a02c', 'fill-opacity': 0.2, ...measured(ring) }, geometry: roundGeometry(ring, decimals) },
          ],
        }, 1.5 * 10 ** -decimals);
      });

      it('puts every vertex at the distance and every chord within 0.01 m of the true circle', () => {
        // Measured in the plane the buffer was made in: the layer's own, or CGCS2000 3° GK CM 117°E for lon/lat.
        const toPlane = geographic ? proj4(crs.proj4, gaussKrugerCrs({ datum: 'CGCS2000', width: 3, zone: 39, prefixed: false }).proj4).forward : (p: number[]) => p;
        const plane = (g: Geometry): Geometry => ({ type: 'MultiPolygon', coordinates: rings(g).map((r) => [r.map((p) => toPlane([p[0], p[1]]))]) });
        const red = plane(input.geometry);
        const buf = plane(buffer);
        let nearest = Infinity;
        let farthest = 0;
        let chordSag = 0;
        for (const r of rings(buf)) {
          for (let i = 0; i + 1 < r.length; i++) {
            const d = distanceToBoundary(r[i][0], r[i][1], red);
            nearest = Math.min(nearest, d);
            farthest = Math.max(farthest, d);
            const mid = distanceToBoundary((r[i][0] + r[i + 1][0]) / 2, (r[i][1] + r[i + 1][1]) / 2, red);
            chordSag = Math.max(chordSag, distanceM - mid);
          }
        }
        // Arc vertices lie on the true circle (to rounding; the geographic case also goes through proj4 twice).
        // Where two arcs cross, the crossing of their chords is a vertex inside both circles, by less than a
        // chord's sagitta — so every vertex is within 0.01 m, and so is every chord's midpoint.
        const rounding = geographic ? 1e-5 : 1e-6;
        expect(Math.abs(farthest - distanceM)).toBeLessThan(rounding);
        expect(distanceM - nearest).toBeLessThanOrEqual(0.01);
        expect(chordSag).toBeLessThanOrEqual(0.01);
      });

      it('red line + impact ring = buffer (areas)', () => {
        expect(Math.abs(planarAreaM2(ring) + planarAreaM2(input.geometry) - planarAreaM2(buffer))).toBeLessThan(1e-12 * planarAreaM2(buffer) + 1e-9);
      });

      if (!geographic) {
        const geos: GeosReference = JSON.parse(readFileSync(new URL(`geos/${name}.json`, DIR), 'utf8'));
        it('agrees with GEOS (core/fixtures/buffer/make-geos-reference.py)', () => {
          expect(geos.quadrantSegments).toBe(quadrantSegmentsFor(distanceM));
          const hausdorff = Math.max(directedHausdorff(buffer, geos.buffer), directedHausdorff(geos.buffer, buffer));
          expect(Math.abs(planarAreaM2(buffer) - geos.bufferAreaM2)).toBeLessThan(1e-9 * geos.bufferAreaM2);
          expect(Math.abs(planarAreaM2(ring) - geos.ringAreaM2)).toBeLessThan(1e-9 * geos.bufferAreaM2);
          expect(hausdorff).toBeLessThan(1e-6);
        });
      }
    });
  }
});

describe('buffer areas against the exact value of the inscribed polygonal arcs (hand-computed)', () => {
  // Steiner: the buffer of a polygon has area A + P·d + Σ(convex corners) θ·d²/2 − Σ(reflex corners) d²·tan(β/2),
  // while d is small enough that offsets of non-adjacent edges do not meet. JTS approximates each corner arc of angle θ
  // by n = θ/θq chords (θq = (π/2)/q; θ = π/2 gives n = q), which enclose (d²/2)·n·sin(θ/n) instead of θ·d²/2.
  const crs = gaussKrugerCrs({ datum: 'CGCS2000', width: 3, zone: 39, prefixed: true });
  const polygon = (...rs: number[][][]): PolygonalGeometry => ({ type: 'Polygon', coordinates: rs.map((r) => [...r, r[0]].map(([x, y]) => [39_500_000 + x, 3_500_000 + y])) });
  const corner = (d: number, q: number) => ((d * d) / 2) * q * Math.sin(Math.PI / 2 / q);

  it('100 m square, 1 km: 10000 + 400·1000 + 4·(1000²/2)·264·sin(π/528) = 3 551 574.117004 m²', () => {
    // q = 264 (quadrantSegmentsFor(1000)); 4 corners of π/2 → 2·264·1e6·sin(π/528) = 3 141 574.117004;
    // the true circle would add π·1e6 = 3 141 592.653590, 18.54 m² more: the chords lie inside it by ≤ 0.01 m.
    const q = quadrantSegmentsFor(1000);
    expect(q).toBe(264);
    const expected = 10_000 + 400 * 1000 + 4 * corner(1000, q);
    expect(expected).toBeCloseTo(3_551_574.117004, 5);
    expect(planarAreaM2(bufferM(polygon([[0, 0], [100, 0], [100, 100], [0, 100]]), 1000, crs))).toBeCloseTo(expected, 5);
  });

  it('400 × 150 m rectangle, 1 km: 60000 + 1100·1000 + 4·corner(1000, 264) = 4 301 574.117004 m²', () => {
    // The four corner arcs are those of the square above (2·264·1e6·sin(π/528) = 3 141 574.117004 m²).
    const expected = 60_000 + 1100 * 1000 + 4 * corner(1000, 264);
    expect(expected).toBeCloseTo(4_301_574.117004, 5);
    expect(planarAreaM2(bufferM(polygon([[0, 0], [400, 0], [400, 150], [0, 150]]), 1000, crs))).toBeCloseTo(expected, 5);
  });

  it('L-shape, 50 m (one reflex corner): 60000 + 1400·50 + 5·corner − 50²·tan(π/4)', () => {
    // A = 300·100 + 100·300 = 60 000 m², P = 300 + 100 + 200 + 300 + 100 + 400 = 1400 m; q = quadrantSegmentsFor(50) = 59;
    // five convex corners of π/2 and one reflex corner of β = π/2, whose two offset strips overlap by d²·tan(π/4) = 2500.
    const q = quadrantSegmentsFor(50);
    expect(q).toBe(59);
    const expected = 60_000 + 1400 * 50 + 5 * corner(50, q) - 2500;
    const l = polygon([[0, 0], [300, 0], [300, 100], [100, 100], [100, 400], [0, 400]]);
    expect(planarAreaM2(bufferM(l, 50, crs))).toBeCloseTo(expected, 5);
  });

  it('rectangle with a hole, 30 m: the outer ring grows, the 100 m hole shrinks to 40 m', () => {
    // Outer 300 × 200: 60000 + 1000·30 + 4·corner(30, 46); the hole's corners are reflex from the buffer's side, so it
    // shrinks with straight corners to (100 − 60)² = 1600 m².
    const q = quadrantSegmentsFor(30);
    expect(q).toBe(46);
    const expected = 60_000 + 1000 * 30 + 4 * corner(30, q) - 1600;
    const holed = polygon([[0, 0], [300, 0], [300, 200], [0, 200]], [[100, 50], [100, 150], [200, 150], [200, 50]]);
    expect(planarAreaM2(bufferM(holed, 30, crs))).toBeCloseTo(expected, 5);
    // The impact ring of the holed red line = buffer − red line = expected − (60000 − 10000).
    expect(planarAreaM2(impactRing(holed, 30, crs))).toBeCloseTo(expected - 50_000, 5);
  });
});

describe('buffer: bad input', () => {
  const crs = gaussKrugerCrs({ datum: 'CGCS2000', width: 3, zone: 39, prefixed: true });
  const square: PolygonalGeometry = { type: 'Polygon', coordinates: [[[39_500_000, 3_500_000], [39_500_100, 3_500_000], [39_500_100, 3_500_100], [39_500_000, 3_500_100], [39_500_000, 3_500_000]]] };

  it('rejects distances that are not in (0, 100 km]', () => {
    for (const d of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, 100_001]) {
      expect(() => bufferM(square, d, crs), String(d)).toThrow(expect.objectContaining({ code: 'BUFFER_DISTANCE_INVALID' }));
    }
  });

  it('refuses to buffer an invalid red line and says where it is broken', () => {
    const bowtie: PolygonalGeometry = { type: 'Polygon', coordinates: [[[39_500_000, 3_500_000], [39_500_100, 3_500_100], [39_500_100, 3_500_000], [39_500_000, 3_500_100], [39_500_000, 3_500_000]]] };
    expect(() => bufferM(bowtie, 1000, crs)).toThrow(expect.objectContaining({ code: 'REDLINE_TOPOLOGY_INVALID', details: expect.objectContaining({ x: 39_500_050, y: 3_500_050 }) }));
  });

  it('rejects lines and empty polygons', () => {
    expect(() => bufferM({ type: 'LineString', coordinates: [[0, 0], [1, 1]] } as unknown as PolygonalGeometry, 10, crs)).toThrow(expect.objectContaining({ code: 'GEOMETRY_NOT_POLYGONAL' }));
    expect(() => bufferM({ type: 'Polygon', coordinates: [] }, 10, crs)).toThrow(expect.objectContaining({ code: 'REDLINE_EMPTY' }));
  });
});
