/**
 * The layers of a project: listing, their description (fields, extent, CRS), streaming a new one in, deleting, and
 * reading features back (feature-query.ts).
 */
import { InputError, type CrsInfo, type Extent, type Feature, type GeometryType } from '#core';
import { columnFor, featureById, featuresInBbox, queryAttributes, type AttributePage, type AttributeQuery } from './feature-query';
import { LayerWriter, type LayerWriterSpec } from './layer-writer';
import { dropFeatureTable } from './spatial-table';
import { dropStaleStaging } from './staging';
import type { LayerCache } from './layer-cache';
import type { StoreContext } from './store-context';
import { quoteId } from './sql-names';
import type { ClassCount, LayerField, LayerInfo, LayerSource } from './store-types';

interface LayerRow {
  table_name: string; title: string; geometry_type: string; feature_count: number; crs_json: string; fields_json: string;
  source_json: string; area_column: string | null; imported_at: string;
  min_x: number | null; min_y: number | null; max_x: number | null; max_y: number | null; srs_id: number | null;
}

const SELECT_LAYERS = `SELECT l.*, c.min_x, c.min_y, c.max_x, c.max_y, c.srs_id FROM vep_layers l JOIN gpkg_contents c ON c.table_name = l.table_name`;

export class LayerCatalog {
  constructor(
    private readonly ctx: StoreContext,
    /** The project's layer cache: the legend's counts are kept there, and a deleted layer's entries go with it. */
    private readonly cache: LayerCache,
  ) {}

  /** The project's layers in import order. */
  list(): LayerInfo[] {
    return (this.ctx.db.prepare(`${SELECT_LAYERS} ORDER BY l.id`).all() as LayerRow[]).map(toLayerInfo);
  }

  /** @throws InputError LAYER_NOT_FOUND */
  info(id: string): LayerInfo {
    const row = this.ctx.db.prepare(`${SELECT_LAYERS} WHERE l.table_name = ?`).get(id) as LayerRow | undefined;
    if (!row) throw new InputError('LAYER_NOT_FOUND', { layer: id });
    return toLayerInfo(row);
  }

  /** The layer's fields in source order. @throws InputError LAYER_NOT_FOUND */
  fields(id: string): LayerField[] {
    return this.info(id).fields;
  }

  /** [minX, minY, maxX, maxY] in the layer CRS, null for a layer without geometries. @throws InputError LAYER_NOT_FOUND */
  extent(id: string): Extent | null {
    return this.info(id).extent;
  }

  /**
   * Starts streaming a new layer in (see LayerWriter: call add() per feature, then finish() or abort()). Drops staging
   * tables left by killed imports first.
   */
  beginLayer(spec: LayerWriterSpec): LayerWriter {
    dropStaleStaging(this.ctx.db);
    return new LayerWriter(this.ctx, spec);
  }

  /** Deletes a layer with its index and registration. @throws InputError LAYER_NOT_FOUND */
  delete(id: string): void {
    this.ctx.write(() => {
      const layer = this.info(id);
      dropFeatureTable(this.ctx.db, layer.id);
      this.cache.delete(layer.id);
      this.ctx.db.prepare('DELETE FROM vep_layers WHERE table_name = ?').run(layer.id);
      this.ctx.log('layer:delete', layer.id, layer.title);
    });
  }

  /** Features whose bounding box meets `bbox` (layer CRS), through the R-tree. @throws InputError LAYER_NOT_FOUND */
  featuresInBbox(id: string, bbox: Extent, limit?: number): Feature[] {
    return featuresInBbox(this.ctx.db, this.info(id), bbox, limit);
  }

  /** One feature with its geometry. @throws InputError LAYER_NOT_FOUND, FEATURE_NOT_FOUND */
  feature(id: string, featureId: number): Feature {
    return featureById(this.ctx.db, this.info(id), featureId);
  }

  /**
   * The distinct values of a field (at most 1 000) with their feature counts and, beside each, a label field's value
   * — the legend's land classes. Kept in the layer cache: a county layer is counted once, not on every open.
   * @throws InputError LAYER_NOT_FOUND, FIELD_NOT_FOUND
   */
  classes(id: string, field: string, labelField?: string): ClassCount[] {
    const layer = this.info(id);
    const col = columnFor(layer, field);
    const labelCol = labelField ? columnFor(layer, labelField) : null;
    const version = this.cache.version(layer.id);
    const key = version ? { table: layer.id, kind: 'classes', version, recipe: `field=${col};label=${labelCol ?? ''}` } : null;
    const kept = key && this.cache.get(key);
    if (kept) return JSON.parse(new TextDecoder().decode(kept)) as ClassCount[];
    const label = labelCol ? `max(${quoteId(labelCol)})` : 'NULL';
    const rows = this.ctx.db
      .prepare(`SELECT ${quoteId(col)} AS value, ${label} AS label, COUNT(*) AS count FROM ${quoteId(layer.id)} GROUP BY ${quoteId(col)} ORDER BY ${quoteId(col)} LIMIT 1000`)
      .all() as { value: string | number | null; label: unknown; count: number }[];
    const classes = rows.map((r) => ({ value: r.value, label: r.label === null ? null : String(r.label), count: r.count }));
    if (key) this.cache.put(key, new TextEncoder().encode(JSON.stringify(classes)));
    return classes;
  }

  /** A filtered, sorted page of the attribute table. @throws InputError LAYER_NOT_FOUND, FIELD_NOT_FOUND, INVALID_ARGUMENT */
  query(id: string, query: AttributeQuery): AttributePage {
    return queryAttributes(this.ctx.db, this.info(id), query);
  }
}

function toLayerInfo(r: LayerRow): LayerInfo {
  const hasExtent = r.min_x !== null && r.min_y !== null && r.max_x !== null && r.max_y !== null;
  return {
    id: r.table_name,
    title: r.title,
    geometryType: r.geometry_type === 'None' ? null : (r.geometry_type as GeometryType),
    featureCount: r.feature_count,
    extent: hasExtent ? [r.min_x!, r.min_y!, r.max_x!, r.max_y!] : null,
    crs: JSON.parse(r.crs_json) as CrsInfo | null,
    srsId: r.srs_id,
    fields: JSON.parse(r.fields_json) as LayerField[],
    source: JSON.parse(r.source_json) as LayerSource,
    areaColumn: r.area_column,
    importedAt: r.imported_at,
  };
}
