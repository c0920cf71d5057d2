import { describe, expect, it } from 'vitest';
import { MERCATOR_HALF_WIDTH_M, type Position, type TileId } from '#core';
import proj4 from 'proj4';
import { GK40 } from '../../../test/store/parcels';
import { WEB_MERCATOR_PROJ4, tileWindow } from './tile-window';

describe('lattice projection into a tile', () => {
  const toMerc = proj4(GK40.proj4, WEB_MERCATOR_PROJ4);
  const centre = toMerc.forward([40500000, 3385000]); // 120°E, 30.6°N

  it.each([8, 11, 14])('z%i: within 0.1 tile unit of the exact projection everywhere in the window', (z) => {
    const size = (2 * MERCATOR_HALF_WIDTH_M) / 2 ** z;
    const tile: TileId = { z, x: Math.floor((centre[0] + MERCATOR_HALF_WIDTH_M) / size), y: Math.floor((MERCATOR_HALF_WIDTH_M - centre[1]) / size) };
    const w = tileWindow(GK40, tile, 4096, 64);
    const [minX, , , maxY] = [-MERCATOR_HALF_WIDTH_M + tile.x * size, 0, 0, MERCATOR_HALF_WIDTH_M - tile.y * size];
    const exact = (p: Position): Position => {
      const m = toMerc.forward(p);
      return [((m[0] - minX) / size) * 4096, ((maxY - m[1]) / size) * 4096];
    };
    let worst = 0;
    for (let i = 0; i <= 40; i++) {
      for (let j = 0; j <= 40; j++) {
        const p = [w.bbox[0] + ((w.bbox[2] - w.bbox[0]) * i) / 40 + 0.37, w.bbox[1] + ((w.bbox[3] - w.bbox[1]) * j) / 40 + 0.61];
        const a = w.toTile(p[0], p[1]);
        const b = exact(p);
        worst = Math.max(worst, Math.hypot(a[0] - b[0], a[1] - b[1]));
      }
    }
    expect(worst).toBeLessThan(0.1);
  });
});
