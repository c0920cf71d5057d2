/**
 * A record's geometry as flat typed arrays — the fast path for bulk imports — and its GeoJSON form.
 *
 * Polygons are already assembled (see ring-assembly.ts) and oriented as RFC 7946 wants them (outer rings
 * counter-clockwise, holes clockwise), every ring closed; parts are in output order, so a WKB or GeoJSON writer
 * walks the arrays once. The geometry type per record is the one GDAL gives: Point, MultiPoint (always, for a
 * multipoint file), LineString for one part else MultiLineString, Polygon for one outer ring else MultiPolygon.
 */
import type { Geometry, GeometryType, Position } from '../../types';
import { assembleRings, signedRingArea, type RingSpans } from './ring-assembly';
import type { RawShape } from './shp-record';

export interface ShapeGeometry {
  type: GeometryType;
  /** x0, y0, x1, y1… in output order. */
  xy: Float64Array;
  /** Z per vertex (Z shape types), else null. */
  z: Float64Array | null;
  /** M per vertex where the record has measures, else null (values below −1e38 mean "no data"). */
  m: Float64Array | null;
  /** Vertex index where each part (point, line or ring) starts, plus the vertex count at the end. */
  partStarts: Int32Array;
  /** For polygons, the ring count of each polygon (its outer ring, then its holes); null otherwise. */
  polygonRingCounts: Int32Array | null;
}

export type ShapeBase = 'point' | 'multipoint' | 'polyline' | 'polygon';

/**
 * Builds the geometry of a decoded record.
 * @returns the geometry (null when nothing is left, e.g. only degenerate rings) and how many rings were dropped.
 */
export function buildShapeGeometry(raw: RawShape, base: ShapeBase): { geometry: ShapeGeometry | null; droppedRings: number } {
  const vertexCount = raw.xy.length / 2;
  if (base === 'point') {
    return { geometry: { type: 'Point', xy: raw.xy, z: raw.z, m: raw.m, partStarts: Int32Array.of(0, 1), polygonRingCounts: null }, droppedRings: 0 };
  }
  if (base === 'multipoint') {
    const partStarts = new Int32Array(vertexCount + 1);
    for (let i = 0; i <= vertexCount; i++) partStarts[i] = i;
    return { geometry: { type: 'MultiPoint', xy: raw.xy, z: raw.z, m: raw.m, partStarts, polygonRingCounts: null }, droppedRings: 0 };
  }
  const spans = partSpans(raw);
  if (base === 'polyline') {
    const partStarts = new Int32Array(raw.parts.length + 1);
    partStarts.set(raw.parts);
    partStarts[raw.parts.length] = vertexCount;
    const type = raw.parts.length === 1 ? 'LineString' : 'MultiLineString';
    return { geometry: { type, xy: raw.xy, z: raw.z, m: raw.m, partStarts, polygonRingCounts: null }, droppedRings: 0 };
  }
  const { polygons, degenerate } = assembleRings(spans);
  if (polygons.length === 0) return { geometry: null, droppedRings: degenerate.length };
  return { geometry: orientedPolygons(raw, spans, polygons), droppedRings: degenerate.length };
}

/** How many outer rings the assembly finds in a polygon record, and how many rings it leaves out as degenerate. */
export function countRings(raw: RawShape): { outer: number; degenerate: number } {
  if (raw.parts.length === 1) return { outer: 1, degenerate: 0 };
  const { polygons, degenerate } = assembleRings(partSpans(raw));
  return { outer: polygons.length, degenerate: degenerate.length };
}

function partSpans(raw: RawShape): RingSpans {
  const count = raw.parts.length;
  const ends = new Int32Array(count);
  for (let k = 0; k < count; k++) ends[k] = k + 1 < count ? raw.parts[k + 1] : raw.xy.length / 2;
  return { xy: raw.xy, starts: raw.parts, ends };
}

/** Copies the rings in polygon order, outer rings counter-clockwise and holes clockwise, each ring closed. */
function orientedPolygons(raw: RawShape, spans: RingSpans, polygons: number[][]): ShapeGeometry {
  let vertices = 0;
  let parts = 0;
  const closes: boolean[] = [];
  for (const polygon of polygons) {
    for (const k of polygon) {
      const n = spans.ends[k] - spans.starts[k];
      const a = 2 * spans.starts[k];
      const b = 2 * (spans.ends[k] - 1);
      closes[k] = !(raw.xy[a] === raw.xy[b] && raw.xy[a + 1] === raw.xy[b + 1]);
      vertices += n + (closes[k] ? 1 : 0);
      parts++;
    }
  }
  const xy = new Float64Array(2 * vertices);
  const z = raw.z ? new Float64Array(vertices) : null;
  const m = raw.m ? new Float64Array(vertices) : null;
  const partStarts = new Int32Array(parts + 1);
  const polygonRingCounts = new Int32Array(polygons.length);
  let at = 0;
  let part = 0;
  polygons.forEach((polygon, p) => {
    polygonRingCounts[p] = polygon.length;
    polygon.forEach((k, r) => {
      const start = spans.starts[k];
      const end = spans.ends[k];
      const area = signedRingArea(spans, k);
      // RFC 7946 §3.1.6: exterior rings counter-clockwise (positive area), holes clockwise.
      const reverse = r === 0 ? area < 0 : area > 0;
      partStarts[part++] = at;
      const count = end - start;
      for (let i = 0; i < count; i++) {
        const v = reverse ? end - 1 - i : start + i;
        xy[2 * at] = raw.xy[2 * v];
        xy[2 * at + 1] = raw.xy[2 * v + 1];
        if (z) z[at] = raw.z![v];
        if (m) m[at] = raw.m![v];
        at++;
      }
      if (closes[k]) {
        const first = partStarts[part - 1];
        xy[2 * at] = xy[2 * first];
        xy[2 * at + 1] = xy[2 * first + 1];
        if (z) z[at] = z[first];
        if (m) m[at] = m[first];
        at++;
      }
    });
  });
  partStarts[parts] = at;
  const type = polygons.length === 1 ? 'Polygon' : 'MultiPolygon';
  return { type, xy, z, m, partStarts, polygonRingCounts };
}

/** The GeoJSON geometry (2D: Z and M stay in the flat form). */
export function toGeoJsonGeometry(g: ShapeGeometry): Geometry {
  const { xy, partStarts } = g;
  const part = (p: number): Position[] => {
    const out: Position[] = new Array(partStarts[p + 1] - partStarts[p]);
    for (let v = partStarts[p], i = 0; v < partStarts[p + 1]; v++, i++) out[i] = [xy[2 * v], xy[2 * v + 1]];
    return out;
  };
  const partCount = partStarts.length - 1;
  switch (g.type) {
    case 'Point': return { type: 'Point', coordinates: [xy[0], xy[1]] };
    case 'MultiPoint': return { type: 'MultiPoint', coordinates: Array.from({ length: partCount }, (_, p) => [xy[2 * p], xy[2 * p + 1]]) };
    case 'LineString': return { type: 'LineString', coordinates: part(0) };
    case 'MultiLineString': return { type: 'MultiLineString', coordinates: Array.from({ length: partCount }, (_, p) => part(p)) };
    default: {
      const polygons: Position[][][] = [];
      let p = 0;
      for (const rings of g.polygonRingCounts!) {
        const polygon: Position[][] = [];
        for (let r = 0; r < rings; r++) polygon.push(part(p++));
        polygons.push(polygon);
      }
      return g.type === 'Polygon' ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
    }
  }
}
