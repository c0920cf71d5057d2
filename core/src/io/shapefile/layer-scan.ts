/**
 * The one pass over a .shp made when it is opened: every record's header, type and counts are checked, the extent
 * is the union of the record boxes (what writers store in the file header), and the layer's geometry type is found
 * per docs/design/cli.md: "Polygon" when every record has one outer ring, else "MultiPolygon" (and likewise
 * LineString/MultiLineString). Only records with several rings are decoded and assembled; a single-ring record is
 * one polygon whatever its orientation, so for a typical 三调 layer the pass reads record headers and little else.
 */
import { CancelledError } from '../../errors';
import type { ByteSource, Extent, GeometryType, TaskContext } from '../../types';
import { SHAPE_TYPES } from './shp-header';
import { countRings } from './shape-geometry';
import { parseShapeRecord, readRecordSummary } from './shp-record';
import type { RecordIndex } from './record-index';

export interface LayerScan {
  geometryType: GeometryType | null;
  extent: Extent | null;
  /** 1-based numbers of the records that hold rings of fewer than 4 vertices (left out when assembling). */
  degenerateRingRecords: number[];
}

/** A record whose .shp header disagrees with the .shx: the index is not to be trusted. */
export interface IndexMismatch {
  mismatch: string;
}

const PROGRESS_EVERY = 4096;

/**
 * Scans the records listed in `index`.
 * @param checkLengths compare each record header's content length with the index (when the index is the .shx).
 * @throws InputError for a damaged record (see shp-record.ts); CancelledError when `context.signal` aborts.
 */
export function scanLayer(
  shp: ByteSource, file: string, shapeType: number, index: RecordIndex, checkLengths: boolean, context?: TaskContext,
): LayerScan | IndexMismatch {
  const { base } = SHAPE_TYPES[shapeType];
  const count = index.offsets.length;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  let multi = false;
  const degenerateRingRecords: number[] = [];
  for (let i = 0; i < count; i++) {
    if (i % PROGRESS_EVERY === 0) {
      if (context?.signal?.aborted) throw new CancelledError();
      context?.onProgress?.({ phase: 'scan', done: i, total: count });
    }
    const record = shp.read(index.offsets[i], 8 + index.lengths[i]);
    if (checkLengths) {
      const stated = new DataView(record.buffer, record.byteOffset, 8).getInt32(4, false) * 2;
      if (stated !== index.lengths[i]) return { mismatch: `record ${i + 1}: ${stated} bytes in the .shp, ${index.lengths[i]} in the .shx` };
    }
    const content = record.subarray(8);
    const place = { file, record: i + 1 };
    const summary = readRecordSummary(content, shapeType, place);
    const box = summary.box;
    if (box && box.every(Number.isFinite)) {
      if (box[0] < minX) minX = box[0];
      if (box[1] < minY) minY = box[1];
      if (box[2] > maxX) maxX = box[2];
      if (box[3] > maxY) maxY = box[3];
    }
    if (summary.numParts > 1 && !multi && base === 'polyline') multi = true;
    if (summary.numParts > 1 && base === 'polygon') {
      const raw = parseShapeRecord(content, shapeType, place)!;
      const rings = countRings(raw);
      if (rings.outer > 1) multi = true;
      if (rings.degenerate > 0) degenerateRingRecords.push(i + 1);
    }
  }
  context?.onProgress?.({ phase: 'scan', done: count, total: count });
  const geometryType: GeometryType | null =
    base === 'null' ? null
      : base === 'point' ? 'Point'
        : base === 'multipoint' ? 'MultiPoint'
          : base === 'polyline' ? (multi ? 'MultiLineString' : 'LineString')
            : multi ? 'MultiPolygon' : 'Polygon';
  const extent: Extent | null = minX <= maxX ? [minX, minY, maxX, maxY] : null;
  return { geometryType, extent, degenerateRingRecords };
}
