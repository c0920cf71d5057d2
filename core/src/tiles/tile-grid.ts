/**
 * The Web Mercator tile grid (EPSG:3857, the XYZ scheme MapLibre uses: x east from 180°W, y south from ~85.05°N) and
 * the mapping from Web Mercator metres to a tile's integer-friendly coordinates (0…extent, y down, MVT spec §4.3).
 */
import { InputError } from '../errors';
import type { Extent, Position } from '../types';

/** Half the circumference of the Web Mercator sphere (R = 6 378 137 m): the x of 180°E, metres. */
export const MERCATOR_HALF_WIDTH_M = Math.PI * 6378137;

export interface TileId {
  z: number;
  x: number;
  y: number;
}

/** The tile's bounds in Web Mercator metres, [minX, minY, maxX, maxY]. @throws InputError TILE_OUT_OF_RANGE */
export function tileBoundsMercator({ z, x, y }: TileId): Extent {
  checkTile({ z, x, y });
  const size = tileSizeM(z);
  const minX = -MERCATOR_HALF_WIDTH_M + x * size;
  const maxY = MERCATOR_HALF_WIDTH_M - y * size;
  return [minX, maxY - size, minX + size, maxY];
}

/** The width of a tile at zoom z, metres. */
export function tileSizeM(z: number): number {
  return (2 * MERCATOR_HALF_WIDTH_M) / 2 ** z;
}

/** @throws InputError TILE_OUT_OF_RANGE unless 0 ≤ z ≤ 24 and x, y are on the grid of zoom z. */
export function checkTile({ z, x, y }: TileId): void {
  const n = 2 ** z;
  if (!Number.isInteger(z) || !Number.isInteger(x) || !Number.isInteger(y) || z < 0 || z > 24 || x < 0 || y < 0 || x >= n || y >= n) {
    throw new InputError('TILE_OUT_OF_RANGE', { z, x, y });
  }
}

/** Longitude/latitude (degrees) to Web Mercator metres; latitudes are clamped to ±85.0511° (the square world). */
export function lonLatToMercator(p: Position): Position {
  const lat = Math.max(-85.05112878, Math.min(85.05112878, p[1]));
  return [(p[0] * MERCATOR_HALF_WIDTH_M) / 180, 6378137 * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))];
}

/** Web Mercator metres to longitude/latitude (degrees). */
export function mercatorToLonLat(p: Position): Position {
  return [(p[0] * 180) / MERCATOR_HALF_WIDTH_M, (360 / Math.PI) * Math.atan(Math.exp(p[1] / 6378137)) - 90];
}

/**
 * The affine map of Web Mercator metres into a tile's coordinates: x right, y down, 0…extent across the tile.
 * Returned as [a, c, e, f]: tx = a·X + c, ty = e·Y + f.
 */
export function mercatorToTile(tile: TileId, extent: number): [number, number, number, number] {
  const [minX, , , maxY] = tileBoundsMercator(tile);
  const scale = extent / tileSizeM(tile.z);
  return [scale, -minX * scale, -scale, maxY * scale];
}
