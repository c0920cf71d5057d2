import { crsFromEpsg } from '../../crs/crs-from-epsg';
import { reconcileCrsWithExtent } from '../../crs/reconcile-crs-extent';
import { InputError } from '../../errors';
import type { Feature, FieldDef, FieldType, Position, Properties, PropertyValue } from '../../types';
import { decodeChineseText } from '../coordinates-txt/decode-text';
import { detectDltbSchema } from '../dltb-schema/dltb-fields';
import { extentOf, keepOneFamily } from '../geojson';
import { decoderFor, encodingFromLabel } from '../text-codec';
import type { VectorLayerInfo, VectorSource } from '../vector-source';
import { closeRing, parseCoordinates, placemarkGeometry, type PlacemarkShapes } from './kml-geometry';
import { lineOf, XmlSyntaxError, xmlEvents } from './xml-tokenizer';

export interface KmlOptions {
  /** File name for messages. */
  file?: string;
  /** Largest file accepted, bytes (default 256 MiB), checked before decoding. */
  maxBytes?: number;
  /** Deepest element nesting accepted (default 256). */
  maxDepth?: number;
}

export const DEFAULT_KML_MAX_BYTES = 256 * 1024 * 1024;

/** KML's SimpleField types → field types (OGC KML 2.2 §9.9). */
const SIMPLE_TYPES: Record<string, FieldType> = { int: 'integer', uint: 'integer', short: 'integer', ushort: 'integer', float: 'number', double: 'number', bool: 'boolean', string: 'string' };

interface Placemark {
  pos: number;
  name: string | null;
  description: string | null;
  values: Map<string, string>;
  shapes: PlacemarkShapes;
  polygon: { outer: Position[] | null; inners: Position[][] } | null;
}

/**
 * Opens KML: every Placemark (in any Document/Folder) with its Point, LineString, Polygon (outerBoundaryIs /
 * innerBoundaryIs) or MultiGeometry, its `name` and `description`, and its ExtendedData (`Data`/`value` and
 * `SchemaData`/`SimpleData`, typed by the document's `Schema`). KML is always WGS 84 longitude/latitude (EPSG:4326).
 * The text is read by a strict, bounded tokenizer (xml-tokenizer.ts); the encoding is UTF-8 unless the XML
 * declaration names a GBK-family encoding.
 * @throws InputError KML_MALFORMED (with the line) for XML that is not well-formed, KML_NOT_KML for another XML
 *   document, KML_BAD_COORDINATES / KML_BAD_GEOMETRY for geometry that cannot be read, KML_TOO_LARGE.
 */
export function openKml(bytes: Uint8Array, options: KmlOptions = {}): VectorSource {
  const file = options.file ?? 'layer.kml';
  const limit = options.maxBytes ?? DEFAULT_KML_MAX_BYTES;
  if (bytes.byteLength > limit) throw new InputError('KML_TOO_LARGE', { file, size: bytes.byteLength, limit });
  const { text, encoding } = decodeKml(bytes);

  const schemas = new Map<string, { name: string; type: FieldType }[]>();
  let schema: { name: string; type: FieldType }[] | null = null;
  const fieldTypes = new Map<string, FieldType>();
  const placemarks: Placemark[] = [];
  const stack: string[] = [];
  let current: Placemark | null = null;
  let content = '';
  let dataName = '';
  let ignored = 0;
  const at = (pos: number) => ({ file, line: lineOf(text, pos) });

  try {
    for (const e of xmlEvents(text, { maxDepth: options.maxDepth })) {
      if (e.kind === 'text') {
        content += e.text;
        continue;
      }
      if (e.kind === 'open') {
        stack.push(e.name);
        content = '';
        if (stack.length === 1 && e.name !== 'kml') throw new InputError('KML_NOT_KML', { file, root: e.name });
        const a = e.attributes;
        if (e.name === 'Schema') {
          schema = [];
          if (a.id) schemas.set(`#${a.id}`, schema);
          if (a.name) schemas.set(a.name, schema);
        } else if (e.name === 'SimpleField' && schema && a.name) schema.push({ name: a.name, type: SIMPLE_TYPES[(a.type ?? 'string').toLowerCase()] ?? 'string' });
        else if (e.name === 'Placemark' && !current) {
          current = { pos: e.pos, name: null, description: null, values: new Map(), shapes: { polygons: [], lines: [], points: [] }, polygon: null };
        } else if (current) {
          if (e.name === 'Data' || e.name === 'SimpleData') dataName = a.name ?? '';
          else if (e.name === 'SchemaData') {
            for (const field of schemas.get(a.schemaUrl ?? '') ?? schemas.get((a.schemaUrl ?? '').replace(/^#/, '')) ?? []) {
              if (!fieldTypes.has(field.name)) fieldTypes.set(field.name, field.type);
            }
          } else if (e.name === 'Polygon') current.polygon = { outer: null, inners: [] };
          else if (e.name === 'Track' || e.name === 'MultiTrack' || e.name === 'Model') ignored++;
        }
        continue;
      }
      // close
      const parent = stack[stack.length - 2];
      const grandparent = stack[stack.length - 3];
      if (e.name === 'Schema') schema = null;
      else if (current) {
        if (e.name === 'name' && parent === 'Placemark') current.name = content.trim();
        else if (e.name === 'description' && parent === 'Placemark') current.description = content.trim();
        else if (e.name === 'value' && parent === 'Data') current.values.set(dataName, content);
        else if (e.name === 'SimpleData') current.values.set(dataName, content);
        else if (e.name === 'coordinates') addCoordinates(current, content, parent, grandparent, () => at(e.pos));
        else if (e.name === 'Polygon') closePolygon(current, () => at(e.pos));
        else if (e.name === 'Placemark') {
          placemarks.push(current);
          current = null;
        }
      }
      stack.pop();
    }
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw new InputError('KML_MALFORMED', { ...at(e.pos), reason: e.reason });
    throw e;
  }

  const fields = layerFields(placemarks, fieldTypes);
  const warnings: VectorLayerInfo['warnings'] = [];
  let leftOut = 0;
  const all: Feature[] = placemarks.map((p, i) => {
    const { geometry, leftOut: n } = placemarkGeometry(p.shapes);
    leftOut += n;
    return { type: 'Feature', id: i, geometry, properties: properties(p, fields) };
  });
  if (leftOut > 0) warnings.push({ code: 'KML_MULTIGEOMETRY_MIXED', details: { file, count: leftOut } });
  if (ignored > 0) warnings.push({ code: 'KML_GEOMETRY_IGNORED', details: { file, count: ignored } });
  const { kept, geometryType, dropped } = keepOneFamily(all);
  if (dropped) warnings.push({ code: 'VECTOR_GEOMETRY_MIXED', details: { file, kept: geometryType, ...dropped } });
  kept.forEach((f, i) => (f.id = i));
  const extent = extentOf(kept);
  const crs = reconcileCrsWithExtent(crsFromEpsg(4326)!, extent, file).crs;
  return {
    info: { format: 'kml', featureCount: kept.length, geometryType, crs, encoding: { name: encoding, source: 'detected' }, fields, extent, schema: detectDltbSchema(fields), warnings },
    features: () => kept.values(),
  };
}

/** `where` gives the file and line of the element; it is called only for a message (counting lines costs a pass). */
function addCoordinates(p: Placemark, text: string, parent: string | undefined, grandparent: string | undefined, where: () => { file: string; line: number }): void {
  const positions = parseCoordinates(text);
  if ('bad' in positions) throw new InputError('KML_BAD_COORDINATES', { ...where(), value: positions.bad });
  if (parent === 'Point') {
    if (positions.length !== 1) throw new InputError('KML_BAD_GEOMETRY', { ...where(), reason: `a Point with ${positions.length} positions` });
    p.shapes.points.push(positions[0]);
  } else if (parent === 'LineString') {
    if (positions.length < 2) throw new InputError('KML_BAD_GEOMETRY', { ...where(), reason: 'a LineString with fewer than 2 positions' });
    p.shapes.lines.push(positions);
  } else if (parent === 'LinearRing') {
    const ring = closeRing(positions);
    if (ring.length < 4) throw new InputError('KML_BAD_GEOMETRY', { ...where(), reason: 'a LinearRing with fewer than 3 positions' });
    if (grandparent === 'outerBoundaryIs' && p.polygon) p.polygon.outer = ring;
    else if (grandparent === 'innerBoundaryIs' && p.polygon) p.polygon.inners.push(ring);
    else p.shapes.lines.push(ring);
  }
}

function closePolygon(p: Placemark, where: () => { file: string; line: number }): void {
  const polygon = p.polygon;
  p.polygon = null;
  if (!polygon?.outer) throw new InputError('KML_BAD_GEOMETRY', { ...where(), reason: 'a Polygon without outerBoundaryIs' });
  p.shapes.polygons.push([polygon.outer, ...polygon.inners]);
}

/** name, description, the Schema's fields in their declared order, then untyped Data in the order first seen. */
function layerFields(placemarks: Placemark[], typed: Map<string, FieldType>): FieldDef[] {
  const names = [...new Set(['name', 'description', ...typed.keys()])];
  for (const p of placemarks) for (const key of p.values.keys()) if (!names.includes(key)) names.push(key);
  return names.map((name) => ({ name, type: name === 'name' || name === 'description' ? 'string' : (typed.get(name) ?? 'string'), width: null }));
}

function properties(p: Placemark, fields: FieldDef[]): Properties {
  const out: Properties = {};
  for (const f of fields) {
    // A Data field called "name" or "description" stands in when the element itself is absent.
    if (f.name === 'name' || f.name === 'description') out[f.name] = p[f.name] ?? typedValue(p.values.get(f.name), 'string');
    else out[f.name] = typedValue(p.values.get(f.name), f.type);
  }
  return out;
}

function typedValue(text: string | undefined, type: FieldType): PropertyValue {
  if (text === undefined) return null;
  const t = text.trim();
  if (type === 'integer') return /^[-+]?\d+$/.test(t) ? Number(t) : null;
  if (type === 'number') return /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : null;
  if (type === 'boolean') return t === '1' || t === 'true' ? true : t === '0' || t === 'false' ? false : null;
  return text;
}

/** UTF-8 (with or without BOM) unless the XML declaration names another encoding, e.g. GBK. */
function decodeKml(bytes: Uint8Array): { text: string; encoding: string } {
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 200); i++) head += String.fromCharCode(bytes[i]);
  const declared = /^(?:\uFEFF|\u00EF\u00BB\u00BF)?\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1];
  const encoding = declared ? encodingFromLabel(declared) : null;
  if (encoding && encoding.name !== 'UTF-8') {
    const decoder = decoderFor(encoding);
    if (decoder) return { text: decoder.decode(bytes), encoding: encoding.name };
  }
  const decoded = decodeChineseText(bytes);
  return { text: decoded.text, encoding: decoded.encoding };
}
