/**
 * Red lines (项目红线) and their accounting zones. Geometries are stored as multipolygons in the project CRS; a red
 * line given in another CRS is reprojected on the way in (its `crs` says which CRS the caller used).
 */
import { InputError, encodeGpkgGeometry, decodeGpkgGeometry, type CrsInfo, type MultiPolygon, type PolygonalGeometry } from '#core';
import { gpkgTimestamp } from './gpkg-schema';
import { ensureProjectTable, hasProjectTable, projectTableSrsId } from './project-tables';
import { toMultiPolygon } from './promote-geometry';
import { reprojectGeometry } from './reproject';
import { refreshContentsExtent } from './spatial-table';
import type { StoreContext } from './store-context';

export interface RedLine {
  id: number;
  name: string;
  /** In the project CRS ({@link crs}). */
  geometry: MultiPolygon;
  crs: CrsInfo;
  /** "drawn", or the file it was imported from. */
  source: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RedLineInput {
  name: string;
  geometry: PolygonalGeometry;
  /** The CRS of `geometry`. */
  crs: CrsInfo;
  source?: string | null;
  notes?: string | null;
}

export interface Zone {
  id: number;
  redLineId: number;
  zone: 'redline' | 'buffer';
  geometry: MultiPolygon;
  bufferM: number | null;
  areaM2: number | null;
}

export type ZoneInput = Omit<Zone, 'id' | 'redLineId' | 'geometry'> & { geometry: PolygonalGeometry };

interface RedLineRow { fid: number; geom: Uint8Array; name: string; source: string | null; notes: string | null; created_at: string; updated_at: string }

export class RedLineStore {
  constructor(private readonly ctx: StoreContext) {}

  /** All red lines, oldest first. */
  list(): RedLine[] {
    if (!hasProjectTable(this.ctx, 'vep_red_lines')) return [];
    const rows = this.ctx.db.prepare('SELECT fid, geom, name, source, notes, created_at, updated_at FROM vep_red_lines ORDER BY fid').all() as RedLineRow[];
    const crs = this.ctx.projectCrs()!;
    return rows.map((r) => toRedLine(r, crs));
  }

  /** @throws InputError RECORD_NOT_FOUND */
  get(id: number): RedLine {
    const row = hasProjectTable(this.ctx, 'vep_red_lines')
      ? (this.ctx.db.prepare('SELECT fid, geom, name, source, notes, created_at, updated_at FROM vep_red_lines WHERE fid = ?').get(id) as RedLineRow | undefined)
      : undefined;
    if (!row) throw new InputError('RECORD_NOT_FOUND', { kind: 'red line / 红线', id });
    return toRedLine(row, this.ctx.projectCrs()!);
  }

  /** Saves a new red line; returns it as stored. */
  create(input: RedLineInput): RedLine {
    const id = this.ctx.write(() => {
      const crs = ensureProjectTable(this.ctx, 'vep_red_lines', input.crs);
      const now = gpkgTimestamp();
      const blob = this.encode(input.geometry, input.crs, crs);
      const fid = Number(
        this.ctx.db.prepare('INSERT INTO vep_red_lines (geom, name, source, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(blob, input.name, input.source ?? null, input.notes ?? null, now, now)
          .lastInsertRowid,
      );
      refreshContentsExtent(this.ctx.db, 'vep_red_lines');
      this.ctx.log('red-line:create', String(fid), input.name);
      return fid;
    });
    return this.get(id);
  }

  /**
   * Changes a red line's name, notes or geometry. A new geometry drops the red line's zones (they were derived from
   * the old one). @throws InputError RECORD_NOT_FOUND
   */
  update(id: number, patch: Partial<Omit<RedLineInput, 'crs'>> & { crs?: CrsInfo }): RedLine {
    this.ctx.write(() => {
      const current = this.get(id);
      const blob = patch.geometry ? this.encode(patch.geometry, patch.crs ?? current.crs, current.crs) : null;
      this.ctx.db
        .prepare('UPDATE vep_red_lines SET name = ?, notes = ?, source = ?, geom = coalesce(?, geom), updated_at = ? WHERE fid = ?')
        .run(patch.name ?? current.name, patch.notes !== undefined ? patch.notes : current.notes, patch.source !== undefined ? patch.source : current.source, blob, gpkgTimestamp(), id);
      refreshContentsExtent(this.ctx.db, 'vep_red_lines'); // also stamps last_change, which tile caches key on
      if (blob) this.deleteZones(id);
      this.ctx.log('red-line:update', String(id), patch.name ?? current.name);
    });
    return this.get(id);
  }

  /** Deletes a red line and its zones. @throws InputError RECORD_NOT_FOUND */
  delete(id: number): void {
    this.ctx.write(() => {
      const current = this.get(id);
      this.ctx.db.prepare('DELETE FROM vep_red_lines WHERE fid = ?').run(id);
      this.deleteZones(id);
      refreshContentsExtent(this.ctx.db, 'vep_red_lines');
      this.ctx.log('red-line:delete', String(id), current.name);
    });
  }

  /** Replaces the zones of a red line (e.g. after computing its buffer) in one transaction. */
  replaceZones(redLineId: number, zones: ZoneInput[], crs: CrsInfo): Zone[] {
    this.ctx.write(() => {
      this.get(redLineId);
      const projectCrs = ensureProjectTable(this.ctx, 'vep_zones', crs);
      this.deleteZones(redLineId);
      const insert = this.ctx.db.prepare('INSERT INTO vep_zones (geom, red_line_id, zone, buffer_m, area_m2, created_at) VALUES (?, ?, ?, ?, ?, ?)');
      const now = gpkgTimestamp();
      for (const z of zones) insert.run(this.encode(z.geometry, crs, projectCrs, 'vep_zones'), redLineId, z.zone, z.bufferM, z.areaM2, now);
      refreshContentsExtent(this.ctx.db, 'vep_zones');
      this.ctx.log('zones:replace', String(redLineId), `${zones.length} zones`);
    });
    return this.zones(redLineId);
  }

  /** The zones of a red line. */
  zones(redLineId: number): Zone[] {
    if (!hasProjectTable(this.ctx, 'vep_zones')) return [];
    const rows = this.ctx.db.prepare('SELECT fid, geom, zone, buffer_m, area_m2 FROM vep_zones WHERE red_line_id = ? ORDER BY fid').all(redLineId) as {
      fid: number; geom: Uint8Array; zone: 'redline' | 'buffer'; buffer_m: number | null; area_m2: number | null;
    }[];
    return rows.map((r) => ({ id: r.fid, redLineId, zone: r.zone, geometry: decodeGpkgGeometry(r.geom).geometry as MultiPolygon, bufferM: r.buffer_m, areaM2: r.area_m2 }));
  }

  private deleteZones(redLineId: number): void {
    if (!hasProjectTable(this.ctx, 'vep_zones')) return;
    this.ctx.db.prepare('DELETE FROM vep_zones WHERE red_line_id = ?').run(redLineId);
    refreshContentsExtent(this.ctx.db, 'vep_zones');
  }

  private encode(g: PolygonalGeometry, from: CrsInfo, to: CrsInfo, table: 'vep_red_lines' | 'vep_zones' = 'vep_red_lines'): Uint8Array {
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') throw new InputError('INVALID_ARGUMENT', { name: 'geometry', reason: `${(g as { type: string }).type} is not a polygon` });
    return encodeGpkgGeometry(toMultiPolygon(reprojectGeometry(g, from, to)), projectTableSrsId(this.ctx, table)!);
  }
}

function toRedLine(r: RedLineRow, crs: CrsInfo): RedLine {
  return { id: r.fid, name: r.name, geometry: decodeGpkgGeometry(r.geom).geometry as MultiPolygon, crs, source: r.source, notes: r.notes, createdAt: r.created_at, updatedAt: r.updated_at };
}
