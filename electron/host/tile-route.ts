/** Parses `<layerId>/<z>/<x>/<y>.pbf`, the tile path both transports use (HTTP `/tiles/…`, Electron `app://vep/tiles/…`). */
export interface TileAddress {
  layerId: string;
  z: number;
  x: number;
  y: number;
}

const TILE_PATH = /^([A-Za-z0-9_-]{1,64})\/(\d{1,2})\/(\d{1,7})\/(\d{1,7})\.pbf$/;

export function parseTilePath(tilePath: string): TileAddress | null {
  const m = TILE_PATH.exec(tilePath);
  if (!m) return null;
  const [z, x, y] = [Number(m[2]), Number(m[3]), Number(m[4])];
  const n = 2 ** z;
  if (z > 24 || x >= n || y >= n) return null;
  return { layerId: m[1], z, x, y };
}
