/**
 * Names in the project file. Layer tables get plain ASCII names (letters, digits, `_`), which double as the layer
 * id in tile URLs and APIs; the user's own name (Chinese or not) is kept as the layer's title
 * (gpkg_contents.identifier). Column names keep the source field names as they are (三调 fields such as DLBM, or
 * Chinese names), quoted everywhere.
 */

/** Quotes an SQL identifier (table or column name) for SQLite. */
export function quoteId(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Prefixes of tables that belong to GeoPackage, SQLite or the project itself, never to an imported layer. */
const RESERVED_PREFIXES = ['gpkg', 'rtree_', 'sqlite_', 'vep_'];

/** Layer ids are at most this long so the R-tree name `rtree_<id>_geom` and tile URLs stay short. */
const MAX_ID_LENGTH = 48;

/**
 * A fresh layer table name derived from a title (usually the source file's stem): non-ASCII-alphanumerics become
 * `_`, reserved prefixes get `layer_` in front, and a numeric suffix makes it unique among `taken`
 * (compared case-insensitively, as SQLite compares names).
 */
export function layerTableName(title: string, taken: Iterable<string>): string {
  let base = title.normalize('NFKC').replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').slice(0, MAX_ID_LENGTH);
  if (!/[A-Za-z0-9]/.test(base)) base = 'layer';
  if (/^[0-9]/.test(base) || RESERVED_PREFIXES.some((p) => base.toLowerCase().startsWith(p))) base = `layer_${base}`.slice(0, MAX_ID_LENGTH);
  const used = new Set(Array.from(taken, (t) => t.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, MAX_ID_LENGTH - String(n).length - 1)}_${n}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** True when `id` has the shape of a layer table name (so it can be put in SQL after quoting and in URLs). */
export function isLayerId(id: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(id);
}

/**
 * Column names for source fields: the names are kept, except that a name equal (case-insensitively) to the key or
 * geometry column or to an earlier field gets a `_2`, `_3`… suffix. Returns the column name per field, in order.
 */
export function columnNames(fieldNames: readonly string[], reserved: readonly string[]): string[] {
  const used = new Set(reserved.map((r) => r.toLowerCase()));
  return fieldNames.map((name) => {
    let column = name.trim() === '' ? 'field' : name;
    for (let n = 2; used.has(column.toLowerCase()); n++) column = `${name || 'field'}_${n}`;
    used.add(column.toLowerCase());
    return column;
  });
}
