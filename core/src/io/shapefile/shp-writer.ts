/**
 * Writes .shp and .shx (2D: Point, MultiPoint, PolyLine, Polygon; a null geometry becomes a Null shape).
 * Rings are written the shapefile way round — outer rings clockwise, holes counter-clockwise — and closed; the
 * sizes of both files are computed first so each is one exact allocation.
 */
import { InputError } from '../../errors';
import type { Geometry, GeometryType, Position } from '../../types';

const SHAPE_TYPE: Record<GeometryType, number> = { Point: 1, MultiPoint: 8, LineString: 3, MultiLineString: 3, Polygon: 5, MultiPolygon: 5 };
/** Geometry types each layer type accepts (a one-part geometry may go into a multi-part layer and back). */
const ACCEPTS: Record<number, GeometryType[]> = {
  1: ['Point'], 8: ['MultiPoint', 'Point'], 3: ['LineString', 'MultiLineString'], 5: ['Polygon', 'MultiPolygon'],
};
const MAX_FILE_BYTES = 2 ** 31 - 2;

/** A record ready to write: its parts as flat rings/lines (oriented), or null for a Null shape. */
type Parts = Position[][] | null;

/**
 * Writes the geometry files of a layer.
 * @param geometries one per record, in the layer CRS; extra ordinates (z) are dropped.
 * @param geometryType the layer type: Point, MultiPoint, LineString/MultiLineString (PolyLine) or
 *   Polygon/MultiPolygon (Polygon).
 * @throws InputError SHP_WRITE_GEOMETRY_TYPE (a geometry the layer type cannot hold), SHP_WRITE_NON_FINITE (NaN or
 *   infinite coordinates), SHP_WRITE_TOO_LARGE (past the format's 2 GB).
 */
export function writeShp(geometries: readonly (Geometry | null)[], geometryType: GeometryType): { shp: Uint8Array; shx: Uint8Array } {
  const shapeType = SHAPE_TYPE[geometryType];
  const records = geometries.map((g, i) => toParts(g, shapeType, i + 1));
  const sizes = records.map((parts) => contentBytes(parts, shapeType));
  const shpBytes = 100 + sizes.reduce((sum, n) => sum + 8 + n, 0);
  if (shpBytes > MAX_FILE_BYTES) throw new InputError('SHP_WRITE_TOO_LARGE', { bytes: shpBytes, limit: MAX_FILE_BYTES });
  const shp = new Uint8Array(shpBytes);
  const shx = new Uint8Array(100 + 8 * records.length);
  const shpView = new DataView(shp.buffer);
  const shxView = new DataView(shx.buffer);
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  let at = 100;
  records.forEach((parts, i) => {
    shxView.setInt32(100 + 8 * i, at / 2, false);
    shxView.setInt32(104 + 8 * i, sizes[i] / 2, false);
    shpView.setInt32(at, i + 1, false);
    shpView.setInt32(at + 4, sizes[i] / 2, false);
    writeRecord(shpView, at + 8, parts, shapeType, box);
    at += 8 + sizes[i];
  });
  const extent = box[0] <= box[2] ? box : [0, 0, 0, 0];
  writeHeader(shpView, shpBytes, shapeType, extent);
  writeHeader(shxView, shx.byteLength, shapeType, extent);
  return { shp, shx };
}

function writeHeader(view: DataView, bytes: number, shapeType: number, box: number[]) {
  view.setInt32(0, 9994, false);
  view.setInt32(24, bytes / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, shapeType, true);
  box.forEach((v, k) => view.setFloat64(36 + 8 * k, v, true));
}

function toParts(g: Geometry | null, shapeType: number, record: number): Parts {
  if (!g) return null;
  if (!ACCEPTS[shapeType].includes(g.type)) throw new InputError('SHP_WRITE_GEOMETRY_TYPE', { record, found: g.type, expected: ACCEPTS[shapeType].join('/') });
  let parts: Position[][];
  switch (g.type) {
    case 'Point': parts = [[g.coordinates]]; break;
    case 'MultiPoint': parts = [g.coordinates]; break;
    case 'LineString': parts = [g.coordinates]; break;
    case 'MultiLineString': parts = g.coordinates; break;
    case 'Polygon': parts = orientRings(g.coordinates); break;
    case 'MultiPolygon': parts = g.coordinates.flatMap(orientRings); break;
  }
  parts = parts.filter((p) => p.length > 0);
  for (const part of parts) {
    for (const p of part) if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) throw new InputError('SHP_WRITE_NON_FINITE', { record });
  }
  return parts.length > 0 ? parts : null;
}

/** Outer ring clockwise, holes counter-clockwise, every ring closed. */
function orientRings(rings: Position[][]): Position[][] {
  return rings.filter((r) => r.length > 0).map((ring, r) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    const closed = first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
    const area = signedArea(closed);
    const wantClockwise = r === 0;
    return (wantClockwise ? area > 0 : area < 0) ? [...closed].reverse() : closed;
  });
}

/** Counter-clockwise positive, relative to the first vertex for precision at Gauss-Kruger magnitudes. */
function signedArea(ring: Position[]): number {
  const [x0, y0] = ring[0];
  let sum = 0;
  for (let i = 1; i + 1 < ring.length; i++) sum += (ring[i][0] - x0) * (ring[i + 1][1] - y0) - (ring[i + 1][0] - x0) * (ring[i][1] - y0);
  return sum / 2;
}

function contentBytes(parts: Parts, shapeType: number): number {
  if (!parts) return 4;
  const points = parts.reduce((n, p) => n + p.length, 0);
  if (shapeType === 1) return 20;
  if (shapeType === 8) return 40 + 16 * points;
  return 44 + 4 * parts.length + 16 * points;
}

function writeRecord(view: DataView, at: number, parts: Parts, shapeType: number, layerBox: number[]) {
  if (!parts) {
    view.setInt32(at, 0, true);
    return;
  }
  view.setInt32(at, shapeType, true);
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const part of parts) {
    for (const [x, y] of part) {
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  }
  for (let k = 0; k < 2; k++) layerBox[k] = Math.min(layerBox[k], box[k]);
  for (let k = 2; k < 4; k++) layerBox[k] = Math.max(layerBox[k], box[k]);
  if (shapeType === 1) {
    view.setFloat64(at + 4, parts[0][0][0], true);
    view.setFloat64(at + 12, parts[0][0][1], true);
    return;
  }
  box.forEach((v, k) => view.setFloat64(at + 4 + 8 * k, v, true));
  let p = at + 36;
  const points = parts.reduce((n, part) => n + part.length, 0);
  if (shapeType !== 8) {
    view.setInt32(p, parts.length, true);
    p += 4;
  }
  view.setInt32(p, points, true);
  p += 4;
  if (shapeType !== 8) {
    let start = 0;
    for (const part of parts) {
      view.setInt32(p, start, true);
      p += 4;
      start += part.length;
    }
  }
  for (const part of parts) {
    for (const position of part) {
      view.setFloat64(p, position[0], true);
      view.setFloat64(p + 8, position[1], true);
      p += 16;
    }
  }
}
