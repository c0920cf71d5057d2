/**
 * A VEP Studio project: one GeoPackage file (`.vep.gpkg`) that GDAL, QGIS and ArcGIS open as it is
 * (docs/project-store.md). The store is the only code that writes it; the app, the web host and the `vep` command
 * all go through it.
 *
 * Durability: WAL journal, `synchronous = FULL`, and every change in its own transaction (StoreContext.write), so
 * an edit is on disk when the call returns and a killed process never leaves a half-written project.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { InputError } from '#core';
import { createGpkgCore, gpkgProblem, gpkgTimestamp } from './gpkg-schema';
import { LayerCatalog } from './layer-catalog';
import { ParameterSetStore } from './parameter-sets';
import { PROJECT_SCHEMA_VERSION, createProjectTables } from './project-schema';
import { RedLineStore } from './red-lines';
import { RunStore } from './runs';
import { defaultSrsDefinition } from './srs-definition';
import type { SrsDefinition } from './spatial-ref-sys';
import { registerGpkgFunctions } from './sql-functions';
import { StoreContext } from './store-context';
import { LayerCache } from './layer-cache';
import type { ProjectInfo } from './store-types';
import { UiStateStore } from './ui-state';

export interface OpenProjectOptions {
  /** Recorded as created_by in new projects. */
  appVersion?: string;
  /** Makes the OGC WKT of a CRS for gpkg_spatial_ref_sys (default: srs-definition.ts). */
  srsDefinition?: SrsDefinition;
  /** Open without writing (no WAL switch, no staging clean-up). */
  readonly?: boolean;
  /** How long a writer waits for another writer's lock, ms (default 10 000). */
  busyTimeoutMs?: number;
}

export interface CreateProjectOptions extends OpenProjectOptions {
  /** Shown in the app; default: the file name without `.vep.gpkg`. */
  name?: string;
}

export class ProjectStore {
  readonly layers: LayerCatalog;
  readonly redLines: RedLineStore;
  readonly parameterSets: ParameterSetStore;
  readonly runs: RunStore;
  readonly uiState: UiStateStore;
  readonly layerCache: LayerCache;

  private constructor(private readonly ctx: StoreContext) {
    this.layerCache = new LayerCache(ctx.db);
    this.layers = new LayerCatalog(ctx, this.layerCache);
    this.redLines = new RedLineStore(ctx);
    this.parameterSets = new ParameterSetStore(ctx);
    this.runs = new RunStore(ctx);
    this.uiState = new UiStateStore(ctx);
  }

  /** Creates a new, empty project file. @throws InputError PROJECT_EXISTS */
  static create(file: string, options: CreateProjectOptions = {}): ProjectStore {
    if (existsSync(file)) throw new InputError('PROJECT_EXISTS', { path: file });
    const db = new Database(file);
    try {
      // The page size and WAL mode are set before the first table exists (they are file-level settings).
      db.pragma('page_size = 4096');
      db.pragma('journal_mode = WAL');
      const ctx = configure(db, file, options);
      db.transaction(() => {
        createGpkgCore(db);
        createProjectTables(db, options.name ?? defaultName(file), options.appVersion ?? 'dev', gpkgTimestamp());
      }).immediate();
      return new ProjectStore(ctx);
    } catch (e) {
      db.close();
      throw e;
    }
  }

  /**
   * Opens an existing project.
   * @throws InputError PROJECT_NOT_FOUND, PROJECT_NOT_GEOPACKAGE, PROJECT_NOT_VEP, PROJECT_TOO_NEW, PROJECT_CORRUPT
   */
  static open(file: string, options: OpenProjectOptions = {}): ProjectStore {
    if (!existsSync(file) || !statSync(file).isFile()) throw new InputError('PROJECT_NOT_FOUND', { path: file });
    let db: Database.Database;
    try {
      db = new Database(file, { fileMustExist: true, readonly: options.readonly ?? false });
    } catch (e) {
      throw new InputError('PROJECT_NOT_GEOPACKAGE', { path: file, reason: (e as Error).message });
    }
    try {
      const problem = sqliteProblem(db) ?? gpkgProblem(db);
      if (problem) throw new InputError('PROJECT_NOT_GEOPACKAGE', { path: file, reason: problem });
      if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'vep_project'").get()) throw new InputError('PROJECT_NOT_VEP', { path: file });
      const version = db.prepare('SELECT schema_version FROM vep_project WHERE id = 1').pluck().get() as number | undefined;
      if (version === undefined) throw new InputError('PROJECT_CORRUPT', { path: file, reason: 'vep_project has no row' });
      if (version > PROJECT_SCHEMA_VERSION) throw new InputError('PROJECT_TOO_NEW', { path: file, found: version, supported: PROJECT_SCHEMA_VERSION });
      if (!options.readonly && db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
      return new ProjectStore(configure(db, file, options));
    } catch (e) {
      db.close();
      throw e;
    }
  }

  /** The project file's path. */
  get path(): string {
    return this.ctx.path;
  }

  /** The underlying connection, for the host services that read the file directly (tiles). */
  get db(): Database.Database {
    return this.ctx.db;
  }

  /** The shared context: connection, write transactions, edit log, project CRS. */
  get context(): StoreContext {
    return this.ctx;
  }

  info(): ProjectInfo {
    const r = this.ctx.db.prepare('SELECT name, schema_version, created_at, created_by, modified_at FROM vep_project WHERE id = 1').get() as {
      name: string; schema_version: number; created_at: string; created_by: string; modified_at: string;
    };
    return { path: this.ctx.path, name: r.name, schemaVersion: r.schema_version, createdAt: r.created_at, createdBy: r.created_by, modifiedAt: r.modified_at, crs: this.ctx.projectCrs() };
  }

  /** Renames the project. */
  rename(name: string): void {
    this.ctx.write(() => {
      this.ctx.db.prepare('UPDATE vep_project SET name = ? WHERE id = 1').run(name);
      this.ctx.log('project:rename', '', name);
    });
  }

  /** SQLite's `PRAGMA integrity_check`: ["ok"] for a sound file, else the problems found. */
  integrityCheck(): string[] {
    return (this.ctx.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  }

  /**
   * Closes the connection. The last connection to close checkpoints the WAL into the file and removes it, so a
   * closed project is one self-contained .gpkg again.
   */
  close(): void {
    if (this.ctx.db.open) this.ctx.db.close();
  }
}

function configure(db: Database.Database, file: string, options: OpenProjectOptions): StoreContext {
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
  // FULL: each commit syncs the WAL, so a saved edit survives power loss too, not only a crash of the process. Edits
  // are small and human-paced; imports switch to NORMAL for their staging batches (layer-writer.ts).
  if (!options.readonly) db.pragma('synchronous = FULL');
  db.pragma('cache_size = -32768'); // 32 MiB of page cache
  registerGpkgFunctions(db);
  return new StoreContext(db, path.resolve(file), options.appVersion ?? 'dev', options.srsDefinition ?? defaultSrsDefinition);
}

/** Why the file is not a readable SQLite database, or null. */
function sqliteProblem(db: Database.Database): string | null {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

function defaultName(file: string): string {
  return path.basename(file).replace(/\.vep\.gpkg$/i, '').replace(/\.gpkg$/i, '');
}
