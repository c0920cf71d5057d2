/**
 * What the tile service needs to know about a table it cuts tiles from: an imported layer, or one of the project's
 * own spatial tables (red lines, zones, result pieces), which are in the project CRS.
 */
import { InputError, type CrsInfo, type Extent } from '#core';
import type { ProjectStore } from '../store/project-store';
import { quoteId } from '../store/sql-names';
import { GEOM_COLUMN } from '../store/spatial-table';

export interface TileSource {
  table: string;
  crs: CrsInfo;
  /** Columns put on tile features, as [property name, column]. */
  properties: [string, string][];
  /** The column whose value colours coalesced cells (and its property name), or null. */
  classColumn: [string, string] | null;
  /** Changes whenever the table's content does (gpkg_contents.last_change): part of the cache key. */
  version: string;
  /** The table's extent in its CRS (gpkg_contents), or null. */
  extent: Extent | null;
  /** An imported layer (read-only in the app), as opposed to one of the project's own editable tables. */
  imported: boolean;
}

const PROJECT_TABLES = new Set(['vep_red_lines', 'vep_zones', 'vep_result_pieces']);

/**
 * Resolves a layer id for tiles.
 * @param wanted property names to carry (matched to the layer's fields case-insensitively; missing ones are skipped).
 * @param classKey the field for coalesced cells when the layer has it.
 * @throws InputError LAYER_NOT_FOUND
 */
export function tileSourceOf(store: ProjectStore, layerId: string, wanted: readonly string[], classKey: string): TileSource | null {
  const contents = store.db.prepare("SELECT last_change, min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = ? AND data_type = 'features'").raw().get(layerId) as
    | [string, number | null, number | null, number | null, number | null]
    | undefined;
  if (contents === undefined) throw new InputError('LAYER_NOT_FOUND', { layer: layerId });
  const [version, ...box] = contents;
  const extent = box.every((v) => typeof v === 'number') ? (box as Extent) : null;
  let crs: CrsInfo | null;
  let fields: [string, string][];
  if (PROJECT_TABLES.has(layerId)) {
    crs = store.info().crs;
    const columns = store.db.prepare(`PRAGMA table_info(${quoteId(layerId)})`).all() as { name: string }[];
    fields = columns.map((c) => c.name).filter((n) => n !== 'fid' && n !== GEOM_COLUMN).map((n) => [n, n]);
  } else {
    const layer = store.layers.info(layerId);
    crs = layer.crs;
    fields = layer.fields.map((f) => [f.name, f.column]);
  }
  if (!crs) return null;
  const pick = (name: string): [string, string] | undefined => fields.find(([n]) => n === name) ?? fields.find(([n]) => n.toLowerCase() === name.toLowerCase());
  const classColumn = pick(classKey) ?? null;
  const properties = PROJECT_TABLES.has(layerId) ? fields : wanted.map(pick).filter((p): p is [string, string] => p !== undefined);
  // The class travels on the features too, so tiny parts of large multipolygons are coloured like their cells.
  if (classColumn && !properties.some(([n]) => n === classColumn[0])) properties.push(classColumn);
  return { table: layerId, crs, properties, classColumn, version, extent, imported: !PROJECT_TABLES.has(layerId) };
}
