import { describe, expect, it } from 'vitest';
import { lonLatToMercator, mercatorToLonLat, mercatorToTile, tileBoundsMercator } from './tile-grid';

describe('Web Mercator tile grid', () => {
  it('z0 covers ±20037508.34 m', () => {
    const [minX, minY, maxX, maxY] = tileBoundsMercator({ z: 0, x: 0, y: 0 });
    [minX, minY].forEach((v) => expect(v).toBeCloseTo(-20037508.342789, 5));
    [maxX, maxY].forEach((v) => expect(v).toBeCloseTo(20037508.342789, 5));
  });

  it('matches PROJ for 120°E 30.6°N (cs2cs +proj=longlat +datum=WGS84 +to EPSG:3857 → 13358338.8952 3580909.7605)', () => {
    const [x, y] = lonLatToMercator([120, 30.6]);
    expect(x).toBeCloseTo(13358338.8952, 3);
    expect(y).toBeCloseTo(3580909.7605, 3);
    const [lon, lat] = mercatorToLonLat([x, y]);
    expect(lon).toBeCloseTo(120, 10);
    expect(lat).toBeCloseTo(30.6, 10);
  });

  it('puts a tile corner at tile coordinates 0 and extent, y down', () => {
    const tile = { z: 14, x: 13653, y: 6728 };
    const [minX, minY, maxX, maxY] = tileBoundsMercator(tile);
    const [a, c, e, f] = mercatorToTile(tile, 4096);
    expect(a * minX + c).toBeCloseTo(0, 6);
    expect(e * maxY + f).toBeCloseTo(0, 6);
    expect(a * maxX + c).toBeCloseTo(4096, 6);
    expect(e * minY + f).toBeCloseTo(4096, 6);
  });

  it('refuses tiles off the grid', () => {
    expect(() => tileBoundsMercator({ z: 2, x: 4, y: 0 })).toThrow(expect.objectContaining({ code: 'TILE_OUT_OF_RANGE' }));
    expect(() => tileBoundsMercator({ z: 25, x: 0, y: 0 })).toThrow(expect.objectContaining({ code: 'TILE_OUT_OF_RANGE' }));
  });
});
