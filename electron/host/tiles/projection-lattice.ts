/**
 * Fast projection of many vertices into one tile: the exact transform (proj4) is evaluated on a lattice of
 * (n + 1)² points over the tile's window in the layer CRS, and vertices inside are interpolated bilinearly.
 *
 * Gauss-Kruger → Web Mercator is smooth; bilinear interpolation errs by about h²·|∂²f|/8 for a lattice step h.
 * The second derivative of the Mercator northing is tan φ / R per metre, so at φ = 30.6° and a z8 window
 * (≈ 160 km, n = 16 → h ≈ 10 km) the error is ≈ 0.59 / 6.37e6 × 10 000² / 8 ≈ 1.2 m, i.e. 0.03 of a z8 tile unit
 * (38 m); it shrinks with h² at higher zooms. Vertices outside the window (far ends of large features) are
 * projected exactly.
 */
import type { Extent, Position } from '#core';

/**
 * @param exact the exact transform from layer coordinates to tile units.
 * @param bbox the window in layer coordinates.
 * @param n lattice cells per side.
 */
export function latticeTransform(exact: (p: Position) => Position, bbox: Extent, n = 16): (x: number, y: number) => Position {
  const [x0, y0, x1, y1] = bbox;
  const dx = (x1 - x0) / n, dy = (y1 - y0) / n;
  const gx = new Float64Array((n + 1) * (n + 1));
  const gy = new Float64Array((n + 1) * (n + 1));
  for (let j = 0; j <= n; j++) {
    for (let i = 0; i <= n; i++) {
      const p = exact([x0 + i * dx, y0 + j * dy]);
      gx[j * (n + 1) + i] = p[0];
      gy[j * (n + 1) + i] = p[1];
    }
  }
  return (x, y) => {
    const fx = (x - x0) / dx, fy = (y - y0) / dy;
    if (!(fx >= 0 && fx <= n && fy >= 0 && fy <= n)) return exact([x, y]);
    const i = Math.min(n - 1, Math.floor(fx)), j = Math.min(n - 1, Math.floor(fy));
    const t = fx - i, u = fy - j;
    const k = j * (n + 1) + i;
    const w00 = (1 - t) * (1 - u), w10 = t * (1 - u), w01 = (1 - t) * u, w11 = t * u;
    return [
      w00 * gx[k] + w10 * gx[k + 1] + w01 * gx[k + n + 1] + w11 * gx[k + n + 2],
      w00 * gy[k] + w10 * gy[k + 1] + w01 * gy[k + n + 1] + w11 * gy[k + n + 2],
    ];
  };
}
