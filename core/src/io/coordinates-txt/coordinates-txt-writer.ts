import Decimal from 'decimal.js';
import type { CrsInfo } from '../../crs/crs-info';
import { InputError } from '../../errors';
import type { MultiPolygon, Polygon, Position, Properties } from '../../types';
import { encodeText, firstUnencodable } from '../text-codec';
import { CRS_KEYS, DATUM_TEXT } from './header-crs';

/** One parcel to write: its polygon in the file's CRS, its attributes (DKBH, DKMC, TFH, DKYT, DLBM), its area. */
export interface CoordinatesTxtParcel {
  geometry: Polygon | MultiPolygon;
  properties: Properties;
  /** 地块面积 in hectares, as the caller computed it (the 三调 ellipsoidal area; this writer computes no area). */
  areaHa: number;
}

export interface WriteCoordinatesTxtOptions {
  /** A Chinese Gauss-Kruger zone CRS (the coordinates are written as they are, with or without zone prefix). */
  crs: CrsInfo;
  /** `[属性描述]` values: 数据产生单位, 数据产生日期, 精度, 转换参数 and any other key (kept, after the standard ones). */
  header?: Record<string, string>;
  /** 'GBK' (default: what government systems read) or 'UTF-8' (written with a BOM so Windows tools recognise it). */
  encoding?: 'GBK' | 'UTF-8';
  /** Decimals of the coordinates, default 3 (millimetres). */
  decimals?: number;
}

const STANDARD_KEYS = ['格式版本号', '数据产生单位', '数据产生日期', '坐标系', '几度分带', '投影类型', '计量单位', '带号', '精度', '转换参数'];

/**
 * Writes the Ministry boundary-coordinate text file (docs/methods/sandiao-data.md §7 writer rules) as bytes: CRLF
 * line ends, GBK by default, 转换参数 with its six commas, every ring closed by repeating its first point, points named
 * J1, J2 … per parcel, 圈号 1 for the first outer ring and counting on through its holes and the next parts, 地块面积
 * in hectares with 4 decimals (half up).
 * @throws InputError TXT_WRITE_* for a CRS that is not a Gauss-Kruger zone, a value holding a comma or line break
 *   (it would break the format), a character GBK cannot hold, a bad area or geometry.
 */
export function writeCoordinatesTxt(parcels: Iterable<CoordinatesTxtParcel>, options: WriteCoordinatesTxtOptions): Uint8Array {
  const text = formatCoordinatesTxt(parcels, options);
  const encoding = options.encoding ?? 'GBK';
  const bytes = encodeText(text, encoding);
  if (!bytes) {
    const char = firstUnencodable(text, encoding) ?? '?';
    throw new InputError('TXT_WRITE_UNENCODABLE', { char, encoding });
  }
  if (encoding === 'GBK') return bytes;
  const out = new Uint8Array(bytes.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(bytes, 3);
  return out;
}

/** The text {@link writeCoordinatesTxt} encodes (CRLF line ends). */
export function formatCoordinatesTxt(parcels: Iterable<CoordinatesTxtParcel>, options: WriteCoordinatesTxtOptions): string {
  const decimals = options.decimals ?? 3;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) throw new InputError('INVALID_ARGUMENT', { name: 'decimals', reason: `${decimals} is not 0–6` });
  const lines = ['[属性描述]', ...headerLines(options, decimals), '[地块坐标]'];
  let record = 0;
  for (const parcel of parcels) {
    record++;
    lines.push(...parcelLines(parcel, record, decimals));
  }
  return lines.join('\r\n') + '\r\n';
}

function headerLines(options: WriteCoordinatesTxtOptions, decimals: number): string[] {
  const { crs } = options;
  const zone = crs.transverseMercator?.zone;
  if (!zone || !crs.ellipsoid || !(crs.ellipsoid in DATUM_TEXT)) throw new InputError('TXT_WRITE_CRS', { name: crs.name });
  const given = options.header ?? {};
  const values: Record<string, string> = {
    格式版本号: given['格式版本号'] ?? '1.01版本',
    ...given,
    [CRS_KEYS.system]: DATUM_TEXT[crs.ellipsoid as keyof typeof DATUM_TEXT],
    [CRS_KEYS.width]: String(zone.width),
    [CRS_KEYS.projection]: '高斯克吕格',
    [CRS_KEYS.unit]: '米',
    [CRS_KEYS.zone]: String(zone.number),
    精度: given['精度'] ?? (decimals === 0 ? '1' : `0.${'0'.repeat(decimals - 1)}1`),
    转换参数: given['转换参数'] ?? ',,,,,,',
  };
  if (values['转换参数'].split(',').length !== 7) throw new InputError('TXT_WRITE_BAD_HEADER', { key: '转换参数', value: values['转换参数'] });
  const keys = [...STANDARD_KEYS.filter((k) => k in values), ...Object.keys(values).filter((k) => !STANDARD_KEYS.includes(k))];
  return keys.map((key) => {
    const value = values[key];
    if (/[\r\n]/.test(key + value) || /[=＝]/.test(key) || /^[[【]/.test(key)) throw new InputError('TXT_WRITE_BAD_HEADER', { key, value });
    return `${key}=${value}`;
  });
}

function parcelLines(parcel: CoordinatesTxtParcel, record: number, decimals: number): string[] {
  const { geometry, properties, areaHa } = parcel;
  if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
    throw new InputError('TXT_WRITE_GEOMETRY', { record, type: geometry ? (geometry as { type: string }).type : 'null' });
  }
  if (!Number.isFinite(areaHa) || areaHa < 0) throw new InputError('TXT_WRITE_BAD_AREA', { record, value: String(areaHa) });
  const field = (name: string): string => {
    const value = properties[name];
    const text = value === null || value === undefined ? '' : String(value);
    if (/[,，\r\n]/.test(text)) throw new InputError('TXT_WRITE_FIELD_SEPARATOR', { record, field: name, value: text });
    return text;
  };

  const points: string[] = [];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let ringNumber = 0;
  let pointNumber = 0;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      ringNumber++;
      const open = openRing(ring, record);
      const first = pointNumber + 1;
      for (const p of open) points.push(pointLine(++pointNumber, ringNumber, p, decimals, record));
      points.push(pointLine(first, ringNumber, open[0], decimals, record));
    }
  }
  const area = new Decimal(areaHa).toFixed(4, Decimal.ROUND_HALF_UP);
  const head = [String(points.length), area, field('DKBH'), field('DKMC'), '面', field('TFH'), field('DKYT'), field('DLBM'), '@'].join(',');
  return [head, ...points];
}

/** The ring without its closing repeat; at least three points. */
function openRing(ring: Position[], record: number): Position[] {
  const last = ring[ring.length - 1];
  const closed = ring.length > 1 && ring[0][0] === last[0] && ring[0][1] === last[1];
  const open = closed ? ring.slice(0, -1) : ring;
  if (open.length < 3) throw new InputError('TXT_WRITE_GEOMETRY', { record, type: `ring of ${open.length} points` });
  return open;
}

/** `J{n},{圈号},{X = northing},{Y = easting}`. */
function pointLine(n: number, ring: number, p: Position, decimals: number, record: number): string {
  if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) throw new InputError('TXT_WRITE_GEOMETRY', { record, type: 'non-finite coordinate' });
  return `J${n},${ring},${p[1].toFixed(decimals)},${p[0].toFixed(decimals)}`;
}
