/**
 * Data derived from a layer and kept in the project, so that opening a county layer is a lookup rather than a pass
 * over every parcel: the tile overview (tiles/tile-overview.ts makes and reads those bytes) and the land-class counts
 * of the legend. The cache only keeps bytes; what they mean is its callers' business.
 *
 * A row is one kind of data for one layer, valid for one version of the layer (gpkg_contents.last_change) and one
 * recipe (how it was made: format, parameters, columns); anything else is stale and gets replaced. The rows are not
 * edits: writing one does not stamp the project's modified_at, the table is not registered in gpkg_contents (GDAL and
 * QGIS do not list it), it is created on first use, and a project without it simply computes the data again.
 */
import type Database from 'better-sqlite3';

const TABLE = 'vep_layer_cache';

export interface LayerCacheKey {
  /** The layer's table. */
  table: string;
  /** What is kept, e.g. `tile-overview`, `classes`. */
  kind: string;
  /** The layer's gpkg_contents.last_change when the data was made. */
  version: string;
  /** How it was made, e.g. `format=3;grid=256;budget=500;class=DLBM`. */
  recipe: string;
}

export class LayerCache {
  constructor(private readonly db: Database.Database) {}

  /** The layer's current version (gpkg_contents.last_change), or null for a table that is not a layer. */
  version(table: string): string | null {
    return (this.db.prepare('SELECT last_change FROM gpkg_contents WHERE table_name = ?').pluck().get(table) as string | undefined) ?? null;
  }

  /** The stored bytes for exactly this layer version and recipe, or null. */
  get(key: LayerCacheKey): Uint8Array | null {
    if (!this.exists()) return null;
    const row = this.db
      .prepare(`SELECT data FROM ${TABLE} WHERE table_name = ? AND kind = ? AND version = ? AND recipe = ?`)
      .pluck()
      .get(key.table, key.kind, key.version, key.recipe) as Uint8Array | undefined;
    return row ?? null;
  }

  /**
   * Keeps the bytes, replacing what the layer had of that kind — only while the layer is still at `key.version` (it
   * may have been replaced meanwhile). False when the project is read-only, locked by another writer, or the layer
   * changed: the data is then simply made again next time.
   */
  put(key: LayerCacheKey, data: Uint8Array): boolean {
    if (this.db.readonly) return false;
    try {
      return this.db
        .transaction(() => {
          if (this.version(key.table) !== key.version) return false;
          this.db.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (
            table_name TEXT NOT NULL, kind TEXT NOT NULL, version TEXT NOT NULL, recipe TEXT NOT NULL, data BLOB NOT NULL,
            PRIMARY KEY (table_name, kind))`);
          this.db.prepare(`INSERT OR REPLACE INTO ${TABLE} (table_name, kind, version, recipe, data) VALUES (?, ?, ?, ?, ?)`).run(key.table, key.kind, key.version, key.recipe, data);
          return true;
        })
        .immediate();
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_BUSY') return false;
      throw e;
    }
  }

  /** Forgets everything kept for a layer (call inside the transaction that deletes it). */
  delete(table: string): void {
    if (this.exists()) this.db.prepare(`DELETE FROM ${TABLE} WHERE table_name = ? COLLATE NOCASE`).run(table);
  }

  private exists(): boolean {
    return this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(TABLE) !== undefined;
  }
}
