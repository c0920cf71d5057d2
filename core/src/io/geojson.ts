import { crsFromEpsg } from '../crs/crs-from-epsg';
import { epsgCodeOf } from '../crs/crs-from-user-input';
import type { CrsInfo } from '../crs/crs-info';
import { reconcileCrsWithExtent } from '../crs/reconcile-crs-extent';
import { num } from '../crs/crs-definition';
import { InputError } from '../errors';
import type { Extent, Feature, FieldDef, FieldType, Geometry, GeometryType, Position, Properties, PropertyValue } from '../types';
import { decodeChineseText } from './coordinates-txt/decode-text';
import { detectDltbSchema } from './dltb-schema/dltb-fields';
import type { VectorLayerInfo, VectorSource } from './vector-source';

export interface GeoJsonOptions {
  /** File name for messages. */
  file?: string;
  /** The CRS to use instead of what the file says (`--crs`). */
  crs?: CrsInfo | null;
  /** Largest file accepted, bytes (default 512 MiB): checked before decoding or parsing. */
  maxBytes?: number;
}

export const DEFAULT_GEOJSON_MAX_BYTES = 512 * 1024 * 1024;
const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);

/**
 * Opens GeoJSON: a FeatureCollection, a single Feature or a bare geometry. Coordinates are WGS 84 lon/lat (RFC 7946)
 * unless the legacy `crs` member names an EPSG code (`urn:ogc:def:crs:EPSG::4528`, `EPSG:4528`), as GDAL writes and
 * reads it. Field types are inferred over all features as GDAL does (integers, reals, booleans, YYYY-MM-DD dates,
 * strings; nested objects and arrays become JSON text). A layer mixing polygons with lines or points keeps its
 * polygons (then lines, then points) and says what it left out.
 * @throws InputError GEOJSON_* naming the path of the fault (e.g. `features[12].geometry.coordinates[0]`);
 *   CRS_* for an unknown `crs` or coordinates impossible in the CRS.
 */
export function openGeoJson(bytes: Uint8Array, options: GeoJsonOptions = {}): VectorSource {
  const file = options.file ?? 'layer.geojson';
  const limit = options.maxBytes ?? DEFAULT_GEOJSON_MAX_BYTES;
  if (bytes.byteLength > limit) throw new InputError('GEOJSON_TOO_LARGE', { file, size: bytes.byteLength, limit });
  const decoded = decodeChineseText(bytes);
  let root: unknown;
  try {
    root = JSON.parse(decoded.text);
  } catch (e) {
    throw new InputError('GEOJSON_INVALID_JSON', { file, reason: e instanceof Error ? e.message.slice(0, 120) : String(e) });
  }
  const bad = (path: string, reason: string): never => {
    throw new InputError('GEOJSON_BAD_STRUCTURE', { file, path: path || '(root)', reason });
  };
  if (!isObject(root)) return bad('', 'the document is not a JSON object');

  // Paths name the fault as a reader of the file would find it: features[12].geometry.coordinates[0].
  let rawFeatures: { value: unknown; path: string; geometryPath: string }[];
  if (root.type === 'FeatureCollection') {
    if (!Array.isArray(root.features)) return bad('features', '"features" is not an array');
    rawFeatures = root.features.map((value, i) => ({ value, path: `features[${i}]`, geometryPath: `features[${i}].geometry` }));
  } else if (root.type === 'Feature') rawFeatures = [{ value: root, path: '', geometryPath: 'geometry' }];
  else if (typeof root.type === 'string' && (GEOMETRY_TYPES.has(root.type) || root.type === 'GeometryCollection')) {
    rawFeatures = [{ value: { type: 'Feature', properties: {}, geometry: root }, path: '', geometryPath: '' }];
  } else return bad('type', `"type" is ${preview(root.type)}, not FeatureCollection, Feature or a geometry`);

  const features: Feature[] = [];
  const rawProperties: Record<string, unknown>[] = [];
  for (const { value, path, geometryPath } of rawFeatures) {
    if (!isObject(value) || value.type !== 'Feature') return bad(path, 'not a Feature');
    const props = value.properties ?? {};
    if (!isObject(props)) return bad(join(path, 'properties'), '"properties" is not an object');
    rawProperties.push(props);
    const geometry = value.geometry === null || value.geometry === undefined ? null : readGeometry(value.geometry, geometryPath, file);
    features.push({ type: 'Feature', id: features.length, geometry, properties: {} });
  }
  const fields = withRealsByText(inferFields(rawProperties), decoded.text);
  features.forEach((f, i) => (f.properties = typedProperties(rawProperties[i], fields)));

  const { kept, geometryType, dropped } = keepOneFamily(features);
  let crs = options.crs ?? crsOfMember(root.crs, file);
  const extent = extentOf(kept);
  const warnings: VectorLayerInfo['warnings'] = [];
  if (dropped) warnings.push({ code: 'VECTOR_GEOMETRY_MIXED', details: { file, kept: geometryType, ...dropped } });
  const reconciled = reconcileCrsWithExtent(crs, extent, file);
  crs = reconciled.crs;
  if (reconciled.warning) warnings.push(reconciled.warning);
  kept.forEach((f, i) => (f.id = i));
  return {
    info: {
      format: 'geojson',
      featureCount: kept.length,
      geometryType,
      crs,
      encoding: { name: decoded.encoding, source: 'detected' },
      fields,
      extent,
      schema: detectDltbSchema(fields),
      warnings,
    },
    features: () => kept.values(),
  };
}

function crsOfMember(member: unknown, file: string): CrsInfo {
  if (member === undefined || member === null) return crsFromEpsg(4326)!;
  // {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4528"}} as GDAL writes it, or the 2008 draft's
  // {"type": "EPSG", "properties": {"code": 4528}}, which GDAL also reads.
  const properties = isObject(member) && isObject(member.properties) ? member.properties : {};
  const name = isObject(member) && member.type === 'name' ? properties.name : isObject(member) && member.type === 'EPSG' ? `EPSG:${String(properties.code)}` : undefined;
  const code = typeof name === 'string' ? epsgCodeOf(name) : null;
  if (code === null) throw new InputError('GEOJSON_BAD_STRUCTURE', { file, path: 'crs', reason: `the crs member ${preview(member)} names no EPSG code` });
  const crs = crsFromEpsg(code);
  if (!crs) throw new InputError('CRS_EPSG_UNKNOWN', { source: file, code });
  return crs;
}

/** A geometry checked all the way down: positions of ≥ 2 finite numbers, lines of ≥ 2 positions, rings of ≥ 4. */
function readGeometry(g: unknown, path: string, file: string): Geometry {
  if (!isObject(g)) throw new InputError('GEOJSON_BAD_STRUCTURE', { file, path, reason: 'the geometry is not an object' });
  const type = g.type;
  if (type === 'GeometryCollection') throw new InputError('GEOJSON_UNSUPPORTED_GEOMETRY', { file, path: path || '(root)', type });
  // Everything below is bounded: positions are checked at the depth their type fixes, never deeper.
  if (typeof type !== 'string' || !GEOMETRY_TYPES.has(type)) throw new InputError('GEOJSON_BAD_STRUCTURE', { file, path: join(path, 'type'), reason: `unknown geometry type ${preview(type)}` });
  const coords = join(path, 'coordinates');
  const position = (p: unknown, at: string): Position => {
    if (!Array.isArray(p) || p.length < 2 || p.length > 4 || !p.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      throw new InputError('GEOJSON_BAD_COORDINATE', { file, path: at, value: preview(p) });
    }
    return p.slice(0, 3) as Position;
  };
  const list = <T>(v: unknown, at: string, item: (x: unknown, at: string) => T, min: number, what: string): T[] => {
    if (!Array.isArray(v)) throw new InputError('GEOJSON_BAD_COORDINATE', { file, path: at, value: preview(v) });
    const out = v.map((x, i) => item(x, `${at}[${i}]`));
    if (out.length < min) throw new InputError('GEOJSON_BAD_GEOMETRY', { file, path: at, reason: `${what} needs at least ${min} positions` });
    return out;
  };
  const line = (v: unknown, at: string) => list(v, at, position, 2, 'a line');
  const ring = (v: unknown, at: string): Position[] => {
    const r = list(v, at, position, 4, 'a ring');
    const [a, b] = [r[0], r[r.length - 1]];
    if (a[0] !== b[0] || a[1] !== b[1]) throw new InputError('GEOJSON_BAD_GEOMETRY', { file, path: at, reason: 'the ring does not end where it starts' });
    return r;
  };
  const polygon = (v: unknown, at: string) => list(v, at, ring, 1, 'a polygon');
  switch (type) {
    case 'Point':
      return { type, coordinates: position(g.coordinates, coords) };
    case 'MultiPoint':
      return { type, coordinates: list(g.coordinates, coords, position, 0, '') };
    case 'LineString':
      return { type, coordinates: line(g.coordinates, coords) };
    case 'MultiLineString':
      return { type, coordinates: list(g.coordinates, coords, line, 0, '') };
    case 'Polygon':
      return { type, coordinates: polygon(g.coordinates, coords) };
    default:
      return { type: 'MultiPolygon', coordinates: list(g.coordinates, coords, polygon, 0, '') };
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Field definitions from raw property objects, in first-seen order, typed as GDAL's GeoJSON driver types them:
 * all integers → integer, any real → number, all booleans → boolean, all YYYY-MM-DD strings → date, else string.
 */
export function inferFields(rows: Record<string, unknown>[]): FieldDef[] {
  const kinds = new Map<string, Set<string>>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      let set = kinds.get(name);
      if (!set) kinds.set(name, (set = new Set()));
      if (value === null || value === undefined) continue;
      if (typeof value === 'number') set.add(Number.isInteger(value) ? 'integer' : 'number');
      else if (typeof value === 'boolean') set.add('boolean');
      else if (typeof value === 'string') set.add(DATE.test(value) ? 'date' : 'string');
      else set.add('json');
    }
  }
  return [...kinds].map(([name, set]) => ({ name, type: fieldType(set), width: null }));
}

/**
 * JSON.parse reads 9600.0 as the integer 9600, but GDAL types a field Real when any value is written with a decimal
 * point or exponent. A field inferred integer is looked up in the text: `"TBMJ": 9600.0` makes it a number field.
 * (A key written with \u escapes is not found, and the field stays integer.)
 */
function withRealsByText(fields: FieldDef[], text: string): FieldDef[] {
  return fields.map((f) => {
    if (f.type !== 'integer') return f;
    const key = JSON.stringify(f.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`${key}\\s*:\\s*-?\\d+(\\.\\d*|[eE])`).test(text) ? { ...f, type: 'number' } : f;
  });
}

function fieldType(kinds: Set<string>): FieldType {
  if (kinds.size === 0) return 'string';
  if ([...kinds].every((k) => k === 'integer')) return 'integer';
  if ([...kinds].every((k) => k === 'integer' || k === 'number')) return 'number';
  if ([...kinds].every((k) => k === 'boolean')) return 'boolean';
  if ([...kinds].every((k) => k === 'date')) return 'date';
  return 'string';
}

function typedProperties(raw: Record<string, unknown>, fields: FieldDef[]): Properties {
  const out: Properties = {};
  for (const field of fields) {
    const value = raw[field.name];
    let typed: PropertyValue;
    if (value === null || value === undefined) typed = null;
    else if (field.type === 'string') typed = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
    else typed = value as PropertyValue;
    out[field.name] = typed;
  }
  return out;
}

const FAMILY: Record<GeometryType, 'polygon' | 'line' | 'point'> = {
  Polygon: 'polygon', MultiPolygon: 'polygon', LineString: 'line', MultiLineString: 'line', Point: 'point', MultiPoint: 'point',
};

/**
 * The features of one geometry family (a layer has one geometry type): polygons if any, else lines, else points;
 * features without geometry stay. The type is the multi type when any feature is multi.
 */
export function keepOneFamily(features: Feature[]): { kept: Feature[]; geometryType: GeometryType | null; dropped: { lines: number; points: number; polygons: number } | null } {
  const counts = { polygon: 0, line: 0, point: 0 };
  for (const f of features) if (f.geometry) counts[FAMILY[f.geometry.type]]++;
  const family = counts.polygon ? 'polygon' : counts.line ? 'line' : counts.point ? 'point' : null;
  if (!family) return { kept: features, geometryType: null, dropped: null };
  const kept = features.filter((f) => !f.geometry || FAMILY[f.geometry.type] === family);
  const multi = kept.some((f) => f.geometry?.type.startsWith('Multi'));
  const single = { polygon: 'Polygon', line: 'LineString', point: 'Point' } as const;
  const geometryType = (multi ? `Multi${single[family]}` : single[family]) as GeometryType;
  const mixed = kept.length !== features.length;
  return { kept, geometryType, dropped: mixed ? { polygons: family === 'polygon' ? 0 : counts.polygon, lines: family === 'line' ? 0 : counts.line, points: family === 'point' ? 0 : counts.point } : null };
}

/** [minX, minY, maxX, maxY] over all positions, or null when no feature has a geometry. */
export function extentOf(features: Iterable<Feature>): Extent | null {
  const e: Extent = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      if (x < e[0]) e[0] = x;
      if (y < e[1]) e[1] = y;
      if (x > e[2]) e[2] = x;
      if (y > e[3]) e[3] = y;
    } else for (const child of c as unknown[]) visit(child);
  };
  for (const f of features) if (f.geometry) visit(f.geometry.coordinates);
  return e[0] === Infinity ? null : e;
}

export interface WriteGeoJsonOptions {
  /** The CRS of the features' coordinates. A CRS other than WGS 84 lon/lat is named in a `crs` member as GDAL writes it. */
  crs: CrsInfo;
  /** Layer name (GDAL's `name` member). */
  name?: string;
  /** Decimals to round coordinates to (trailing zeros dropped); default: as many as needed to round-trip. */
  precision?: number;
}

/**
 * GeoJSON text in pieces (one per feature), laid out as GDAL's GeoJSON driver writes it, so a layer of 300 000
 * parcels can be streamed to a file. Join the pieces for a string.
 * @throws InputError INVALID_ARGUMENT for a bad precision; GEOJSON_WRITE_NO_EPSG for a CRS other than WGS 84 without
 *   an EPSG code (it could not be named).
 */
export function* geoJsonChunks(features: Iterable<Feature>, options: WriteGeoJsonOptions): Generator<string> {
  const { precision } = options;
  if (precision !== undefined && (!Number.isInteger(precision) || precision < 0 || precision > 17)) throw new InputError('INVALID_ARGUMENT', { name: 'precision', reason: `${precision} is not 0–17` });
  const round = precision === undefined ? (v: number) => num(v) : (v: number) => num(Number(toFixedHalfEven(v, precision)));
  let head = '{\n"type": "FeatureCollection",\n';
  if (options.name !== undefined) head += `"name": ${JSON.stringify(options.name)},\n`;
  if (options.crs.epsg !== 4326) {
    if (options.crs.epsg === null) throw new InputError('GEOJSON_WRITE_NO_EPSG', { name: options.crs.name });
    head += `"crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:EPSG::${options.crs.epsg}" } },\n`;
  }
  yield `${head}"features": [\n`;
  let first = true;
  for (const f of features) {
    const geometry = f.geometry ? `{ "type": "${f.geometry.type}", "coordinates": ${coordinatesText(f.geometry.coordinates, round)} }` : 'null';
    yield `${first ? '' : ',\n'}{ "type": "Feature", "properties": ${propertiesText(f.properties)}, "geometry": ${geometry} }`;
    first = false;
  }
  yield '\n]\n}\n';
}

/** The whole GeoJSON text (see {@link geoJsonChunks}). */
export function writeGeoJson(features: Iterable<Feature>, options: WriteGeoJsonOptions): string {
  return [...geoJsonChunks(features, options)].join('');
}

/**
 * `x.toFixed(p)` with ties to even, as C's printf (and so GDAL) rounds: 40500050.125 → "40500050.12". JavaScript's
 * toFixed is exact but sends ties away from zero; a tie is only possible when the double's exact decimal expansion
 * ends in that 5, which toFixed with 60 more digits shows (coordinates have fewer than 60 fractional digits).
 */
export function toFixedHalfEven(x: number, p: number): string {
  const exact = x.toFixed(Math.min(100, p + 60));
  const dot = exact.indexOf('.');
  const fraction = exact.slice(dot + 1);
  if (fraction[p] !== '5' || !/^0*$/.test(fraction.slice(p + 1))) return x.toFixed(p);
  const truncated = p === 0 ? exact.slice(0, dot) : exact.slice(0, dot + 1 + p);
  const last = Number(truncated[truncated.length - 1]);
  return last % 2 === 0 ? truncated : x.toFixed(p);
}

function coordinatesText(c: unknown, round: (v: number) => string): string {
  if (typeof (c as number[])[0] === 'number') return `[ ${(c as number[]).map(round).join(', ')} ]`;
  return `[ ${(c as unknown[]).map((child) => coordinatesText(child, round)).join(', ')} ]`;
}

function propertiesText(p: Properties): string {
  const entries = Object.entries(p).map(([k, v]) => `${JSON.stringify(k)}: ${typeof v === 'number' && !Number.isFinite(v) ? 'null' : JSON.stringify(v)}`);
  return `{ ${entries.join(', ')} }`;
}

/** A short, bounded rendering of any JSON value for a message (never recursing into deep nesting). */
function preview(v: unknown): string {
  if (Array.isArray(v)) return `[${v.slice(0, 4).map((x) => (Array.isArray(x) ? '[…]' : typeof x === 'object' && x !== null ? '{…}' : preview(x))).join(', ')}${v.length > 4 ? ', …' : ''}]`;
  if (typeof v === 'object' && v !== null) return `{${Object.keys(v).slice(0, 4).join(', ')}}`;
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return (JSON.stringify(v) ?? String(v)).slice(0, 60);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
