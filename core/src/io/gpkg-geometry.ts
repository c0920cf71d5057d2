/**
 * GeoPackage binary geometry (OGC 12-128r18 GeoPackage 1.3, §2.1.3 "GeoPackageBinary"): an 8-byte header
 * (magic "GP", version 0, flags, srs_id), an optional envelope, then ISO WKB (OGC 06-103r4 §8.2).
 *
 *   flags bit:  7 6 | 5 | 4 | 3 2 1 | 0
 *               res.| X | Y |   E   | B      X = extended type (0 = standard), Y = empty geometry,
 *                                           E = envelope indicator, B = header byte order (1 = little endian)
 *   E: 0 none, 1 [minx maxx miny maxy], 2 + [minz maxz], 3 + [minm maxm], 4 + z and m  (doubles)
 *
 * We write little-endian, 2D, envelope XY for everything but points (a point is its own envelope, as GDAL does).
 * We read both byte orders, every envelope kind, and Z/M/ZM WKB (ISO 1000/2000/3000 offsets and the EWKB high
 * bits), dropping the extra ordinates: core's geometries are 2D.
 */
import { InputError } from '../errors';
import type { Extent, Geometry, GeometryType, Position } from '../types';

const WKB_TYPE: Record<GeometryType, number> = { Point: 1, LineString: 2, Polygon: 3, MultiPoint: 4, MultiLineString: 5, MultiPolygon: 6 };
const TYPE_OF_WKB: (GeometryType | undefined)[] = [undefined, 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon'];
const WKB_NAMES = ['Geometry', 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection'];

/** A decoded GeoPackage geometry blob. */
export interface GpkgGeometry {
  srsId: number;
  /** The header envelope as [minX, minY, maxX, maxY], or null when the blob carries none. */
  envelope: Extent | null;
  /** The empty-geometry flag of the header. */
  empty: boolean;
  geometry: Geometry;
}

/**
 * Encodes a geometry as a GeoPackage blob (little endian, 2D; envelope XY except for points).
 * An empty geometry (no coordinates) gets the empty flag and no envelope; an empty point is POINT(NaN NaN) per §2.1.3.1.1.
 * @param geometry coordinates [x, y, …] in the CRS of `srsId`; ordinates past y are dropped.
 * @param srsId the gpkg_spatial_ref_sys id written into the header.
 */
export function encodeGpkgGeometry(geometry: Geometry, srsId: number): Uint8Array {
  const envelope = geometry.type === 'Point' ? null : geometryExtent(geometry);
  const empty = isEmptyGeometry(geometry);
  const headerSize = 8 + (envelope ? 32 : 0);
  const out = new Uint8Array(headerSize + wkbSize(geometry));
  const view = new DataView(out.buffer);
  out[0] = 0x47; // 'G'
  out[1] = 0x50; // 'P'
  out[2] = 0; // version 1 of the format is stored as 0
  out[3] = 1 | ((envelope ? 1 : 0) << 1) | ((empty ? 1 : 0) << 4);
  view.setInt32(4, srsId, true);
  if (envelope) {
    view.setFloat64(8, envelope[0], true);
    view.setFloat64(16, envelope[2], true);
    view.setFloat64(24, envelope[1], true);
    view.setFloat64(32, envelope[3], true);
  }
  writeWkb(view, headerSize, geometry);
  return out;
}

/**
 * A geometry as flat arrays — what the shapefile reader's bulk path yields — so a bulk import never builds nested
 * GeoJSON arrays: `xy` holds x0, y0, x1, y1…; `partStarts` the first vertex of each part (point, line or ring) plus
 * the vertex count at the end; `polygonRingCounts` the ring count of each polygon (outer ring first), for polygons.
 */
export interface FlatGeometry {
  type: GeometryType;
  xy: Float64Array;
  partStarts: Int32Array;
  polygonRingCounts: Int32Array | null;
}

const LITTLE_ENDIAN_HOST = new Uint8Array(Float64Array.of(1).buffer)[7] === 0x3f;

/**
 * Encodes a {@link FlatGeometry} like {@link encodeGpkgGeometry} (same bytes for the same geometry), copying the
 * coordinate bytes ring by ring. `as` promotes to the multi type (Polygon → MultiPolygon, LineString →
 * MultiLineString, Point → MultiPoint); other combinations are a bug in the caller.
 * @returns the blob and its [minX, minY, maxX, maxY], or null for a geometry without vertices.
 */
export function encodeGpkgFlatGeometry(g: FlatGeometry, srsId: number, as: GeometryType = g.type): { blob: Uint8Array; extent: Extent } | null {
  const vertexCount = g.xy.length / 2;
  const parts = g.partStarts.length - 1;
  if (vertexCount === 0 || parts <= 0) return null;
  const extent = flatExtent(g.xy);
  const polygons = g.polygonRingCounts ?? Int32Array.of(parts);
  const single = as === g.type && (as === 'Point' || as === 'LineString' || as === 'Polygon');
  let size: number;
  if (as === 'Point') size = 21;
  else if (as === 'MultiPoint') size = 9 + 21 * vertexCount;
  else if (as === 'LineString') size = 9 + 16 * vertexCount;
  else if (as === 'MultiLineString') size = 9 + parts * 9 + 16 * vertexCount;
  else size = 9 + (single ? 0 : polygons.length * 9) + parts * 4 + 16 * vertexCount;
  if (as === 'Polygon' && polygons.length !== 1) throw new Error(`${polygons.length} polygons cannot be written as one Polygon`);
  const header = as === 'Point' ? 8 : 40;
  const out = new Uint8Array(header + size);
  const view = new DataView(out.buffer);
  out.set([0x47, 0x50, 0, as === 'Point' ? 1 : 3]);
  view.setInt32(4, srsId, true);
  if (as !== 'Point') {
    view.setFloat64(8, extent[0], true);
    view.setFloat64(16, extent[2], true);
    view.setFloat64(24, extent[1], true);
    view.setFloat64(32, extent[3], true);
  }
  const bytes = new Uint8Array(g.xy.buffer, g.xy.byteOffset, g.xy.byteLength);
  const copy = (o: number, from: number, to: number): number => {
    if (LITTLE_ENDIAN_HOST) out.set(bytes.subarray(from * 16, to * 16), o);
    else for (let v = from; v < to; v++) {
      view.setFloat64(o + (v - from) * 16, g.xy[2 * v], true);
      view.setFloat64(o + (v - from) * 16 + 8, g.xy[2 * v + 1], true);
    }
    return o + (to - from) * 16;
  };
  const typeHeader = (o: number, type: GeometryType): number => {
    out[o] = 1;
    view.setUint32(o + 1, WKB_TYPE[type], true);
    return o + 5;
  };
  let o = header;
  switch (as) {
    case 'Point':
      copy(typeHeader(o, 'Point'), 0, 1);
      break;
    case 'MultiPoint':
      o = typeHeader(o, 'MultiPoint');
      view.setUint32(o, vertexCount, true);
      o += 4;
      for (let v = 0; v < vertexCount; v++) o = copy(typeHeader(o, 'Point'), v, v + 1);
      break;
    case 'LineString':
      o = typeHeader(o, 'LineString');
      view.setUint32(o, vertexCount, true);
      copy(o + 4, 0, vertexCount);
      break;
    case 'MultiLineString':
      o = typeHeader(o, 'MultiLineString');
      view.setUint32(o, parts, true);
      o += 4;
      for (let p = 0; p < parts; p++) {
        o = typeHeader(o, 'LineString');
        view.setUint32(o, g.partStarts[p + 1] - g.partStarts[p], true);
        o = copy(o + 4, g.partStarts[p], g.partStarts[p + 1]);
      }
      break;
    default: {
      if (!single) {
        o = typeHeader(o, 'MultiPolygon');
        view.setUint32(o, polygons.length, true);
        o += 4;
      }
      let ring = 0;
      for (const ringCount of polygons) {
        o = typeHeader(o, 'Polygon');
        view.setUint32(o, ringCount, true);
        o += 4;
        for (let r = 0; r < ringCount; r++, ring++) {
          view.setUint32(o, g.partStarts[ring + 1] - g.partStarts[ring], true);
          o = copy(o + 4, g.partStarts[ring], g.partStarts[ring + 1]);
        }
      }
    }
  }
  return { blob: out, extent };
}

function flatExtent(xy: Float64Array): Extent {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < xy.length; i += 2) {
    const x = xy[i], y = xy[i + 1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

/**
 * Decodes a GeoPackage geometry blob.
 * @param mapPoint optional per-vertex mapping (e.g. a projection) applied while decoding, so a caller that wants
 *   other coordinates does not build the geometry twice.
 * @throws InputError GPKG_GEOMETRY_INVALID for a malformed blob, GPKG_GEOMETRY_UNSUPPORTED for e.g. curves or collections.
 */
export function decodeGpkgGeometry(bytes: Uint8Array, mapPoint?: (x: number, y: number) => Position): GpkgGeometry {
  const { srsId, envelope, empty, wkbOffset } = readHeader(bytes);
  const reader = new WkbReader(bytes, wkbOffset, mapPoint);
  const geometry = reader.geometry();
  return { srsId, envelope, empty, geometry };
}

/**
 * The [minX, minY, maxX, maxY] of a blob: the header envelope when present, else computed from the WKB; null when
 * the geometry is empty. This is what the R-tree triggers' ST_MinX… functions need, without building the geometry
 * when the envelope is there.
 * @throws InputError GPKG_GEOMETRY_INVALID for a malformed blob.
 */
export function gpkgGeometryExtent(bytes: Uint8Array): Extent | null {
  const header = readHeader(bytes);
  if (header.empty) return null;
  if (header.envelope) return header.envelope;
  return geometryExtent(new WkbReader(bytes, header.wkbOffset).geometry());
}

/** True when the blob's header says the geometry is empty (cheap: reads one byte after checking the magic). */
export function isGpkgGeometryEmpty(bytes: Uint8Array): boolean {
  return readHeader(bytes).empty;
}

/** The 2D extent of a geometry as [minX, minY, maxX, maxY], or null when it has no finite coordinate. */
export function geometryExtent(geometry: Geometry): Extent | null {
  const e: Extent = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (p: Position): void => {
    const x = p[0], y = p[1];
    if (x < e[0]) e[0] = x;
    if (x > e[2]) e[2] = x;
    if (y < e[1]) e[1] = y;
    if (y > e[3]) e[3] = y;
  };
  switch (geometry.type) {
    case 'Point': if (geometry.coordinates.length >= 2) add(geometry.coordinates); break;
    case 'MultiPoint': case 'LineString': geometry.coordinates.forEach(add); break;
    case 'MultiLineString': case 'Polygon': for (const line of geometry.coordinates) line.forEach(add); break;
    case 'MultiPolygon': for (const poly of geometry.coordinates) for (const ring of poly) ring.forEach(add); break;
  }
  return e[0] <= e[2] && e[1] <= e[3] ? e : null;
}

/** True when the geometry has no coordinates at all (POINT EMPTY, POLYGON EMPTY, …). */
export function isEmptyGeometry(geometry: Geometry): boolean {
  if (geometry.type === 'Point') return geometry.coordinates.length < 2 || Number.isNaN(geometry.coordinates[0]);
  return geometry.coordinates.length === 0;
}

//#region header

function invalid(reason: string): InputError {
  return new InputError('GPKG_GEOMETRY_INVALID', { reason });
}

function readHeader(bytes: Uint8Array): { srsId: number; envelope: Extent | null; empty: boolean; wkbOffset: number } {
  if (bytes.length < 8 || bytes[0] !== 0x47 || bytes[1] !== 0x50) throw invalid('no "GP" magic');
  if (bytes[2] !== 0) throw invalid(`version ${bytes[2]}`);
  const flags = bytes[3];
  if (flags & 0x20) throw invalid('extended GeoPackageBinary type');
  const little = (flags & 1) === 1;
  const envelopeKind = (flags >> 1) & 7;
  if (envelopeKind > 4) throw invalid(`envelope indicator ${envelopeKind}`);
  const ordinates = [0, 4, 6, 6, 8][envelopeKind];
  const wkbOffset = 8 + ordinates * 8;
  if (bytes.length < wkbOffset + 5) throw invalid('truncated header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const srsId = view.getInt32(4, little);
  let envelope: Extent | null = null;
  if (envelopeKind > 0) {
    const minX = view.getFloat64(8, little), maxX = view.getFloat64(16, little);
    const minY = view.getFloat64(24, little), maxY = view.getFloat64(32, little);
    // GDAL writes a NaN envelope for some empty geometries; treat it as absent.
    if (!Number.isNaN(minX)) envelope = [minX, minY, maxX, maxY];
  }
  return { srsId, envelope, empty: (flags & 0x10) !== 0, wkbOffset };
}

//#endregion
//#region WKB writing

function wkbSize(g: Geometry): number {
  switch (g.type) {
    case 'Point': return 21;
    case 'LineString': return 9 + 16 * g.coordinates.length;
    case 'Polygon': return polygonSize(g.coordinates);
    case 'MultiPoint': return 9 + 21 * g.coordinates.length;
    case 'MultiLineString': return g.coordinates.reduce((n, l) => n + 9 + 16 * l.length, 9);
    case 'MultiPolygon': return g.coordinates.reduce((n, p) => n + polygonSize(p), 9);
  }
}

function polygonSize(rings: Position[][]): number {
  let n = 9;
  for (const ring of rings) n += 4 + 16 * ring.length;
  return n;
}

function writeWkb(view: DataView, offset: number, g: Geometry): number {
  view.setUint8(offset, 1);
  view.setUint32(offset + 1, WKB_TYPE[g.type], true);
  let o = offset + 5;
  switch (g.type) {
    case 'Point': {
      const empty = g.coordinates.length < 2;
      view.setFloat64(o, empty ? NaN : g.coordinates[0], true);
      view.setFloat64(o + 8, empty ? NaN : g.coordinates[1], true);
      return o + 16;
    }
    case 'LineString': return writePoints(view, o, g.coordinates);
    case 'Polygon': return writeRings(view, o, g.coordinates);
    case 'MultiPoint':
      view.setUint32(o, g.coordinates.length, true);
      o += 4;
      for (const p of g.coordinates) o = writeWkb(view, o, { type: 'Point', coordinates: p });
      return o;
    case 'MultiLineString':
      view.setUint32(o, g.coordinates.length, true);
      o += 4;
      for (const line of g.coordinates) o = writeWkb(view, o, { type: 'LineString', coordinates: line });
      return o;
    case 'MultiPolygon':
      view.setUint32(o, g.coordinates.length, true);
      o += 4;
      for (const poly of g.coordinates) o = writeWkb(view, o, { type: 'Polygon', coordinates: poly });
      return o;
  }
}

function writePoints(view: DataView, offset: number, points: Position[]): number {
  view.setUint32(offset, points.length, true);
  let o = offset + 4;
  for (const p of points) {
    view.setFloat64(o, p[0], true);
    view.setFloat64(o + 8, p[1], true);
    o += 16;
  }
  return o;
}

function writeRings(view: DataView, offset: number, rings: Position[][]): number {
  view.setUint32(offset, rings.length, true);
  let o = offset + 4;
  for (const ring of rings) o = writePoints(view, o, ring);
  return o;
}

//#endregion
//#region WKB reading

/** Reads ISO WKB (and EWKB dimension bits), either byte order, checking every count against the bytes left. */
class WkbReader {
  private readonly view: DataView;
  constructor(
    private readonly bytes: Uint8Array,
    private offset: number,
    private readonly mapPoint?: (x: number, y: number) => Position,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  geometry(expected?: GeometryType): Geometry {
    this.need(5);
    const order = this.bytes[this.offset];
    if (order > 1) throw invalid(`WKB byte order ${order} at byte ${this.offset}`);
    const little = order === 1;
    const code = this.view.getUint32(this.offset + 1, little);
    this.offset += 5;
    // ISO: 1000 = Z, 2000 = M, 3000 = ZM; EWKB: 0x80000000 = Z, 0x40000000 = M.
    const base = (code & 0x0fffffff) % 1000;
    const iso = Math.floor((code & 0x0fffffff) / 1000);
    const hasZ = iso === 1 || iso === 3 || (code & 0x80000000) !== 0;
    const hasM = iso === 2 || iso === 3 || (code & 0x40000000) !== 0;
    const dims = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0);
    const type = TYPE_OF_WKB[base];
    if (!type || iso > 3) throw new InputError('GPKG_GEOMETRY_UNSUPPORTED', { type: WKB_NAMES[base] ?? `WKB ${code}` });
    if (expected && type !== expected) throw invalid(`${type} inside a multi-${expected}`);
    switch (type) {
      case 'Point': {
        const p = this.points(1, dims, little)[0];
        return { type, coordinates: Number.isNaN(p[0]) && Number.isNaN(p[1]) ? [] : p };
      }
      case 'LineString': return { type, coordinates: this.points(this.count(little, 16), dims, little) };
      case 'Polygon': return { type, coordinates: this.rings(dims, little) };
      case 'MultiPoint': return { type, coordinates: this.parts('Point', little).map((g) => g.coordinates as Position).filter((p) => p.length > 0) };
      case 'MultiLineString': return { type, coordinates: this.parts('LineString', little).map((g) => g.coordinates as Position[]) };
      case 'MultiPolygon': return { type, coordinates: this.parts('Polygon', little).map((g) => g.coordinates as Position[][]) };
    }
  }

  private parts(type: GeometryType, little: boolean): Geometry[] {
    const n = this.count(little, 9);
    const parts: Geometry[] = [];
    for (let i = 0; i < n; i++) parts.push(this.geometry(type));
    return parts;
  }

  private rings(dims: number, little: boolean): Position[][] {
    const n = this.count(little, 4);
    const rings: Position[][] = [];
    for (let i = 0; i < n; i++) rings.push(this.points(this.count(little, 8 * dims), dims, little));
    return rings;
  }

  private points(n: number, dims: number, little: boolean): Position[] {
    this.need(n * dims * 8);
    const out: Position[] = new Array(n);
    let o = this.offset;
    const map = this.mapPoint;
    for (let i = 0; i < n; i++, o += dims * 8) {
      const x = this.view.getFloat64(o, little), y = this.view.getFloat64(o + 8, little);
      out[i] = map && !(Number.isNaN(x) && Number.isNaN(y)) ? map(x, y) : [x, y];
    }
    this.offset = o;
    return out;
  }

  /** Reads a count and checks that `minBytesEach` × count bytes remain, so a corrupt count cannot allocate gigabytes. */
  private count(little: boolean, minBytesEach: number): number {
    this.need(4);
    const n = this.view.getUint32(this.offset, little);
    this.offset += 4;
    this.need(n * minBytesEach);
    return n;
  }

  private need(n: number): void {
    if (this.offset + n > this.bytes.length) throw invalid(`truncated WKB at byte ${this.offset}`);
  }
}

//#endregion
