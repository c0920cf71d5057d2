/**
 * The streaming shapefile reader: .shp (+ .shx, + .dbf, + .cpg text) in, a {@link ShapefileSource} out.
 *
 * Opening reads the headers, checks the .shx against the .shp, and makes one pass over the record headers
 * (layer-scan.ts) for the geometry type and extent; `features()` and `records()` then stream one record at a
 * time, so memory stays bounded by the largest record whatever the layer's size.
 */
import type { CrsInfo } from '../../crs/crs-info';
import { BugError, InputError } from '../../errors';
import type { ByteSource, Extent, Feature, FieldDef, PropertyValue, TaskContext } from '../../types';
import { openDbf, type DbfRecord, type DbfTable } from '../dbf/dbf-reader';
import type { LayerWarning } from '../dbf/dbf-encoding';
import { toProperties } from '../dbf/dbf-table';
import type { VectorLayerInfo, VectorSource } from '../vector-source';
import { scanLayer, type LayerScan } from './layer-scan';
import { readShx, walkShp, type RecordIndex } from './record-index';
import { buildShapeGeometry, toGeoJsonGeometry, type ShapeBase, type ShapeGeometry } from './shape-geometry';
import { HEADER_BYTES, readShpHeader, SHAPE_TYPES } from './shp-header';
import { parseShapeRecord } from './shp-record';

/** The files of one shapefile. Only the .shp is required. */
export interface ShapefileFiles {
  shp: ByteSource;
  /** The index; without it the .shp is walked record by record. */
  shx?: ByteSource | null;
  dbf?: ByteSource | null;
  /** Text of the .prj, kept for the caller (CRS parsing lives in core/src/crs); not interpreted here. */
  prj?: string | null;
  /** Text of the .cpg, the first say on the attribute encoding. */
  cpg?: string | null;
  /** The layer's base name for messages ("DLTB" → "DLTB.shp", "DLTB.dbf"). */
  name?: string;
}

export interface ShapefileOptions {
  /** The layer's CRS, passed through to `info.crs`. */
  crs?: CrsInfo | null;
  /** Attribute encoding override, e.g. "GBK" (wins over .cpg, LDID and detection). */
  encoding?: string | null;
  /** Refuse a shapefile without .dbf (InputError SHP_DBF_MISSING) instead of warning SHP_NO_DBF. */
  requireDbf?: boolean;
  /** Progress ("scan", records) and cancellation of the opening pass. */
  context?: TaskContext;
}

/** One record on the fast path: geometry as flat arrays, attributes as values in `fields` order. */
export interface ShapeRecord {
  /** Zero-based record index (the feature id). */
  index: number;
  /** Null for a Null shape (or a shape with nothing left in it). */
  geometry: ShapeGeometry | null;
  /** Attribute values in the order of {@link ShapefileSource.fields}; empty without a .dbf. */
  values: PropertyValue[];
}

export interface ShapefileSource extends VectorSource {
  /** The attribute fields; `ShapeRecord.values` follow this order. */
  fields: FieldDef[];
  /** The .prj text as given, or null. */
  prj: string | null;
  /**
   * The fast path for bulk imports: records with flat typed-array geometry and raw values, no GeoJSON nesting.
   * Records marked deleted in the .dbf are skipped, as in `features()`.
   */
  records(): Iterable<ShapeRecord>;
}

/**
 * Opens a shapefile for streaming.
 * @param files the .shp and whatever came with it.
 * @param options CRS to report, encoding override, whether a .dbf is required, progress/cancel.
 * @returns a source whose `info.featureCount` counts every record (records marked deleted in the .dbf included, as
 *   GDAL counts them), whose `features()` yields one feature per live record with `id` = record index.
 * @throws InputError SHP_* for a damaged or unsupported .shp (naming the file and record), DBF_* for a damaged
 *   .dbf, SHP_DBF_COUNT_MISMATCH when the .dbf and .shp disagree on the record count, SHP_DBF_MISSING when
 *   `requireDbf` and there is no .dbf, ENCODING_UNKNOWN for an unknown `encoding`; CancelledError when cancelled.
 * @example
 *   const layer = openShapefile({ shp, shx, dbf, cpg: 'GBK', name: 'DLTB' }, { crs });
 *   for (const feature of layer.features()) store.add(feature);
 */
export function openShapefile(files: ShapefileFiles, options: ShapefileOptions = {}): ShapefileSource {
  const name = files.name ?? 'layer';
  const shpFile = `${name}.shp`;
  const header = readShpHeader(files.shp, shpFile);
  const warnings: LayerWarning[] = [];
  if (header.declaredBytes > files.shp.size) {
    throw new InputError('SHP_TRUNCATED', { file: shpFile, expectedBytes: header.declaredBytes, size: files.shp.size });
  }
  if (header.declaredBytes < HEADER_BYTES) throw new InputError('SHP_BAD_LENGTH', { file: shpFile, declaredBytes: header.declaredBytes });
  if (header.declaredBytes < files.shp.size) {
    warnings.push({ code: 'SHP_TRAILING_BYTES', details: { file: shpFile, declaredBytes: header.declaredBytes, size: files.shp.size } });
  }
  const end = header.declaredBytes;

  let index: RecordIndex | null = null;
  let scan: LayerScan | null = null;
  if (files.shx) {
    const shx = readShx(files.shx, `${name}.shx`, end);
    if ('reason' in shx) warnings.push({ code: 'SHX_IGNORED', details: { file: `${name}.shx`, reason: shx.reason } });
    else {
      const result = scanLayer(files.shp, shpFile, header.shapeType, shx, true, options.context);
      if ('mismatch' in result) warnings.push({ code: 'SHX_IGNORED', details: { file: `${name}.shx`, reason: result.mismatch } });
      else [index, scan] = [shx, result];
    }
  }
  if (!index || !scan) {
    index = walkShp(files.shp, shpFile, end);
    const result = scanLayer(files.shp, shpFile, header.shapeType, index, false, options.context);
    if ('mismatch' in result) throw new BugError('a walked index cannot disagree with the .shp');
    scan = result;
  }
  const recordCount = index.offsets.length;
  if (scan.degenerateRingRecords.length > 0) {
    warnings.push({
      code: 'SHP_DEGENERATE_RINGS',
      details: { file: shpFile, records: scan.degenerateRingRecords.slice(0, 10), count: scan.degenerateRingRecords.length },
    });
  }

  let table: DbfTable | null = null;
  if (files.dbf) {
    table = openDbf(files.dbf, { cpg: files.cpg, encoding: options.encoding, file: `${name}.dbf`, warnings });
    if (table.recordCount !== recordCount) {
      throw new InputError('SHP_DBF_COUNT_MISMATCH', { shpFile, dbfFile: table.file, shpRecords: recordCount, dbfRecords: table.recordCount });
    }
  } else if (options.requireDbf) {
    throw new InputError('SHP_DBF_MISSING', { file: `${name}.dbf`, shpFile });
  } else {
    warnings.push({ code: 'SHP_NO_DBF', details: { file: `${name}.dbf`, shpFile } });
  }
  const fields = table?.fields ?? [];

  const info: VectorLayerInfo = {
    format: 'shapefile',
    featureCount: recordCount,
    geometryType: scan.geometryType,
    crs: options.crs ?? null,
    encoding: table ? { name: table.encoding.name, source: table.encodingSource } : null,
    fields,
    extent: scan.extent,
    schema: null,
    warnings,
  };
  const base = SHAPE_TYPES[header.shapeType].base;
  const shp = files.shp;
  const recordIndex = index;
  const layerExtent = scan.extent;

  function* records(): Generator<ShapeRecord> {
    const rows = table ? table.records()[Symbol.iterator]() : null;
    for (let i = 0; i < recordCount; i++) {
      const row: DbfRecord | null = rows ? rows.next().value ?? null : null;
      if (row?.deleted) continue;
      const content = shp.read(recordIndex.offsets[i] + 8, recordIndex.lengths[i]);
      const raw = parseShapeRecord(content, header.shapeType, { file: shpFile, record: i + 1 });
      if (raw && layerExtent) checkInsideExtent(raw.xy, layerExtent, shpFile, i + 1);
      const geometry = raw && base !== 'null' ? buildShapeGeometry(raw, base as ShapeBase).geometry : null;
      yield { index: i, geometry, values: row ? row.values : [] };
    }
  }

  return {
    info,
    fields,
    prj: files.prj ?? null,
    records,
    *features(): Iterable<Feature> {
      for (const record of records()) {
        yield {
          type: 'Feature',
          id: record.index,
          geometry: record.geometry ? toGeoJsonGeometry(record.geometry) : null,
          properties: toProperties(fields, record.values),
        };
      }
    },
  };
}

/**
 * The layer's extent is the union of the record boxes, and the CRS is checked against it before import
 * (reconcile-crs-extent.ts): a vertex outside it (a coordinate or a box overwritten) would slip past that check, so
 * it is refused. The slack covers boxes computed in lower precision.
 * @throws InputError SHP_VERTEX_OUTSIDE_EXTENT
 */
function checkInsideExtent(xy: Float64Array, extent: Extent, file: string, record: number): void {
  const [minX, minY, maxX, maxY] = extent;
  const slack = 1e-6 * Math.max(1, Math.abs(minX), Math.abs(minY), Math.abs(maxX), Math.abs(maxY));
  for (let i = 0; i < xy.length; i += 2) {
    const x = xy[i];
    const y = xy[i + 1];
    if (x < minX - slack || x > maxX + slack || y < minY - slack || y > maxY + slack) {
      throw new InputError('SHP_VERTEX_OUTSIDE_EXTENT', { file, record, vertex: i / 2 + 1, x, y, extent: `${minX}, ${minY} – ${maxX}, ${maxY}` });
    }
  }
}

