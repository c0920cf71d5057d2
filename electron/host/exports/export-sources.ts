/**
 * What can be exported, as ExportLayers: a layer of the open project, its red lines, a run's clipped pieces, or any
 * vector file the importer reads (a shapefile, a zip, a GeoPackage table, …). A project file named on the command
 * line is opened read-only; `--layer redlines`, `--layer zones` and `--layer run:N` pick its own tables.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { decodeGpkgGeometry, type CrsInfo, type Feature, type Properties, type PropertyValue } from '#core';
import { openImportSource } from '../import/open-import-source';
import { ProjectStore } from '../store/project-store';
import { quoteId } from '../store/sql-names';
import type { ExportField, ExportLayer } from './export-layer';
import { PIECE_FIELDS, storedPieceProperties } from './piece-fields';

const PAGE = 5_000;

/** A layer of the project, streamed from its table (fields under their source names, plus the computed area). */
export function storeLayerExport(store: ProjectStore, layerId: string): ExportLayer {
  const info = store.layers.info(layerId);
  const columns = [...info.fields.map((f) => ({ field: { name: f.name, type: f.type, width: f.width, decimals: f.decimals } as ExportField, column: f.column }))];
  if (info.areaColumn) columns.push({ field: { name: info.areaColumn, type: 'number', width: null, decimals: 2 }, column: info.areaColumn });
  const db = store.db;
  const select = `SELECT fid, ${info.geometryType ? 'geom' : 'NULL'}${columns.map((c) => ', ' + quoteId(c.column)).join('')} FROM ${quoteId(info.id)} ORDER BY fid`;
  return {
    name: info.id,
    title: info.title,
    crs: info.crs,
    geometryType: info.geometryType,
    fields: columns.map((c) => c.field),
    *features(): Iterable<Feature> {
      for (const row of db.prepare(select).raw().iterate() as Iterable<unknown[]>) {
        const props: Properties = {};
        columns.forEach((c, i) => {
          const v = row[2 + i] as PropertyValue;
          props[c.field.name] = c.field.type === 'boolean' && v !== null ? v === 1 : v;
        });
        yield { type: 'Feature', id: row[0] as number, geometry: row[1] ? decodeGpkgGeometry(row[1] as Uint8Array).geometry : null, properties: props };
      }
    },
  };
}

const RED_LINE_FIELDS: ExportField[] = [
  { name: 'id', shortName: 'ID', type: 'integer', width: null },
  { name: 'name', shortName: 'NAME', type: 'string', width: 80 },
  { name: 'source', shortName: 'SOURCE', type: 'string', width: 120 },
  { name: 'notes', shortName: 'NOTES', type: 'string', width: 200 },
  { name: 'updated_at', shortName: 'UPDATED', type: 'string', width: 24 },
];

/** The project's red lines (all, or those with the given ids), in the project CRS. */
export function redLinesExport(store: ProjectStore, ids?: readonly number[]): ExportLayer {
  const crs = store.info().crs;
  return {
    name: 'redlines',
    title: '红线 red lines',
    crs,
    geometryType: 'MultiPolygon',
    fields: RED_LINE_FIELDS,
    *features(): Iterable<Feature> {
      for (const r of ids ? ids.map((id) => store.redLines.get(id)) : store.redLines.list()) {
        yield { type: 'Feature', id: r.id, geometry: r.geometry, properties: { id: r.id, name: r.name, source: r.source, notes: r.notes, updated_at: r.updatedAt } };
      }
    },
  };
}

/** The clipped parcel pieces of a run with their per-service quantities and values, paged from the store. */
export function runPiecesExport(store: ProjectStore, runId: number): ExportLayer {
  store.runs.get(runId); // RECORD_NOT_FOUND for an unknown run
  return {
    name: `run_${runId}_pieces`,
    title: `核算结果图斑 run ${runId}`,
    crs: store.info().crs,
    geometryType: 'MultiPolygon',
    fields: PIECE_FIELDS,
    *features(): Iterable<Feature> {
      for (let offset = 0; ; offset += PAGE) {
        const page = store.runs.pieces(runId, { offset, limit: PAGE });
        for (const p of page) yield { type: 'Feature', id: p.id, geometry: p.geometry, properties: storedPieceProperties(p) };
        if (page.length < PAGE) return;
      }
    },
  };
}

export interface FileExportSourceOptions {
  /** A GeoPackage table, or in a VEP project `redlines`, `zones` or `run:N`. */
  layer?: string | null;
  /** Attribute encoding of a shapefile source (overrides .cpg / LDID / detection). */
  encoding?: string | null;
  /** The source's CRS, overriding or supplying what the files say. */
  crs?: CrsInfo | null;
}

/**
 * Opens any readable vector file as an export source. Call `close()` when done.
 * @throws InputError from the importer's readers (IMPORT_UNSUPPORTED_FORMAT, IMPORT_READER_MISSING, …), PROJECT_*
 */
export function openFileExportSource(file: string, options: FileExportSourceOptions = {}): { layer: ExportLayer; close(): void } {
  const layer = options.layer ?? null;
  if (path.extname(file).toLowerCase() === '.gpkg' && layer !== null && isVepProject(file)) {
    const special = /^(redlines|zones|run:(\d+))$/i.exec(layer);
    if (special) {
      const store = ProjectStore.open(file, { readonly: true });
      try {
        const l = special[2] ? runPiecesExport(store, Number(special[2])) : special[1].toLowerCase() === 'redlines' ? redLinesExport(store) : storeZonesExport(store);
        return { layer: options.crs ? { ...l, crs: options.crs } : l, close: () => store.close() };
      } catch (e) {
        store.close();
        throw e;
      }
    }
  }
  const source = openImportSource([file], { layer, encoding: options.encoding ?? null, crs: options.crs ?? null });
  const stem = path.basename(file).replace(/\.[^.]+$/, '');
  return {
    layer: {
      name: safeName(source.title || stem),
      title: source.title || stem,
      crs: source.info.crs,
      geometryType: source.info.geometryType,
      fields: source.info.fields,
      features: () => source.features(),
    },
    close: () => source.close(),
  };
}

function storeZonesExport(store: ProjectStore): ExportLayer {
  return {
    name: 'zones',
    title: '核算分区 zones',
    crs: store.info().crs,
    geometryType: 'MultiPolygon',
    fields: [
      { name: 'red_line_id', shortName: 'REDLINE_ID', type: 'integer', width: null },
      { name: 'zone', shortName: 'ZONE', type: 'string', width: 7 },
      { name: 'buffer_m', shortName: 'BUFFER_M', type: 'number', width: null },
    ],
    *features(): Iterable<Feature> {
      for (const r of store.redLines.list()) {
        for (const z of store.redLines.zones(r.id)) yield { type: 'Feature', id: z.id, geometry: z.geometry, properties: { red_line_id: r.id, zone: z.zone, buffer_m: z.bufferM } };
      }
    },
  };
}

function isVepProject(file: string): boolean {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'vep_project'").get() !== undefined;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** A table name from a title: ASCII letters, digits and `_`, starting with a letter. */
function safeName(title: string): string {
  const s = title.normalize('NFKC').replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[A-Za-z]/.test(s) ? s.slice(0, 48) : `layer${s ? '_' + s.slice(0, 40) : ''}`;
}
