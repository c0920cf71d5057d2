import Flatbush from 'flatbush';
import type { Feature, Geometry } from '../types';
import { isPolygonal } from './polygonal';

/**
 * A static R-tree (flatbush) over parcel bounding boxes. Build it once per layer and reuse it for every red line
 * of a batch; parcels without a polygon geometry are left out of the tree.
 */
export interface ParcelIndex {
  readonly tree: Flatbush | null;
  /** minX, minY, maxX, maxY of parcel i at 4i…4i+3 (NaN for parcels without a polygon). */
  readonly bboxes: Float64Array;
  /** Tree item → parcel index. */
  readonly parcelOfItem: Uint32Array;
  readonly parcelCount: number;
}

/**
 * Indexes the bounding boxes of parcels (Polygon/MultiPolygon features; others are skipped).
 *
 * @example const index = indexParcels(parcels); clipToZones(parcels, zones, { crs, index });
 */
export function indexParcels(parcels: readonly Feature<Geometry | null>[]): ParcelIndex {
  const n = parcels.length;
  const bboxes = new Float64Array(4 * n).fill(Number.NaN);
  const items: number[] = [];
  for (let i = 0; i < n; i++) {
    const g = parcels[i].geometry;
    if (!isPolygonal(g)) continue;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    // Shells bound their parts; holes need no scan.
    for (const part of parts) {
      const shell = part[0];
      if (!shell) continue;
      for (let v = 0; v < shell.length; v++) {
        const x = shell[v][0];
        const y = shell[v][1];
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
    // Skips empty geometries and NaN coordinates (NaN fails every comparison above).
    if (!(minX <= maxX && minY <= maxY)) continue;
    bboxes[4 * i] = minX;
    bboxes[4 * i + 1] = minY;
    bboxes[4 * i + 2] = maxX;
    bboxes[4 * i + 3] = maxY;
    items.push(i);
  }
  if (items.length === 0) return { tree: null, bboxes, parcelOfItem: new Uint32Array(0), parcelCount: n };
  const tree = new Flatbush(items.length);
  for (const i of items) tree.add(bboxes[4 * i], bboxes[4 * i + 1], bboxes[4 * i + 2], bboxes[4 * i + 3]);
  tree.finish();
  return { tree, bboxes, parcelOfItem: Uint32Array.from(items), parcelCount: n };
}
