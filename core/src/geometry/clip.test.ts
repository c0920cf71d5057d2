import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectGolden, goldenCases, readInput, round, roundGeometry } from '../../fixtures/buffer/golden';
import { knownCrsFromEpsg } from '../crs/zone-table';
import type { Feature, FeatureCollection, Geometry, PolygonalGeometry, Progress } from '../types';
import { bufferM, impactRing } from './buffer';
import { clipToZones, type ClipPiece } from './clip';
import { ellipsoidalAreaM2 } from './ellipsoidal-area';
import { planarAreaM2 } from './planar-area';
import { indexParcels } from './parcel-index';

const DIR = new URL('../../fixtures/clip/', import.meta.url);

interface GdalRow {
  index: number;
  BSM: string;
  valid: boolean | null;
  redline: number | null;
  buffer: number | null;
  outer: number | null;
}

function loadCase(name: string) {
  const doc = readInput(DIR, name) as FeatureCollection & { params: { epsg: number; distanceM: number } };
  const crs = knownCrsFromEpsg(doc.params.epsg)!;
  const redline = doc.features.find((f) => f.properties.role === 'redline')!.geometry as PolygonalGeometry;
  const parcels = doc.features.filter((f) => f.properties.role === 'parcel') as Feature<Geometry | null>[];
  const ring = impactRing(redline, doc.params.distanceM, crs);
  const zones = [{ name: 'redline', geometry: redline }, { name: 'buffer', geometry: ring }];
  return { crs, redline, ring, parcels, zones, distanceM: doc.params.distanceM };
}

/** Σ of a measure of the pieces of one parcel in one zone (0 when there is none). */
function sumPieces(pieces: ClipPiece[], parcel: number, zone: string, measure: (p: ClipPiece) => number): number {
  return pieces.filter((p) => p.parcelIndex === parcel && p.zone === zone).reduce((s, p) => s + measure(p), 0);
}

describe('clip goldens (core/fixtures/clip)', () => {
  for (const name of goldenCases(DIR)) {
    describe(name, () => {
      const { crs, redline, ring, parcels, zones, distanceM } = loadCase(name);
      const geographic = crs.kind === 'geographic';
      const decimals = geographic ? 11 : 6;
      const result = clipToZones(parcels, zones, { crs, idField: 'BSM' });

      it('matches the golden output (REGEN=1 rewrites it)', () => {
        const colour: Record<string, string> = { redline: '#e31a1c', buffer: '#1f78b4' };
        expectGolden(DIR, name, {
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', properties: { role: 'zone', zone: 'redline', stroke: colour.redline, 'stroke-width': 2, 'fill-opacity': 0 }, geometry: redline },
            { type: 'Feature', properties: { role: 'zone', zone: 'buffer', stroke: colour.buffer, 'stroke-width': 2, 'fill-opacity': 0 }, geometry: roundGeometry(ring, decimals) },
            ...result.pieces.map((p): Feature => ({
              type: 'Feature',
              properties: {
                role: 'piece', parcelIndex: p.parcelIndex, parcelId: p.parcelId, zone: p.zone, wasClipped: p.wasClipped,
                planarAreaM2: p.planarAreaM2 === null ? null : round(p.planarAreaM2, 6), ellipsoidalAreaM2: round(p.ellipsoidalAreaM2, 6),
                stroke: '#333333', fill: colour[p.zone], 'fill-opacity': p.wasClipped ? 0.5 : 0.25,
              },
              geometry: roundGeometry(p.geometry, decimals),
            })),
            {
              type: 'Feature', geometry: null,
              properties: {
                role: 'summary', distanceM, parcels: result.stats.parcels, withoutGeometry: result.stats.withoutGeometry, candidates: result.stats.candidates,
                inside: result.stats.inside, boundary: result.stats.boundary, clipped: result.stats.clipped, droppedPieces: result.stats.droppedPieces,
                droppedAreaM2: round(result.stats.droppedAreaM2, 6), issues: result.issues.map((i) => `${i.code}@${i.parcelIndex}`).join(' '),
              },
            },
          ],
        }, 1.5 * 10 ** -decimals);
      });

      it('partitions every parcel: Σ red-line pieces + Σ ring pieces = the parcel inside the whole buffer', () => {
        const outer = bufferM(redline, distanceM, crs);
        const keepAll = clipToZones(parcels, zones, { crs, minPieceAreaM2: 0 });
        const whole = clipToZones(parcels, [{ name: 'outer', geometry: outer }], { crs, minPieceAreaM2: 0 });
        // Invalid parcels (the bow-tie) have no well-defined area; they are reported instead (see below).
        const invalid = new Set(keepAll.issues.filter((i) => i.code === 'CLIP_PARCEL_INVALID').map((i) => i.parcelIndex));
        // Plane areas (degrees² for lon/lat) add up exactly, to rounding. Ellipsoidal areas add up to the method's own
        // resolution: Step 0 samples every edge at ≤ 10 m, so splitting an edge where a zone boundary crosses it moves
        // the sample points and the area by up to ~1e-5 m² (§6.1: Step 0 is within 2e-4 m² of the exact area); for
        // lon/lat layers the cut is straight in degrees while areas use geodesic edges, a difference of ~1e-4 m².
        const plane = (g: Geometry) => planarAreaM2(g);
        const ellipsoidalTolerance = geographic ? 1e-3 : 2e-4;
        for (let i = 0; i < parcels.length; i++) {
          if (invalid.has(i)) continue;
          const sum = (measure: (p: ClipPiece) => number) => sumPieces(keepAll.pieces, i, 'redline', measure) + sumPieces(keepAll.pieces, i, 'buffer', measure);
          const inOuterPlane = sumPieces(whole.pieces, i, 'outer', (p) => plane(p.geometry));
          expect(Math.abs(sum((p) => plane(p.geometry)) - inOuterPlane), `parcel ${i}`).toBeLessThanOrEqual(1e-10 * inOuterPlane + 1e-12);
          const inOuter = sumPieces(whole.pieces, i, 'outer', (p) => p.ellipsoidalAreaM2);
          expect(Math.abs(sum((p) => p.ellipsoidalAreaM2) - inOuter), `parcel ${i}`).toBeLessThanOrEqual(ellipsoidalTolerance);
        }
      });

      it('measures every piece as ellipsoidalAreaM2 does, and passes whole parcels through untouched', () => {
        for (const p of result.pieces) {
          expect(p.ellipsoidalAreaM2).toBeCloseTo(ellipsoidalAreaM2(p.geometry, crs), 9);
          if (!p.wasClipped) expect(p.geometry).toBe(parcels[p.parcelIndex].geometry);
          expect(p.parcelId).toBe(parcels[p.parcelIndex].properties.BSM);
        }
      });

      if (!geographic) {
        const gdal: { parcels: GdalRow[] } = JSON.parse(readFileSync(new URL(`gdal/${name}.json`, DIR), 'utf8'));
        it('agrees with GEOS intersection areas (make-gdal-reference.py)', () => {
          for (const row of gdal.parcels) {
            if (row.valid === null) continue;
            if (row.valid === false) {
              // GEOS refuses invalid input; we clip it and say so.
              expect(result.issues.some((i) => i.code === 'CLIP_PARCEL_INVALID' && i.parcelIndex === row.index), row.BSM).toBe(true);
              continue;
            }
            for (const zone of ['redline', 'buffer'] as const) {
              const theirs = row[zone]!;
              const ours = sumPieces(result.pieces, row.index, zone, (p) => p.planarAreaM2!);
              // Pieces under 0.01 m² are dropped by design. Above, our buffer and GEOS's differ by < 1e-8 m (buffer
              // tests), which moves a piece by < 1e-8 m × the ≤ 1 km of zone boundary inside a parcel = 1e-5 m².
              if (theirs < 0.01) expect(ours === 0 || Math.abs(ours - theirs) < 1e-5, `${row.BSM} ${zone}`).toBe(true);
              else expect(Math.abs(ours - theirs), `${row.BSM} ${zone}: ours ${ours}, GEOS ${theirs}`).toBeLessThan(1e-5 + 1e-9 * theirs);
            }
          }
        });
      }
    });
  }
});

describe('clip: the edge cases one by one', () => {
  const { crs, parcels, zones } = loadCase('edge-cases');
  const result = clipToZones(parcels, zones, { crs, idField: 'BSM' });
  const of = (bsm: string) => result.pieces.filter((p) => p.parcelId === bsm);

  it('a parcel sharing two edges with the red line is passed through whole', () => {
    expect(of('shared-edges')).toEqual([expect.objectContaining({ zone: 'redline', wasClipped: false, planarAreaM2: 10_000 })]);
  });

  it('a parcel touching the red line at one vertex has no red-line piece', () => {
    expect(of('touches-at-vertex').map((p) => p.zone)).toEqual(['buffer']);
  });

  it('drops the halves of a 0.1 mm sliver (0.003 m² each) and counts them', () => {
    expect(of('sliver')).toEqual([]);
    // Sliver halves (2) + the 1e-7 m strip of the nearly coincident parcel inside the red line (4e-6 m²).
    expect(result.stats.droppedPieces).toBe(3);
    expect(result.stats.droppedAreaM2).toBeCloseTo(0.006004, 5);
  });

  it('a red line lying in a parcel hole: no red-line piece, and the ring cuts the parcel', () => {
    const pieces = of('redline-in-hole');
    expect(pieces.map((p) => [p.zone, p.wasClipped])).toEqual([['buffer', true]]);
  });

  it('multipart: the part in the red line, the part in the ring, the part beyond the buffer dropped', () => {
    expect(of('multipart').map((p) => [p.zone, p.planarAreaM2])).toEqual([['redline', 400], ['buffer', 400]]);
  });

  it('reports an invalid parcel with the place it is broken, and a parcel without geometry in the stats', () => {
    const bowtie = parcels.findIndex((p) => p.properties.BSM === 'bowtie');
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'CLIP_PARCEL_INVALID', severity: 'warning', parcelIndex: bowtie, location: [39_480_040, 3_300_110] }));
    expect(result.stats.withoutGeometry).toBe(1);
    // The bow-tie makes the plain overlay and the snapping overlay throw against both zones; rounding to the 0.1 mm
    // grid repairs it. Nothing else needed a retry.
    expect(result.stats.retries).toEqual({ snapped: 0, precisionReduced: 2, failed: 0 });
  });

  it('reuses a prebuilt index and rejects one built for other parcels', () => {
    const index = indexParcels(parcels);
    expect(clipToZones(parcels, zones, { crs, idField: 'BSM', index }).pieces).toEqual(result.pieces);
    expect(() => clipToZones(parcels.slice(1), zones, { crs, index })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('reports progress and stops when cancelled', () => {
    const events: Progress[] = [];
    clipToZones(parcels, zones, { crs, context: { onProgress: (p) => events.push(p) } });
    expect(events.at(-1)).toEqual({ phase: 'clip', done: result.stats.candidates, total: result.stats.candidates });
    expect(() => clipToZones(parcels, zones, { crs, context: { signal: { aborted: true } } })).toThrow(expect.objectContaining({ code: 'CANCELLED' }));
  });

  it('reports a parcel it cannot measure and goes on with the others', () => {
    // A parcel over the red line with one vertex at an unprefixed easting (39 000 km from the zone's meridian).
    const broken: Feature<Geometry | null> = { type: 'Feature', properties: { BSM: 'broken' }, geometry: { type: 'Polygon', coordinates: [[[39_480_050, 3_300_050], [480_000, 3_300_060], [39_480_060, 3_300_060], [39_480_050, 3_300_050]]] } };
    const r = clipToZones([...parcels, broken], zones, { crs, idField: 'BSM' });
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'CLIP_AREA_FAILED', severity: 'error', parcelIndex: parcels.length }));
    expect(r.pieces.filter((p) => p.parcelId === 'broken')).toEqual([]);
    expect(r.pieces.length).toBe(result.pieces.length);
  });

  it('rejects an invalid zone', () => {
    const bowtie: PolygonalGeometry = { type: 'Polygon', coordinates: [[[39_480_000, 3_300_000], [39_480_100, 3_300_100], [39_480_100, 3_300_000], [39_480_000, 3_300_100], [39_480_000, 3_300_000]]] };
    expect(() => clipToZones(parcels, [{ name: 'redline', geometry: bowtie }], { crs })).toThrow(expect.objectContaining({ code: 'CLIP_ZONE_INVALID', details: expect.objectContaining({ zone: 'redline', reasonEn: 'self-intersection' }) }));
  });
});
