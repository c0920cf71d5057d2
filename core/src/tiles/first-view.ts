/**
 * The tiles a map shows first, so that a host can cut them while the UI is still starting and the map's first
 * requests find them ready. MapLibre asks a vector source of 512-px tiles for the tiles of zoom ⌊zoom⌋ that meet its
 * viewport (its `coveringTiles`, without pitch).
 */
import type { Extent, Position } from '../types';
import { lonLatToMercator, mercatorToLonLat, MERCATOR_HALF_WIDTH_M, tileSizeM, type TileId } from './tile-grid';

/** CSS pixels per tile side of the map's vector sources (MapLibre's default for vector tiles). */
export const SOURCE_TILE_PX = 512;

/** Map views that fit a layer on first open: the map area of a small laptop window and of a large desktop one. */
export const TYPICAL_MAP_VIEWPORTS_PX: readonly (readonly [number, number])[] = [[700, 500], [1300, 800]];

/** The view MapLibre's fitBounds picks for a lon/lat extent in a viewport (CSS px) with padding on each side. */
export function fitView(extentLonLat: Extent, viewport: readonly [number, number], paddingPx: number): { center: Position; zoom: number } {
  const [x0, y0] = lonLatToMercator([extentLonLat[0], extentLonLat[1]]);
  const [x1, y1] = lonLatToMercator([extentLonLat[2], extentLonLat[3]]);
  // World size at zoom 0 is one tile: pixels per Mercator metre = SOURCE_TILE_PX · 2^zoom / (2 · half width).
  const pxPerM0 = SOURCE_TILE_PX / (2 * MERCATOR_HALF_WIDTH_M);
  const scale = Math.min((viewport[0] - 2 * paddingPx) / Math.max(x1 - x0, 1e-9), (viewport[1] - 2 * paddingPx) / Math.max(y1 - y0, 1e-9));
  const zoom = Math.max(0, Math.min(22, Math.log2(Math.max(scale, 1e-12) / pxPerM0)));
  return { center: mercatorToLonLat([(x0 + x1) / 2, (y0 + y1) / 2]), zoom };
}

/** The tiles of zoom ⌊zoom⌋ that meet a viewport (CSS px) centred on a lon/lat, the centre's first. */
export function tilesAround(center: Position, zoom: number, viewport: readonly [number, number]): TileId[] {
  const z = Math.max(0, Math.min(24, Math.floor(zoom)));
  const n = 2 ** z;
  const [cx, cy] = lonLatToMercator(center);
  const size = tileSizeM(z);
  // Tile coordinates (fractional) of the centre, and the viewport's half extent in tiles at this zoom.
  const tx = (cx + MERCATOR_HALF_WIDTH_M) / size, ty = (MERCATOR_HALF_WIDTH_M - cy) / size;
  const perTile = SOURCE_TILE_PX * 2 ** (zoom - z);
  const hx = viewport[0] / 2 / perTile, hy = viewport[1] / 2 / perTile;
  const tiles: TileId[] = [];
  for (let x = Math.max(0, Math.floor(tx - hx)); x <= Math.min(n - 1, Math.floor(tx + hx)); x++) {
    for (let y = Math.max(0, Math.floor(ty - hy)); y <= Math.min(n - 1, Math.floor(ty + hy)); y++) tiles.push({ z, x, y });
  }
  const distance = (t: TileId) => (t.x + 0.5 - tx) ** 2 + (t.y + 0.5 - ty) ** 2;
  return tiles.sort((a, b) => distance(a) - distance(b));
}

