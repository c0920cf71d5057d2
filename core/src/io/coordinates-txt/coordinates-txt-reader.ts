import type { CrsInfo } from '../../crs/crs-info';
import { reconcileCrsWithExtent } from '../../crs/reconcile-crs-extent';
import { InputError } from '../../errors';
import type { Issue } from '../../services/issue';
import type { Extent, Feature, FieldDef, MultiPolygon, Polygon } from '../../types';
import type { VectorSource } from '../vector-source';
import { decodeChineseText } from './decode-text';
import { crsFromHeader } from './header-crs';
import { buildParcelGeometry } from './parcel-geometry';
import { parseCoordinatesTxt } from './parse-coordinates-txt';

/**
 * The attribute fields of a parcel, named as in Chinese 勘测定界 databases (ASCII, ≤ 10 bytes, so they survive a
 * shapefile export), in the order of the parcel line `界址点数,地块面积,地块编号,地块名称,记录图形属性,图幅号,地块用途,地类编码,@`.
 */
export const PARCEL_FIELDS: FieldDef[] = [
  { name: 'JZDS', type: 'integer', width: null }, // 界址点数 (as the file says; not trusted)
  { name: 'DKMJ', type: 'number', width: null, decimals: 4 }, // 地块面积, hectares
  { name: 'DKBH', type: 'string', width: null }, // 地块编号
  { name: 'DKMC', type: 'string', width: null }, // 地块名称
  { name: 'TXSX', type: 'string', width: null }, // 记录图形属性 (面)
  { name: 'TFH', type: 'string', width: null }, // 图幅号
  { name: 'DKYT', type: 'string', width: null }, // 地块用途
  { name: 'DLBM', type: 'string', width: null }, // 地类编码
];

export interface CoordinatesTxtOptions {
  /** File name for messages. */
  file?: string;
  /** The CRS to use instead of the header's (`--crs`); it is still checked against the coordinates. */
  crs?: CrsInfo | null;
}

/** A coordinate file opened: the layer, its `[属性描述]` header, and what is wrong with it (data, not exceptions). */
export interface CoordinatesTxtSource extends VectorSource {
  header: Record<string, string>;
  issues: Issue[];
}

/** Largest file accepted: a few hundred thousand boundary points are well under this. */
export const MAX_COORDINATES_TXT_BYTES = 256 * 1024 * 1024;

/**
 * Opens a Ministry boundary-coordinate text file (界址点坐标交换文件; docs/methods/sandiao-data.md §7): UTF-8 with or
 * without BOM, or GBK/GB18030, decided by a strict UTF-8 check; CRLF or LF; one feature per parcel with rings
 * classified into holes and parts by containment; the CRS from 坐标系 + 几度分带 + 带号, with the zone prefix of the
 * eastings checked against 带号. 地块面积 stays in hectares (DKMJ): areas are the geometry engine's business.
 *
 * @param bytes The whole file.
 * @throws InputError (TXT_*) with the line number for a file that cannot be read as parcels; CRS_* when the
 *   coordinates cannot be in the header's CRS.
 * @example const layer = openCoordinatesTxt(bytes, { file: '红线.txt' }); layer.info.crs?.epsg // 4527
 */
export function openCoordinatesTxt(bytes: Uint8Array, options: CoordinatesTxtOptions = {}): CoordinatesTxtSource {
  const file = options.file ?? 'coordinates.txt';
  if (bytes.byteLength > MAX_COORDINATES_TXT_BYTES) throw new InputError('TXT_TOO_LARGE', { file, size: bytes.byteLength, limit: MAX_COORDINATES_TXT_BYTES });
  const decoded = decodeChineseText(bytes);
  const parsed = parseCoordinatesTxt(decoded.text, file);
  const issues = parsed.issues;
  if (!decoded.valid) issues.push({ path: '', code: 'ENCODING_UNCERTAIN', severity: 'warning', details: { file, used: decoded.encoding } });

  const features: Feature<Polygon | MultiPolygon>[] = [];
  let multi = false;
  parsed.parcels.forEach((parcel, index) => {
    const kind = parcel.fields[4];
    if (kind !== '' && kind !== '面') throw new InputError('TXT_GEOMETRY_KIND_UNSUPPORTED', { file, line: parcel.line, kind });
    const { geometry, problems } = buildParcelGeometry([...parcel.rings.values()]);
    const parcelName = parcel.fields[2] || String(index + 1);
    for (const p of problems) {
      const details = { file, line: p.line, parcel: parcelName, ring: p.ringNumber };
      if (p.kind === 'too-few-points') throw new InputError('TXT_RING_TOO_FEW_POINTS', { ...details, count: p.distinct });
      if (p.kind === 'not-closed') issues.push({ path: `line:${p.line}`, code: 'TXT_RING_NOT_CLOSED', severity: 'warning', details });
      else issues.push({ path: `line:${p.line}`, code: 'TXT_RING_SELF_INTERSECTS', severity: 'error', details: { ...details, x: p.at[0], y: p.at[1] } });
    }
    if (geometry!.type === 'MultiPolygon') multi = true;
    features.push({ type: 'Feature', id: index, geometry: geometry!, properties: parcelProperties(parcel.fields, parcel.line, file, issues) });
  });

  const extent = extentOf(features);
  let crs: CrsInfo | null = options.crs ?? null;
  if (!crs && parsed.hasHeader) {
    const fromHeader = crsFromHeader(parsed.header, extent[0] >= 1e7);
    if ('key' in fromHeader) issues.push({ path: `header.${fromHeader.key}`, code: 'TXT_CRS_UNKNOWN', severity: 'warning', details: { file, key: fromHeader.key, value: fromHeader.value } });
    else crs = fromHeader;
  }
  if (crs) {
    const reconciled = reconcileCrsWithExtent(crs, extent, file);
    crs = reconciled.crs;
    if (reconciled.warning) issues.push({ path: 'header.带号', code: reconciled.warning.code, severity: 'warning', details: reconciled.warning.details });
  }

  return {
    info: {
      format: 'coordinates',
      featureCount: features.length,
      geometryType: multi ? 'MultiPolygon' : 'Polygon',
      crs,
      encoding: { name: decoded.encoding, source: 'detected' },
      fields: PARCEL_FIELDS,
      extent,
      schema: null,
      warnings: issues.map(({ code, details }) => ({ code, details })),
    },
    features: () => features.values(),
    header: parsed.header,
    issues,
  };
}

function parcelProperties(fields: string[], line: number, file: string, issues: Issue[]): Record<string, string | number | null> {
  const number = (text: string, field: string, integer: boolean): number | null => {
    if (text === '') return null;
    const ok = integer ? /^\d+$/.test(text) : /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text);
    if (ok && Number.isFinite(Number(text))) return Number(text);
    issues.push({ path: `line:${line}`, code: 'TXT_BAD_NUMBER', severity: 'warning', details: { file, line, field, value: text.length > 40 ? `${text.slice(0, 40)}…` : text } });
    return null;
  };
  return {
    JZDS: number(fields[0], '界址点数', true),
    DKMJ: number(fields[1], '地块面积', false),
    DKBH: fields[2],
    DKMC: fields[3],
    TXSX: fields[4],
    TFH: fields[5],
    DKYT: fields[6],
    DLBM: fields[7],
  };
}

function extentOf(features: Feature<Polygon | MultiPolygon>[]): Extent {
  const e: Extent = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const polygon of polygons) {
      for (const [x, y] of polygon[0]) {
        if (x < e[0]) e[0] = x;
        if (y < e[1]) e[1] = y;
        if (x > e[2]) e[2] = x;
        if (y > e[3]) e[3] = y;
      }
    }
  }
  return e;
}
