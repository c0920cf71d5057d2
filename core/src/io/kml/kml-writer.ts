import { crsFromEpsg } from '../../crs/crs-from-epsg';
import type { CrsInfo } from '../../crs/crs-info';
import { num } from '../../crs/crs-definition';
import { createTransform, transformGeometry } from '../../crs/transform';
import { InputError } from '../../errors';
import type { Feature, FieldDef, Geometry, Position } from '../../types';

export interface WriteKmlOptions {
  /** The CRS of the features; they are reprojected to WGS 84 (KML's only CRS). */
  crs: CrsInfo;
  /** The layer's fields (their order and types make the KML Schema). */
  fields: readonly FieldDef[];
  /** Layer name: the Schema and the Folder. */
  name?: string;
  /** The field whose value becomes each Placemark's `<name>` (e.g. "DKMC"); none by default. */
  nameField?: string;
  /** Decimals of the coordinates (default: as many as needed to round-trip). */
  precision?: number;
}

const KML_TYPES: Record<FieldDef['type'], string> = { integer: 'int', number: 'float', boolean: 'bool', string: 'string', date: 'string' };

/**
 * KML text in pieces (one per Placemark), laid out as GDAL's KML driver writes it: a Schema of the fields, one Folder,
 * Placemarks with ExtendedData/SchemaData/SimpleData (null values left out, as GDAL does) and Polygon /
 * MultiGeometry geometry in WGS 84. Join the pieces for a string, or stream them to a file.
 * @throws InputError CRS_TRANSFORM_FAILED for a position that cannot be put in WGS 84.
 */
export function* kmlChunks(features: Iterable<Feature>, options: WriteKmlOptions): Generator<string> {
  const name = options.name ?? 'layer';
  const wgs84 = crsFromEpsg(4326)!;
  const transform = options.crs.proj4 === wgs84.proj4 ? null : createTransform(options.crs, wgs84);
  const precision = options.precision;
  if (precision !== undefined && (!Number.isInteger(precision) || precision < 0 || precision > 17)) throw new InputError('INVALID_ARGUMENT', { name: 'precision', reason: `${precision} is not 0–17` });
  const fmt = precision === undefined ? num : (v: number) => num(Number(v.toFixed(precision)));
  const id = xmlName(name);
  yield '<?xml version="1.0" encoding="utf-8" ?>\n<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document id="root_doc">\n';
  yield `<Schema name="${escape(name)}" id="${id}">\n${options.fields.map((f) => `\t<SimpleField name="${escape(f.name)}" type="${KML_TYPES[f.type]}"></SimpleField>\n`).join('')}</Schema>\n`;
  yield `<Folder><name>${escape(name)}</name>\n`;
  for (const f of features) {
    let out = '  <Placemark>\n';
    const label = options.nameField ? f.properties[options.nameField] : null;
    if (label !== null && label !== undefined) out += `\t<name>${escape(String(label))}</name>\n`;
    const data = options.fields.filter((field) => f.properties[field.name] !== null && f.properties[field.name] !== undefined);
    if (data.length > 0) {
      out += `\t<ExtendedData><SchemaData schemaUrl="#${id}">\n`;
      for (const field of data) out += `\t\t<SimpleData name="${escape(field.name)}">${escape(String(f.properties[field.name]))}</SimpleData>\n`;
      out += '\t</SchemaData></ExtendedData>\n';
    }
    if (f.geometry) out += `      ${geometryKml(transform ? transformGeometry(f.geometry, transform) : f.geometry, fmt)}\n`;
    yield `${out}  </Placemark>\n`;
  }
  yield '</Folder>\n</Document></kml>\n';
}

/** The whole KML text (see {@link kmlChunks}). */
export function writeKml(features: Iterable<Feature>, options: WriteKmlOptions): string {
  return [...kmlChunks(features, options)].join('');
}

function geometryKml(g: Geometry, fmt: (v: number) => string): string {
  const coordinates = (ps: Position[]) => `<coordinates>${ps.map((p) => p.map(fmt).join(',')).join(' ')}</coordinates>`;
  const polygon = (rings: Position[][]) =>
    `<Polygon><outerBoundaryIs><LinearRing>${coordinates(rings[0])}</LinearRing></outerBoundaryIs>` +
    rings.slice(1).map((r) => `<innerBoundaryIs><LinearRing>${coordinates(r)}</LinearRing></innerBoundaryIs>`).join('') +
    '</Polygon>';
  switch (g.type) {
    case 'Point':
      return `<Point>${coordinates([g.coordinates])}</Point>`;
    case 'LineString':
      return `<LineString>${coordinates(g.coordinates)}</LineString>`;
    case 'Polygon':
      return polygon(g.coordinates);
    case 'MultiPoint':
      return `<MultiGeometry>${g.coordinates.map((p) => `<Point>${coordinates([p])}</Point>`).join('')}</MultiGeometry>`;
    case 'MultiLineString':
      return `<MultiGeometry>${g.coordinates.map((l) => `<LineString>${coordinates(l)}</LineString>`).join('')}</MultiGeometry>`;
    case 'MultiPolygon':
      return `<MultiGeometry>${g.coordinates.map(polygon).join('')}</MultiGeometry>`;
  }
}

/** Text and attribute values with the XML special characters escaped; control characters XML cannot hold dropped. */
function escape(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) continue;
    out += ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '"' ? '&quot;' : ch;
  }
  return out;
}

/** A Schema id: XML name characters only. */
function xmlName(name: string): string {
  const cleaned = name.replace(/[^\w.\-\u00C0-\uFFFF]/g, '_');
  return /^[A-Za-z_\u00C0-\uFFFF]/.test(cleaned) ? cleaned : `_${cleaned}`;
}
