/**
 * A tile seen from a layer's CRS: the box to ask the R-tree for (the tile plus its buffer, mapped through the
 * inverse projection at 5 points per edge, so the curved edges of a Web Mercator tile in Gauss-Kruger coordinates are
 * covered), and a local affine map from layer coordinates to tile units, good enough to put sub-pixel parcels
 * into their pixel cells straight in SQL.
 */
import { WEB_MERCATOR, mercatorToTile, tileBoundsMercator, type CrsInfo, type Extent, type Position, type TileId } from '#core';
import { crsTransform } from '../store/reproject';
import { latticeTransform } from './projection-lattice';

export const WEB_MERCATOR_PROJ4 = WEB_MERCATOR.proj4;

export interface TileWindow {
  /** [minX, minY, maxX, maxY] in the layer CRS. */
  bbox: Extent;
  /** tx = ax·x + bx·y + cx, ty = ay·x + by·y + cy (layer units → tile units), accurate near the tile. */
  affine: { ax: number; bx: number; cx: number; ay: number; by: number; cy: number };
  /** Tile units per layer unit (the affine's scale). */
  scale: number;
  /** Layer coordinates → tile units (floats, y down), interpolated in a lattice of exact projections. */
  toTile: (x: number, y: number) => Position;
}

/** @param bufferUnits tile units of margin around the tile. */
export function tileWindow(crs: CrsInfo, tile: TileId, extent: number, bufferUnits: number): TileWindow {
  const t = crsTransform(crs, WEB_MERCATOR);
  const [minX, minY, maxX, maxY] = tileBoundsMercator(tile);
  const margin = ((maxX - minX) * bufferUnits) / extent;
  const [x0, y0, x1, y1] = [minX - margin, minY - margin, maxX + margin, maxY + margin];
  const bbox: Extent = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i <= 4; i++) {
    const f = i / 4;
    for (const p of [[x0 + f * (x1 - x0), y0], [x0 + f * (x1 - x0), y1], [x0, y0 + f * (y1 - y0)], [x1, y0 + f * (y1 - y0)]]) {
      const q = t.inverse(p);
      if (!Number.isFinite(q[0]) || !Number.isFinite(q[1])) continue;
      bbox[0] = Math.min(bbox[0], q[0]);
      bbox[1] = Math.min(bbox[1], q[1]);
      bbox[2] = Math.max(bbox[2], q[0]);
      bbox[3] = Math.max(bbox[3], q[1]);
    }
  }
  // Affine from finite differences at the tile centre.
  const [a, c, e, f] = mercatorToTile(tile, extent);
  const toTile = (p: Position): Position => {
    const m = t.forward(p);
    return [a * m[0] + c, e * m[1] + f];
  };
  const centre = t.inverse([(minX + maxX) / 2, (minY + maxY) / 2]);
  const d = Math.max(1e-9, (bbox[2] - bbox[0]) / 100);
  const p0 = toTile(centre), px = toTile([centre[0] + d, centre[1]]), py = toTile([centre[0], centre[1] + d]);
  const ax = (px[0] - p0[0]) / d, ay = (px[1] - p0[1]) / d, bx = (py[0] - p0[0]) / d, by = (py[1] - p0[1]) / d;
  const affine = { ax, bx, cx: p0[0] - ax * centre[0] - bx * centre[1], ay, by, cy: p0[1] - ay * centre[0] - by * centre[1] };
  return { bbox, affine, scale: Math.sqrt(Math.abs(ax * by - bx * ay)), toTile: latticeTransform(toTile, bbox) };
}
