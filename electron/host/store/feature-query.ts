/**
 * Reading features back: by bounding box through the R-tree, one by id, and the attribute table's filtered, sorted,
 * paged rows. Filters and sorting name fields by their source names (DLBM, 地类名称…); values are bound as
 * parameters, names are checked against the layer's fields, so no user text reaches the SQL.
 */
import type Database from 'better-sqlite3';
import { InputError, decodeGpkgGeometry, type Extent, type Feature, type Properties, type PropertyValue } from '#core';
import { quoteId } from './sql-names';
import { FID_COLUMN, GEOM_COLUMN, rtreeName } from './spatial-table';
import type { LayerField, LayerInfo } from './store-types';

export type AttributeFilter =
  | { field: string; op: 'eq'; value: PropertyValue }
  | { field: string; op: 'in'; values: PropertyValue[] }
  /** Case-insensitive (for Latin letters) substring match on the field's text. */
  | { field: string; op: 'contains'; text: string };

export interface AttributeQuery {
  /** All must hold. */
  filters?: AttributeFilter[];
  sort?: { field: string; direction: 'asc' | 'desc' };
  offset?: number;
  /** Rows per page (default 100, at most 10 000). */
  limit?: number;
}

export interface AttributePage {
  /** Rows matching the filters, over all pages. */
  total: number;
  rows: { id: number; properties: Properties }[];
}

export const MAX_PAGE_ROWS = 10_000;

/** The columns read for properties: the layer's fields, then the computed area column if any. */
function columnsOf(layer: LayerInfo): Pick<LayerField, 'name' | 'column' | 'type'>[] {
  return layer.areaColumn ? [...layer.fields, { name: layer.areaColumn, column: layer.areaColumn, type: 'number' }] : layer.fields;
}

function selectList(layer: LayerInfo): string {
  return columnsOf(layer).map((c) => `t.${quoteId(c.column)}`).join(', ');
}

function readProperties(layer: LayerInfo, row: unknown[], start: number): Properties {
  const props: Properties = {};
  columnsOf(layer).forEach((c, i) => {
    const v = row[start + i] as PropertyValue;
    props[c.name] = c.type === 'boolean' && v !== null ? v === 1 : v;
  });
  return props;
}

/**
 * Features whose bounding box meets `bbox` (the R-tree's candidates: callers needing exact intersection test the
 * geometry). Ordered by id. @param bbox [minX, minY, maxX, maxY] in the layer CRS.
 */
export function featuresInBbox(db: Database.Database, layer: LayerInfo, bbox: Extent, limit = -1): Feature[] {
  if (!layer.geometryType) return [];
  const fields = selectList(layer);
  const rows = db
    .prepare(
      `SELECT t.${quoteId(FID_COLUMN)}, t.${quoteId(GEOM_COLUMN)}${fields ? ', ' + fields : ''} FROM ${quoteId(rtreeName(layer.id))} r JOIN ${quoteId(layer.id)} t ON t.${quoteId(FID_COLUMN)} = r.id
       WHERE r.maxx >= ? AND r.minx <= ? AND r.maxy >= ? AND r.miny <= ? ORDER BY r.id LIMIT ?`,
    )
    .raw()
    .all(bbox[0], bbox[2], bbox[1], bbox[3], limit) as unknown[][];
  return rows.map((row) => toFeature(layer, row));
}

/** One feature with its geometry. @throws InputError FEATURE_NOT_FOUND */
export function featureById(db: Database.Database, layer: LayerInfo, id: number): Feature {
  const fields = selectList(layer);
  const geom = layer.geometryType ? `, t.${quoteId(GEOM_COLUMN)}` : ', NULL';
  const row = db.prepare(`SELECT t.${quoteId(FID_COLUMN)}${geom}${fields ? ', ' + fields : ''} FROM ${quoteId(layer.id)} t WHERE t.${quoteId(FID_COLUMN)} = ?`).raw().get(id) as unknown[] | undefined;
  if (!row) throw new InputError('FEATURE_NOT_FOUND', { layer: layer.title, id });
  return toFeature(layer, row);
}

function toFeature(layer: LayerInfo, row: unknown[]): Feature {
  const blob = row[1] as Uint8Array | null;
  return { type: 'Feature', id: row[0] as number, geometry: blob ? decodeGpkgGeometry(blob).geometry : null, properties: readProperties(layer, row, 2) };
}

/**
 * A page of the attribute table (no geometries). @throws InputError FIELD_NOT_FOUND for an unknown field,
 * INVALID_ARGUMENT for a bad offset/limit.
 */
export function queryAttributes(db: Database.Database, layer: LayerInfo, query: AttributeQuery): AttributePage {
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 100;
  if (!Number.isInteger(offset) || offset < 0) throw new InputError('INVALID_ARGUMENT', { name: 'offset', reason: String(offset) });
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_ROWS) throw new InputError('INVALID_ARGUMENT', { name: 'limit', reason: `${limit} (0…${MAX_PAGE_ROWS})` });
  const where: string[] = [];
  const params: (string | number | null)[] = [];
  for (const f of query.filters ?? []) {
    const col = `t.${quoteId(columnFor(layer, f.field))}`;
    if (f.op === 'eq') {
      if (f.value === null) where.push(`${col} IS NULL`);
      else {
        where.push(`${col} = ?`);
        params.push(bindable(f.value));
      }
    } else if (f.op === 'in') {
      if (f.values.length === 0) where.push('0');
      else {
        where.push(`${col} IN (${f.values.map(() => '?').join(', ')})`);
        params.push(...f.values.map(bindable));
      }
    } else {
      where.push(`instr(lower(${col}), lower(?)) > 0`);
      params.push(f.text);
    }
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db.prepare(`SELECT COUNT(*) FROM ${quoteId(layer.id)} t ${whereSql}`).pluck().get(...params) as number;
  const order = query.sort
    ? `ORDER BY t.${quoteId(columnFor(layer, query.sort.field))} ${query.sort.direction === 'desc' ? 'DESC' : 'ASC'}, t.${quoteId(FID_COLUMN)}`
    : `ORDER BY t.${quoteId(FID_COLUMN)}`;
  const fields = selectList(layer);
  const rows = db
    .prepare(`SELECT t.${quoteId(FID_COLUMN)}${fields ? ', ' + fields : ''} FROM ${quoteId(layer.id)} t ${whereSql} ${order} LIMIT ? OFFSET ?`)
    .raw()
    .all(...params, limit, offset) as unknown[][];
  return { total, rows: rows.map((row) => ({ id: row[0] as number, properties: readProperties(layer, row, 1) })) };
}

/** The column of a field named by its source name (or its column name). @throws InputError FIELD_NOT_FOUND */
export function columnFor(layer: LayerInfo, field: string): string {
  const found = layer.fields.find((f) => f.name === field) ?? layer.fields.find((f) => f.column === field);
  if (found) return found.column;
  if (field === FID_COLUMN || (layer.areaColumn && field === layer.areaColumn)) return field;
  throw new InputError('FIELD_NOT_FOUND', { layer: layer.title, field });
}

function bindable(v: PropertyValue): string | number | null {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}
