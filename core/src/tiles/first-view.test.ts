import { describe, expect, it } from 'vitest';
import { fitView, tilesAround } from './first-view';

describe('the first view of a map', () => {
  it('fitView: the zoom at which the extent just fits inside the padding, as MapLibre fitBounds picks it', () => {
    // [−1°, −1°, 1°, 1°]: 222 639 m wide in Web Mercator (2 · π · 6 378 137 / 180), 222 650 m high
    // (2 · 6 378 137 · ln tan(45.5°)). In 700 × 500 px with 40 px padding the height binds: 420 px / 222 650 m =
    // 1.8864e-3 px/m; at zoom 0 a 512-px world is 512 / 40 075 017 m = 1.2776e-5 px/m; ratio 147.65 → zoom 7.2061.
    const { center, zoom } = fitView([-1, -1, 1, 1], [700, 500], 40);
    expect(zoom).toBeCloseTo(7.2061, 3);
    expect(center[0]).toBeCloseTo(0, 9);
    expect(center[1]).toBeCloseTo(0, 9);
    // a wide viewport: the width binds instead (620 px / 222 639 m → zoom log2(2.7848e-3 / 1.2776e-5) = 7.7680)
    expect(fitView([-1, -1, 1, 1], [700, 2000], 40).zoom).toBeCloseTo(7.768, 3);
  });

  it('tilesAround: the tiles of zoom ⌊zoom⌋ a viewport meets, the centre tile first', () => {
    // zoom 3.5: a z3 tile is 512 · 2^0.5 = 724 px; a 700 × 500 viewport centred on the middle of tile (4, 3) stays in it
    // (half width 350 px < 362 px)
    const lonOf = (x: number) => (x / 8) * 360 - 180;
    const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 8))) * 180) / Math.PI;
    expect(tilesAround([lonOf(4.5), latOf(3.5)], 3.5, [700, 500])).toEqual([{ z: 3, x: 4, y: 3 }]);
    // centred near the corner of four tiles, a bit into (4, 3): all four, (4, 3) first
    const near = tilesAround([lonOf(4.1), latOf(3.1)], 3.5, [700, 500]);
    expect(near[0]).toEqual({ z: 3, x: 4, y: 3 });
    expect(near.map((t) => `${t.x}/${t.y}`).sort()).toEqual(['3/2', '3/3', '4/2', '4/3']);
    // at the world's edge nothing outside the grid
    expect(tilesAround([-180, 85], 1, [2000, 2000]).every((t) => t.x >= 0 && t.y >= 0 && t.x < 2 && t.y < 2)).toBe(true);
  });
});
