/**
 * Streams features into a new layer of the project.
 *
 * Rows go into a staging table (staging.ts) in batches of `batchSize` rows, one transaction each, so memory stays
 * bounded, the WAL stays small (it is checkpointed between batches) and other writers — the app autosaving a red
 * line — wait at most one batch. {@link LayerWriter.finish} publishes the layer in one short transaction: rename into
 * place, R-tree triggers, gpkg_contents / gpkg_geometry_columns / gpkg_extensions rows and the vep_layers entry.
 * Until then no reader sees the layer; {@link LayerWriter.abort} (cancel, bad input) drops the staging table, and a
 * killed process leaves only a staging table that the next writer drops, so the project is as it was before.
 *
 * The R-tree is built at publish from the envelopes collected while writing (16 bytes a feature, kept in memory), in
 * one bottom-up pass (rtree-bulk-load.ts), and its triggers are created after it: inserting row by row through the
 * R-tree module would cost more than writing the features.
 */
import type Database from 'better-sqlite3';
import {
  InputError, encodeGpkgFlatGeometry, encodeGpkgGeometry, isEmptyGeometry,
  type CrsInfo, type Extent, type Feature, type FieldDef, type FlatGeometry, type GeometryType, type MultiPolygon, type PolygonalGeometry, type Position, type PropertyValue,
} from '#core';
import { gpkgTimestamp } from './gpkg-schema';
import { gpkgTypeName, promoteGeometry, storedGeometryType } from './promote-geometry';
import { ensureSrs, srsIdFor } from './spatial-ref-sys';
import { columnNames, layerTableName, quoteId } from './sql-names';
import { BoxList, bulkLoadRtree } from './rtree-bulk-load';
import { dropStagingTable, stagingTableName } from './staging';
import { FID_COLUMN, GEOM_COLUMN, createFeatureTable, createRtree, createRtreeTriggers, registerAttributesTable, registerFeatureTable, rtreeName, type ColumnDef } from './spatial-table';
import type { StoreContext } from './store-context';
import type { LayerField, LayerSource } from './store-types';

/** Rows per INSERT statement: one statement per row would spend a good part of an import in statement overhead. */
const ROWS_PER_INSERT = 25;

/** The column holding the 三调 ellipsoidal area computed at import. */
export const AREA_COLUMN = 'vep_area_m2';

export interface LayerWriterSpec {
  /** The name shown to the user; the table name (layer id) is derived from it at publish. */
  title: string;
  /** The source's geometry type (null for a table without geometry). */
  geometryType: GeometryType | null;
  crs: CrsInfo | null;
  fields: readonly FieldDef[];
  source: LayerSource;
  /** When given, each polygonal feature's ellipsoidal area (m²) is stored in {@link AREA_COLUMN}. */
  areaM2?: (g: PolygonalGeometry) => number;
  /** Rows per transaction (default 10 000). */
  batchSize?: number;
}

const SQL_TYPE: Record<FieldDef['type'], (f: FieldDef) => string> = {
  string: (f) => (f.width && f.width > 0 ? `TEXT(${f.width})` : 'TEXT'),
  integer: () => 'INTEGER',
  number: () => 'REAL',
  date: () => 'DATE',
  boolean: () => 'BOOLEAN',
};

export class LayerWriter {
  private readonly staging = stagingTableName();
  private readonly storedType: GeometryType | null;
  private readonly fields: LayerField[];
  private readonly insertRow: Database.Statement;
  private readonly insertRows: Database.Statement;
  /** Parameters of rows not yet inserted: they go in groups of {@link ROWS_PER_INSERT} per statement. */
  private pending: unknown[] = [];
  private pendingRows = 0;
  private readonly boxes = new BoxList();
  private readonly row: unknown[];
  private readonly batchSize: number;
  private readonly withArea: boolean;
  /** The srs_id stamped into geometry headers; its gpkg_spatial_ref_sys row is written at publish. */
  private readonly srsId: number;
  private inBatch = 0;
  private written = 0;
  private readonly extent: Extent = [Infinity, Infinity, -Infinity, -Infinity];
  private state: 'open' | 'finished' | 'aborted' = 'open';

  /** Creates the staging table. @throws InputError IMPORT_NO_CRS when a spatial layer has no CRS. */
  constructor(
    private readonly ctx: StoreContext,
    private readonly spec: LayerWriterSpec,
  ) {
    if (spec.geometryType && !spec.crs) throw new InputError('IMPORT_NO_CRS', { file: spec.source.files[0]?.path ?? spec.title });
    this.storedType = spec.geometryType ? storedGeometryType(spec.geometryType) : null;
    const withArea = (this.withArea = spec.areaM2 !== undefined && this.storedType === 'MultiPolygon');
    this.srsId = spec.crs && this.storedType ? srsIdFor(ctx.db, spec.crs).srsId : 0;
    const columns = columnNames(spec.fields.map((f) => f.name), [FID_COLUMN, GEOM_COLUMN, ...(withArea ? [AREA_COLUMN] : [])]);
    this.fields = spec.fields.map((f, i) => ({ ...f, column: columns[i] }));
    const defs: ColumnDef[] = this.fields.map((f) => ({ name: f.column, sqlType: SQL_TYPE[f.type](f) }));
    if (withArea) defs.push({ name: AREA_COLUMN, sqlType: 'REAL' });
    this.batchSize = spec.batchSize ?? 10_000;
    const db = ctx.db;
    db.pragma('synchronous = NORMAL'); // staging batches are thrown away on a crash anyway; publish is FULL
    ctx.db.transaction(() => {
      if (this.storedType) {
        createFeatureTable(db, { table: this.staging, geometryType: gpkgTypeName(this.storedType), srsId: 0, columns: defs, identifier: this.staging }, false);
      } else {
        const cols = defs.map((c) => `${quoteId(c.name)} ${c.sqlType}`);
        db.exec(`CREATE TABLE ${quoteId(this.staging)} ( ${quoteId(FID_COLUMN)} INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL${cols.length ? ', ' + cols.join(', ') : ''})`);
      }
    }).immediate();
    const names = [FID_COLUMN, ...(this.storedType ? [GEOM_COLUMN] : []), ...defs.map((d) => d.name)];
    const insert = `INSERT INTO ${quoteId(this.staging)} (${names.map(quoteId).join(', ')}) VALUES `;
    const tuple = `(${names.map(() => '?').join(', ')})`;
    this.insertRow = db.prepare(insert + tuple);
    this.insertRows = db.prepare(insert + Array(ROWS_PER_INSERT).fill(tuple).join(', '));
    this.row = new Array(names.length).fill(null);
  }

  /** Rows written so far. */
  get count(): number {
    return this.written;
  }

  /**
   * Adds one feature. Polygons and lines are stored as their multi types; empty geometries are stored as NULL.
   * @throws InputError IMPORT_MIXED_GEOMETRY when the geometry does not fit the layer's type.
   */
  add(feature: Feature): void {
    const g = feature.geometry;
    let encoded: { blob: Uint8Array; extent: Extent } | null = null;
    if (this.storedType && g && !isEmptyGeometry(g)) {
      const stored = promoteGeometry(g, this.storedType);
      if (!stored) throw this.mixed(g.type);
      const blob = encodeGpkgGeometry(stored, this.srsId);
      encoded = { blob, extent: blob[3] & 0b1110 ? envelopeOf(blob) : pointExtent(stored.coordinates as number[]) };
    }
    const props = feature.properties;
    this.writeRow(encoded, (i) => props[this.fields[i].name], () => (g && (g.type === 'Polygon' || g.type === 'MultiPolygon') ? g : null));
  }

  /**
   * Adds one record from a bulk reader: the geometry as flat arrays (the shapefile reader's fast path) and the
   * attribute values in the order of the spec's fields. Same storage rules as {@link add}.
   */
  addRecord(geometry: FlatGeometry | null, values: readonly PropertyValue[]): void {
    let encoded: { blob: Uint8Array; extent: Extent } | null = null;
    if (this.storedType && geometry) {
      if (!promotable(geometry.type, this.storedType)) throw this.mixed(geometry.type);
      encoded = encodeGpkgFlatGeometry(geometry, this.srsId, this.storedType);
    }
    this.writeRow(encoded, (i) => values[i], () => (geometry && encoded && this.storedType === 'MultiPolygon' ? flatToMultiPolygon(geometry) : null));
  }

  private writeRow(encoded: { blob: Uint8Array; extent: Extent } | null, value: (i: number) => PropertyValue | undefined, polygon: () => PolygonalGeometry | null): void {
    if (this.state !== 'open') throw new Error(`layer writer is ${this.state}`);
    if (this.inBatch === 0) this.ctx.db.exec('BEGIN IMMEDIATE');
    const fid = this.written + 1;
    const row = this.row;
    let k = 0;
    row[k++] = fid;
    if (this.storedType) {
      row[k++] = encoded?.blob ?? null;
      if (encoded) this.index(fid, encoded.extent);
    }
    for (let i = 0; i < this.fields.length; i++) row[k++] = sqlValue(value(i));
    if (this.withArea) {
      const g = polygon();
      row[k] = g ? this.spec.areaM2!(g) : null;
    }
    for (const v of row) this.pending.push(v);
    if (++this.pendingRows === ROWS_PER_INSERT) this.flush();
    this.written++;
    if (++this.inBatch >= this.batchSize) this.commitBatch();
  }

  /**
   * Commits the last batch and publishes the layer in one transaction. Returns the new layer id (table name).
   * @throws whatever the publish transaction throws; the writer is then aborted.
   */
  finish(): string {
    if (this.inBatch > 0) this.commitBatch();
    this.ctx.db.pragma('synchronous = FULL');
    try {
      const id = this.ctx.write(() => this.publish());
      this.state = 'finished';
      return id;
    } catch (e) {
      this.abort();
      throw e;
    }
  }

  /** Discards everything written: the project is as it was before the writer started. Safe to call twice. */
  abort(): void {
    if (this.state !== 'open') return;
    this.state = 'aborted';
    const db = this.ctx.db;
    if (db.inTransaction) db.exec('ROLLBACK');
    db.pragma('synchronous = FULL');
    db.transaction(() => dropStagingTable(db, this.staging)).immediate();
  }

  /** Inserts the pending rows: whole groups with the multi-row statement, the rest one by one. */
  private flush(): void {
    if (this.pendingRows === ROWS_PER_INSERT) this.insertRows.run(this.pending);
    else for (let r = 0; r < this.pendingRows; r++) this.insertRow.run(this.pending.slice(r * this.row.length, (r + 1) * this.row.length));
    this.pending = [];
    this.pendingRows = 0;
  }

  private commitBatch(): void {
    this.flush();
    this.ctx.db.exec('COMMIT');
    this.inBatch = 0;
  }

  private mixed(found: GeometryType): InputError {
    return new InputError('IMPORT_MIXED_GEOMETRY', { file: this.spec.source.files[0]?.path ?? this.spec.title, index: this.written, found, expected: this.spec.geometryType });
  }

  /** Keeps a row's envelope for the R-tree and grows the layer extent. */
  private index(fid: number, [minX, minY, maxX, maxY]: Extent): void {
    this.boxes.push(fid, minX, maxX, minY, maxY);
    const e = this.extent;
    if (minX < e[0]) e[0] = minX;
    if (minY < e[1]) e[1] = minY;
    if (maxX > e[2]) e[2] = maxX;
    if (maxY > e[3]) e[3] = maxY;
  }

  private publish(): string {
    const db = this.ctx.db;
    const taken = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").pluck().all() as string[];
    const id = layerTableName(this.spec.title, taken);
    const identifier = uniqueIdentifier(db, this.spec.title);
    db.exec(`ALTER TABLE ${quoteId(this.staging)} RENAME TO ${quoteId(id)}`);
    const hasExtent = this.extent[0] <= this.extent[2];
    if (this.storedType) {
      createRtree(db, id);
      bulkLoadRtree(db, rtreeName(id), this.boxes);
      createRtreeTriggers(db, id);
      const srsId = ensureSrs(db, this.spec.crs!, this.ctx.srsDefinition);
      // Ids are derived from the CRS, so another writer cannot have taken ours meanwhile unless the file was edited by hand.
      if (srsId !== this.srsId) throw new Error(`srs_id of ${this.spec.crs!.name} changed during the import (${this.srsId} → ${srsId})`);
      registerFeatureTable(db, { table: id, geometryType: gpkgTypeName(this.storedType), srsId, columns: [], identifier, description: describe(this.spec.source) }, hasExtent ? this.extent : null);
      this.ctx.adoptProjectCrs(this.spec.crs!);
    } else {
      registerAttributesTable(db, id, identifier, describe(this.spec.source));
    }
    db.prepare(
      'INSERT INTO vep_layers (table_name, title, geometry_type, feature_count, crs_json, fields_json, source_json, area_column, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      id, this.spec.title, this.storedType ?? 'None', this.written, JSON.stringify(this.spec.crs), JSON.stringify(this.fields), JSON.stringify(this.spec.source),
      this.withArea ? AREA_COLUMN : null, gpkgTimestamp(),
    );
    this.ctx.log('layer:add', id, `${this.spec.title}: ${this.written} features`);
    return id;
  }
}

/** The XY envelope of a blob written by encodeGpkgGeometry (little endian, envelope indicator 1). */
function envelopeOf(blob: Uint8Array): Extent {
  const v = new DataView(blob.buffer, blob.byteOffset, 40);
  return [v.getFloat64(8, true), v.getFloat64(24, true), v.getFloat64(16, true), v.getFloat64(32, true)];
}

function pointExtent(c: number[]): Extent {
  return [c[0], c[1], c[0], c[1]];
}

function promotable(type: GeometryType, stored: GeometryType): boolean {
  return type === stored || storedGeometryType(type) === stored || (type === 'Point' && stored === 'MultiPoint');
}

/** GeoJSON rings of a flat polygon record (only built when an area is to be computed). */
function flatToMultiPolygon(g: FlatGeometry): MultiPolygon {
  const ring = (r: number): Position[] => {
    const out: Position[] = [];
    for (let v = g.partStarts[r]; v < g.partStarts[r + 1]; v++) out.push([g.xy[2 * v], g.xy[2 * v + 1]]);
    return out;
  };
  const counts = g.polygonRingCounts ?? Int32Array.of(g.partStarts.length - 1);
  const polygons: Position[][][] = [];
  let r = 0;
  for (const n of counts) {
    const rings: Position[][] = [];
    for (let k = 0; k < n; k++) rings.push(ring(r++));
    polygons.push(rings);
  }
  return { type: 'MultiPolygon', coordinates: polygons };
}

/** SQLite takes numbers, strings, null and blobs; booleans become 0/1 and missing values NULL. */
function sqlValue(v: PropertyValue | undefined): string | number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

/** gpkg_contents.identifier is UNIQUE: a second "DLTB" becomes "DLTB (2)". */
function uniqueIdentifier(db: Database.Database, title: string): string {
  const exists = db.prepare('SELECT 1 FROM gpkg_contents WHERE identifier = ?');
  if (!exists.get(title)) return title;
  for (let n = 2; ; n++) if (!exists.get(`${title} (${n})`)) return `${title} (${n})`;
}

function describe(source: LayerSource): string {
  return `Imported by VEP Studio from ${source.files.map((f) => f.path.split(/[\\/]/).pop()).join(', ')} (${source.format}${source.encoding ? `, ${source.encoding}` : ''})`;
}
