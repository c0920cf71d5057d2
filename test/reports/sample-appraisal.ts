/**
 * A small synthetic appraisal for report and export tests: a red line (an irregular convex hexagon, ~17 ha) in
 * CGCS2000 3° Gauss-Kruger zone 40 (EPSG:4528, zone-prefixed eastings), its 1 km ring, a 100 m grid of parcels of
 * 三调 classes drawn by a seeded generator, clipped into red-line and ring pieces, and the accounting of those pieces
 * by core's accountParcels with the built-in parameter set — real core output, not a hand-made result.
 * Areas are planar (the layer is small and near the central meridian); the tests compare outputs with this result.
 */
import { featureCollection, polygon as turfPolygon } from '@turf/helpers';
import { difference, intersect } from '@turf/turf';
import { accountParcels, crsFromEpsg, DEFAULT_PARAMETER_SET, type AccountPiece, type AccountResult, type CrsInfo, type MultiPolygon, type Polygon, type Position } from '#core';
import { mulberry32 } from '../prng';

export const ORIGIN_X = 40_470_000;
export const ORIGIN_Y = 3_390_000;

export interface SamplePiece extends AccountPiece {
  geometry: Polygon | MultiPolygon;
}

export interface SampleAppraisal {
  crs: CrsInfo;
  redline: Polygon;
  ring: Polygon | MultiPolygon;
  pieces: SamplePiece[];
  result: AccountResult;
}

const CODES = ['0101', '0101', '0102', '0201', '0202', '0301', '0301', '0301', '0302', '0305', '0404', '0702', '0702', '1003', '1006', '1101', '1104', '1203', '0603', '0805'];
const NAMES: Record<string, string> = {
  '0101': '水田', '0102': '水浇地', '0201': '果园', '0202': '茶园', '0301': '乔木林地', '0302': '竹林地', '0305': '灌木林地', '0404': '其他草地',
  '0702': '农村宅基地', '1003': '公路用地', '1006': '农村道路', '1101': '河流水面', '1104': '坑塘水面', '1203': '田坎', '0603': '采矿用地', '0805': '教育用地',
};

/** Mulberry32: a small seeded PRNG, so the sample is the same on every machine. */
const shift = (ring: Position[]): Position[] => ring.map(([x, y]) => [x + ORIGIN_X, y + ORIGIN_Y]);

/** Shoelace area relative to the first vertex (products of 4e7 m eastings would lose centimetres² otherwise). */
export function ringArea(ring: Position[]): number {
  const [x0, y0] = ring[0];
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) a += (ring[i][0] - x0) * (ring[i + 1][1] - y0) - (ring[i + 1][0] - x0) * (ring[i][1] - y0);
  return a / 2;
}

export function polygonalArea(g: Polygon | MultiPolygon): number {
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return parts.reduce((s, rings) => s + Math.abs(ringArea(rings[0])) - rings.slice(1).reduce((h, r) => h + Math.abs(ringArea(r)), 0), 0);
}

/** Convex hull (monotone chain), closed ring, counter-clockwise. */
function convexHull(points: Position[]): Position[] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: Position, a: Position, b: Position) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Position[] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop();
    lower.push(q);
  }
  const upper: Position[] = [];
  for (const q of [...p].reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], q) <= 0) upper.pop();
    upper.push(q);
  }
  const hull = [...lower.slice(0, -1), ...upper.slice(0, -1)];
  return [...hull, hull[0]];
}

/** Builds the sample (local coordinates are shifted to the zone-40 origin at the end). */
export function makeSampleAppraisal(seed = 7, cellM = 100): SampleAppraisal {
  const random = mulberry32(seed).next;
  // The red line: a convex hexagon in local metres, counter-clockwise.
  const redLocal: Position[] = [[1000, 1020], [1460, 980], [1620, 1250], [1500, 1420], [1080, 1460], [930, 1240], [1000, 1020]];
  // The 1 km buffer of a convex polygon is the hull of 1 km circles around its vertices (arcs of 64 chords).
  const circle: Position[] = redLocal.slice(0, -1).flatMap(([x, y]) => Array.from({ length: 64 }, (_, k): Position => [x + 1000 * Math.cos((2 * Math.PI * k) / 64), y + 1000 * Math.sin((2 * Math.PI * k) / 64)]));
  const outerLocal = convexHull(circle);
  const red = turfPolygon([redLocal]);
  const ringFeature = difference(featureCollection([turfPolygon([outerLocal]), red]))!;
  const pieces: SamplePiece[] = [];
  let id = 0;
  for (let y = -100; y < 2600; y += cellM) {
    for (let x = -100; x < 2700; x += cellM) {
      id++;
      const code = CODES[Math.floor(random() * CODES.length)];
      const cell = turfPolygon([[[x, y], [x + cellM, y], [x + cellM, y + cellM], [x, y + cellM], [x, y]]]);
      for (const [zone, against] of [['redline', red], ['buffer', ringFeature]] as const) {
        const part = intersect(featureCollection([cell, against]));
        if (!part) continue;
        const g = part.geometry as Polygon | MultiPolygon;
        const geometry = (g.type === 'Polygon' ? { type: 'Polygon', coordinates: g.coordinates.map(shift) } : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(shift)) }) as Polygon | MultiPolygon;
        const areaM2 = polygonalArea(geometry);
        if (areaM2 < 0.01) continue;
        pieces.push({ parcelId: id, dlbm: code, dlmc: NAMES[code], zone, areaM2, geometry });
      }
    }
  }
  const ringGeometry = ringFeature.geometry as Polygon | MultiPolygon;
  const ring = (ringGeometry.type === 'Polygon' ? { type: 'Polygon', coordinates: ringGeometry.coordinates.map(shift) } : { type: 'MultiPolygon', coordinates: ringGeometry.coordinates.map((p) => p.map(shift)) }) as Polygon | MultiPolygon;
  const redline: Polygon = { type: 'Polygon', coordinates: [shift(redLocal)] };
  const result = accountParcels({
    pieces: pieces.map(({ geometry: _g, ...p }) => p),
    params: DEFAULT_PARAMETER_SET,
    redlineAreaM2: polygonalArea(redline),
    provenance: { version: '0.1.0-test', params: { id: DEFAULT_PARAMETER_SET.id, sha256: 'ab'.repeat(32) }, inputs: [{ path: 'DLTB.shp', sha256: 'cd'.repeat(32) }] },
  });
  return { crs: crsFromEpsg(4528)!, redline, ring, pieces, result };
}
