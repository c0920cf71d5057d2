/**
 * The lingua franca of core, stated once:
 *  - vectors are GeoJSON-shaped features with typed properties, coordinates in the layer's own CRS
 *    as [x = easting, y = northing] (never the survey's X = northing order);
 *  - rasters are a {@link RasterInfo} plus windows of a typed array;
 *  - money and accounting quantities are decimal.js values at the edges, serialized as strings or rounded numbers;
 *  - bytes come in through {@link ByteSource}; core never opens a file itself.
 */

export type Position = number[];
export type Ring = Position[];

export interface Point { type: 'Point'; coordinates: Position }
export interface MultiPoint { type: 'MultiPoint'; coordinates: Position[] }
export interface LineString { type: 'LineString'; coordinates: Position[] }
export interface MultiLineString { type: 'MultiLineString'; coordinates: Position[][] }
export interface Polygon { type: 'Polygon'; coordinates: Ring[] }
export interface MultiPolygon { type: 'MultiPolygon'; coordinates: Ring[][] }
export type Geometry = Point | MultiPoint | LineString | MultiLineString | Polygon | MultiPolygon;
export type GeometryType = Geometry['type'];
export type PolygonalGeometry = Polygon | MultiPolygon;

/** Attribute values after decoding: dates are ISO `YYYY-MM-DD` strings. */
export type PropertyValue = string | number | boolean | null;
export type Properties = Record<string, PropertyValue>;

export interface Feature<G extends Geometry | null = Geometry | null> {
  type: 'Feature';
  /** Zero-based record index in the source, or the store's feature id. */
  id?: number | string;
  geometry: G;
  properties: Properties;
}

export interface FeatureCollection<G extends Geometry | null = Geometry | null> {
  type: 'FeatureCollection';
  features: Feature<G>[];
}

/** [minX, minY, maxX, maxY] in the layer's CRS. */
export type Extent = [number, number, number, number];

export type FieldType = 'string' | 'integer' | 'number' | 'date' | 'boolean';

export interface FieldDef {
  name: string;
  type: FieldType;
  /** Width in bytes as stored (DBF), or null where the format has none. */
  width: number | null;
  /** Decimal places for numbers, where the format has them. */
  decimals?: number;
}

/**
 * Random access to bytes, implemented at the edges: a file (host, with a read-ahead buffer) or an in-memory buffer.
 * Reads past the end return the bytes that exist (a shorter array); callers check lengths.
 */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Uint8Array;
}

/** An in-memory {@link ByteSource}. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.byteLength,
    read: (offset, length) => bytes.subarray(Math.max(0, offset), Math.min(bytes.byteLength, offset + length)),
  };
}

/** Progress of a long operation: `done` of `total` units (total null when unknown). */
export interface Progress {
  phase: string;
  done: number;
  total: number | null;
}

/** The part of an `AbortSignal` core relies on (core has no DOM or Node types). */
export interface AbortSignalLike {
  readonly aborted: boolean;
}

/** Passed to long operations: report progress, and stop when `signal.aborted` (throw CancelledError). */
export interface TaskContext {
  signal?: AbortSignalLike;
  onProgress?: (p: Progress) => void;
}
