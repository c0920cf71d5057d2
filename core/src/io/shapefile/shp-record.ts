/**
 * One .shp record's content (after its 8-byte header) decoded into flat typed arrays, every count checked against
 * the bytes that are there before anything is allocated.
 *
 *   Point      type, X, Y                                  (+ Z, M for PointZ; + M for PointM)
 *   MultiPoint type, box[4], numPoints, points[2n]         (+ Zrange, Z[n]) (+ Mrange, M[n])
 *   PolyLine / Polygon: type, box[4], numParts, numPoints, parts[numParts], points[2n]  (+ Z block) (+ M block)
 *
 * The M block is optional in Z and M types (its presence is told by the content length), as in shapelib.
 * Z and M values are read exactly; core's features are 2D, so they travel only in {@link RawShape} and
 * in the fast-path records.
 */
import { InputError } from '../../errors';
import { SHAPE_TYPES } from './shp-header';

export interface RawShape {
  /** First vertex of each part (ring, line or, for points, 0). */
  parts: Int32Array;
  /** x0, y0, x1, y1… in file order. */
  xy: Float64Array;
  z: Float64Array | null;
  /** Measures; values below −1e38 mean "no data" in the format. */
  m: Float64Array | null;
}

/** Where a record sits, for messages: the file name and the 1-based record number. */
export interface RecordPlace {
  file: string;
  record: number;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** What the layer scan needs from a record, without copying its coordinates. */
export interface RecordSummary {
  /** 0 for a Null shape, else the layer's shape type. */
  type: number;
  numParts: number;
  numPoints: number;
  /** The record's bounding box [minX, minY, maxX, maxY] (a point's own position), null for an empty shape. */
  box: [number, number, number, number] | null;
}

/**
 * Checks a record's type and counts against its length and returns them with its bounding box.
 * @param content the record content (shape type first), `content.byteLength` = 2 × the header's content length.
 * @param layerType the shape type of the file header; a record may only be that type or Null.
 * @throws InputError SHP_RECORD_TOO_SHORT, SHP_RECORD_WRONG_TYPE or SHP_RECORD_BAD_COUNTS, with file and record.
 */
export function readRecordSummary(content: Uint8Array, layerType: number, place: RecordPlace): RecordSummary {
  const size = content.byteLength;
  if (size < 4) throw new InputError('SHP_RECORD_TOO_SHORT', { ...place, bytes: size, needed: 4 });
  const view = new DataView(content.buffer, content.byteOffset, size);
  const type = view.getInt32(0, true);
  if (type === 0) return { type, numParts: 0, numPoints: 0, box: null };
  if (type !== layerType) throw new InputError('SHP_RECORD_WRONG_TYPE', { ...place, expected: layerType, found: type });
  const { base, z: hasZ } = SHAPE_TYPES[type];
  if (base === 'point') {
    const needed = 20 + (hasZ ? 8 : 0);
    if (size < needed) throw new InputError('SHP_RECORD_TOO_SHORT', { ...place, bytes: size, needed });
    const x = view.getFloat64(4, true);
    const y = view.getFloat64(12, true);
    return { type, numParts: 1, numPoints: 1, box: [x, y, x, y] };
  }
  const multipoint = base === 'multipoint';
  const headBytes = multipoint ? 40 : 44;
  if (size < headBytes) throw new InputError('SHP_RECORD_TOO_SHORT', { ...place, bytes: size, needed: headBytes });
  const numParts = multipoint ? 1 : view.getInt32(36, true);
  const numPoints = view.getInt32(multipoint ? 36 : 40, true);
  // Counts are checked against the bytes of the record before any array is allocated: a damaged count of
  // 2 000 000 000 points must not become a 32 GB allocation.
  const needed = headBytes + (multipoint ? 0 : 4 * numParts) + 16 * numPoints + (hasZ ? 16 + 8 * numPoints : 0);
  if (numParts < 0 || numPoints < 0 || needed > size) {
    throw new InputError('SHP_RECORD_BAD_COUNTS', { ...place, parts: numParts, points: numPoints, bytes: size, needed });
  }
  const empty = numParts === 0 || numPoints === 0;
  return {
    type, numParts, numPoints,
    box: empty ? null : [view.getFloat64(4, true), view.getFloat64(12, true), view.getFloat64(20, true), view.getFloat64(28, true)],
  };
}

/**
 * Decodes a record's content. Returns null for a Null shape, or for a shape with no parts or no points (GDAL
 * reads those as null geometries too).
 * @throws InputError as {@link readRecordSummary}, and SHP_RECORD_BAD_PARTS or SHP_NON_FINITE_COORDINATE.
 */
export function parseShapeRecord(content: Uint8Array, layerType: number, place: RecordPlace): RawShape | null {
  const { type, numParts, numPoints } = readRecordSummary(content, layerType, place);
  if (type === 0 || numParts === 0 || numPoints === 0) return null;
  const { base, z: hasZ, m: hasM } = SHAPE_TYPES[type];
  const size = content.byteLength;
  if (base === 'point') {
    const xy = readDoubles(content, 4, 2);
    const z = hasZ ? readDoubles(content, 20, 1) : null;
    const mAt = hasZ ? 28 : 20;
    const m = hasM && size >= mAt + 8 ? readDoubles(content, mAt, 1) : null;
    checkFinite(xy, z, place);
    return { parts: new Int32Array(1), xy, z, m };
  }
  const multipoint = base === 'multipoint';
  const partsAt = multipoint ? 40 : 44;
  const pointsAt = partsAt + (multipoint ? 0 : 4 * numParts);
  const parts = new Int32Array(numParts);
  if (!multipoint) {
    const view = new DataView(content.buffer, content.byteOffset, size);
    for (let i = 0; i < numParts; i++) {
      const start = view.getInt32(partsAt + 4 * i, true);
      if (start < 0 || start >= numPoints || (i > 0 && start < parts[i - 1])) {
        throw new InputError('SHP_RECORD_BAD_PARTS', { ...place, part: i + 1, start, points: numPoints });
      }
      parts[i] = start;
    }
  }
  const xy = readDoubles(content, pointsAt, 2 * numPoints);
  const zAt = pointsAt + 16 * numPoints;
  const z = hasZ ? readDoubles(content, zAt + 16, numPoints) : null;
  const mAt = zAt + (hasZ ? 16 + 8 * numPoints : 0);
  const m = hasM && size >= mAt + 16 + 8 * numPoints ? readDoubles(content, mAt + 16, numPoints) : null;
  checkFinite(xy, z, place);
  return { parts, xy, z, m };
}

function readDoubles(bytes: Uint8Array, offset: number, count: number): Float64Array {
  const out = new Float64Array(count);
  if (LITTLE_ENDIAN) new Uint8Array(out.buffer).set(bytes.subarray(offset, offset + 8 * count));
  else {
    const view = new DataView(bytes.buffer, bytes.byteOffset + offset, 8 * count);
    for (let i = 0; i < count; i++) out[i] = view.getFloat64(8 * i, true);
  }
  return out;
}

function checkFinite(xy: Float64Array, z: Float64Array | null, place: RecordPlace) {
  for (let i = 0; i < xy.length; i++) {
    if (!Number.isFinite(xy[i])) throw new InputError('SHP_NON_FINITE_COORDINATE', { ...place, vertex: (i >> 1) + 1, value: String(xy[i]) });
  }
  if (z) {
    for (let i = 0; i < z.length; i++) {
      if (!Number.isFinite(z[i])) throw new InputError('SHP_NON_FINITE_COORDINATE', { ...place, vertex: i + 1, value: String(z[i]) });
    }
  }
}
