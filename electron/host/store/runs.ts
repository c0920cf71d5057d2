/**
 * Accounting runs and their results. A run row is written when the run starts (status "running"); its result —
 * the summary JSON and every clipped parcel piece — is written by {@link RunStore.finish} in one transaction, so a
 * run is either complete in the file or has no pieces at all, whatever happens to the process.
 */
import { InputError, decodeGpkgGeometry, encodeGpkgGeometry, type CrsInfo, type MultiPolygon, type PolygonalGeometry } from '#core';
import { gpkgTimestamp } from './gpkg-schema';
import { SERVICE_KEYS, ensureProjectTable, hasProjectTable, projectTableSrsId, type ServiceKey } from './project-tables';
import { toMultiPolygon } from './promote-geometry';
import { reprojectGeometry } from './reproject';
import { refreshContentsExtent } from './spatial-table';
import type { StoreContext } from './store-context';

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted';

export interface Run {
  id: number;
  kind: string;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  redLineId: number | null;
  parameterSetId: number | null;
  parameterSetSha256: string | null;
  options: unknown;
  /** App version, input file hashes, parameter set id and hash: what makes a report reproducible. */
  provenance: unknown;
  summary: unknown;
  error: unknown;
  pieceCount: number;
}

export interface RunStart {
  kind: string;
  redLineId?: number | null;
  parameterSetId?: number | null;
  parameterSetSha256?: string | null;
  options: unknown;
  provenance: unknown;
}

export interface ServiceAmount {
  quantity: number | null;
  /** 元 per year. */
  value: number | null;
}

export interface ResultPiece {
  id?: number;
  geometry: MultiPolygon | PolygonalGeometry;
  zone: 'redline' | 'buffer';
  parcelLayer: string | null;
  parcelFid: number | null;
  dlbm: string | null;
  dlmc: string | null;
  /** Ellipsoidal area of the piece, m². */
  areaM2: number;
  services: Partial<Record<ServiceKey, ServiceAmount>>;
  /** 元 per year. */
  valueYuan: number | null;
  /** 元 per m² per year. */
  unitValue: number | null;
}

interface RunRow {
  id: number; kind: string; status: RunStatus; started_at: string; finished_at: string | null; red_line_id: number | null;
  parameter_set_id: number | null; parameter_set_sha256: string | null; options_json: string; provenance_json: string;
  summary_json: string | null; error_json: string | null;
}

const PIECE_COLUMNS = ['geom', 'run_id', 'zone', 'parcel_layer', 'parcel_fid', 'dlbm', 'dlmc', 'area_m2', ...SERVICE_KEYS.flatMap((k) => [`${k}_quantity`, `${k}_value`]), 'value_yuan', 'unit_value'];

export class RunStore {
  constructor(private readonly ctx: StoreContext) {}

  /** Records the start of a run; returns its id. */
  start(input: RunStart): number {
    return this.ctx.write(() => {
      const id = this.ctx.db
        .prepare('INSERT INTO vep_runs (kind, status, started_at, red_line_id, parameter_set_id, parameter_set_sha256, options_json, provenance_json) VALUES (?, \'running\', ?, ?, ?, ?, ?, ?)')
        .run(input.kind, gpkgTimestamp(), input.redLineId ?? null, input.parameterSetId ?? null, input.parameterSetSha256 ?? null, JSON.stringify(input.options ?? null), JSON.stringify(input.provenance ?? null))
        .lastInsertRowid;
      this.ctx.log('run:start', String(id), input.kind);
      return Number(id);
    });
  }

  /**
   * Stores a successful run's summary and pieces (geometries in `crs`, reprojected into the project CRS if needed) and
   * marks it succeeded, all in one transaction. @throws InputError RECORD_NOT_FOUND
   */
  finish(id: number, result: { summary: unknown; pieces: Iterable<ResultPiece>; crs: CrsInfo }): Run {
    this.ctx.write(() => {
      this.get(id);
      const projectCrs = ensureProjectTable(this.ctx, 'vep_result_pieces', result.crs);
      const srsId = projectTableSrsId(this.ctx, 'vep_result_pieces')!;
      this.ctx.db.prepare('DELETE FROM vep_result_pieces WHERE run_id = ?').run(id);
      const insert = this.ctx.db.prepare(`INSERT INTO vep_result_pieces (${PIECE_COLUMNS.join(', ')}) VALUES (${PIECE_COLUMNS.map(() => '?').join(', ')})`);
      for (const p of result.pieces) {
        const geometry = toMultiPolygon(reprojectGeometry(p.geometry, result.crs, projectCrs));
        insert.run(
          encodeGpkgGeometry(geometry, srsId), id, p.zone, p.parcelLayer, p.parcelFid, p.dlbm, p.dlmc, p.areaM2,
          ...SERVICE_KEYS.flatMap((k) => [p.services[k]?.quantity ?? null, p.services[k]?.value ?? null]),
          p.valueYuan, p.unitValue,
        );
      }
      refreshContentsExtent(this.ctx.db, 'vep_result_pieces');
      this.ctx.db.prepare("UPDATE vep_runs SET status = 'succeeded', finished_at = ?, summary_json = ?, error_json = NULL WHERE id = ?").run(gpkgTimestamp(), JSON.stringify(result.summary ?? null), id);
      this.ctx.log('run:finish', String(id), 'succeeded');
    });
    return this.get(id);
  }

  /** Marks a run failed or cancelled, with the error's serialized shape. @throws InputError RECORD_NOT_FOUND */
  fail(id: number, status: 'failed' | 'cancelled', error: unknown): Run {
    this.ctx.write(() => {
      this.get(id);
      this.ctx.db.prepare('UPDATE vep_runs SET status = ?, finished_at = ?, error_json = ? WHERE id = ?').run(status, gpkgTimestamp(), JSON.stringify(error ?? null), id);
      this.ctx.log('run:finish', String(id), status);
    });
    return this.get(id);
  }

  /**
   * Marks runs still "running" that started before `before` as "interrupted" (their process ended without finishing
   * them). The app calls this when it opens a project. Returns how many were marked.
   */
  markInterrupted(before: Date): number {
    return this.ctx.write(() =>
      this.ctx.db.prepare("UPDATE vep_runs SET status = 'interrupted', finished_at = ? WHERE status = 'running' AND started_at < ?").run(gpkgTimestamp(), before.toISOString()).changes,
    );
  }

  /** @throws InputError RECORD_NOT_FOUND */
  get(id: number): Run {
    const r = this.ctx.db.prepare('SELECT * FROM vep_runs WHERE id = ?').get(id) as RunRow | undefined;
    if (!r) throw new InputError('RECORD_NOT_FOUND', { kind: 'run / 核算记录', id });
    return toRun(r, this.pieceCount(id));
  }

  /** Every run, newest first. */
  list(): Run[] {
    const rows = this.ctx.db.prepare('SELECT * FROM vep_runs ORDER BY id DESC').all() as RunRow[];
    return rows.map((r) => toRun(r, this.pieceCount(r.id)));
  }

  /** A page of a run's pieces, in insertion order. */
  pieces(runId: number, page: { offset?: number; limit?: number } = {}): ResultPiece[] {
    if (!hasProjectTable(this.ctx, 'vep_result_pieces')) return [];
    const rows = this.ctx.db
      .prepare(`SELECT fid, ${PIECE_COLUMNS.join(', ')} FROM vep_result_pieces WHERE run_id = ? ORDER BY fid LIMIT ? OFFSET ?`)
      .all(runId, page.limit ?? -1, page.offset ?? 0) as Record<string, unknown>[];
    return rows.map(toPiece);
  }

  /** Deletes a run and its pieces. @throws InputError RECORD_NOT_FOUND */
  delete(id: number): void {
    this.ctx.write(() => {
      this.get(id);
      if (hasProjectTable(this.ctx, 'vep_result_pieces')) {
        this.ctx.db.prepare('DELETE FROM vep_result_pieces WHERE run_id = ?').run(id);
        refreshContentsExtent(this.ctx.db, 'vep_result_pieces');
      }
      this.ctx.db.prepare('DELETE FROM vep_runs WHERE id = ?').run(id);
      this.ctx.log('run:delete', String(id), '');
    });
  }

  private pieceCount(runId: number): number {
    if (!hasProjectTable(this.ctx, 'vep_result_pieces')) return 0;
    return this.ctx.db.prepare('SELECT COUNT(*) FROM vep_result_pieces WHERE run_id = ?').pluck().get(runId) as number;
  }
}

function toRun(r: RunRow, pieceCount: number): Run {
  const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));
  return {
    id: r.id, kind: r.kind, status: r.status, startedAt: r.started_at, finishedAt: r.finished_at, redLineId: r.red_line_id,
    parameterSetId: r.parameter_set_id, parameterSetSha256: r.parameter_set_sha256, options: parse(r.options_json),
    provenance: parse(r.provenance_json), summary: parse(r.summary_json), error: parse(r.error_json), pieceCount,
  };
}

function toPiece(r: Record<string, unknown>): ResultPiece {
  const services: Partial<Record<ServiceKey, ServiceAmount>> = {};
  for (const k of SERVICE_KEYS) services[k] = { quantity: r[`${k}_quantity`] as number | null, value: r[`${k}_value`] as number | null };
  return {
    id: r.fid as number, geometry: decodeGpkgGeometry(r.geom as Uint8Array).geometry as MultiPolygon, zone: r.zone as ResultPiece['zone'],
    parcelLayer: r.parcel_layer as string | null, parcelFid: r.parcel_fid as number | null, dlbm: r.dlbm as string | null, dlmc: r.dlmc as string | null,
    areaM2: r.area_m2 as number, services, valueYuan: r.value_yuan as number | null, unitValue: r.unit_value as number | null,
  };
}
