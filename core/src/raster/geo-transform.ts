/**
 * GDAL's affine geotransform [x0, dx, rx, y0, ry, dy]: the world position of pixel-space point (col, row), where
 * (0, 0) is the top-left corner of the top-left cell, is
 *
 *     X = x0 + col·dx + row·rx
 *     Y = y0 + col·ry + row·dy
 *
 * North-up rasters have rx = ry = 0 and dy < 0.
 */
import type { Extent } from '../types';

export type GeoTransform = [number, number, number, number, number, number];

/** World coordinates of a pixel-space point (use col + 0.5, row + 0.5 for a cell centre). */
export function pixelToWorld(gt: GeoTransform, col: number, row: number): [number, number] {
  return [gt[0] + col * gt[1] + row * gt[2], gt[3] + col * gt[4] + row * gt[5]];
}

/**
 * The inverse geotransform (pixel-space point of a world position), or null when the transform is singular.
 * Computed like GDALInvGeoTransform so pixel coordinates round the same way GDAL's rasterizer sees them.
 */
export function invertGeoTransform(gt: GeoTransform): GeoTransform | null {
  if (gt[2] === 0 && gt[4] === 0 && gt[1] !== 0 && gt[5] !== 0) {
    return [-gt[0] / gt[1], 1 / gt[1], 0, -gt[3] / gt[5], 0, 1 / gt[5]];
  }
  const det = gt[1] * gt[5] - gt[2] * gt[4];
  const magnitude = Math.max(Math.abs(gt[1]), Math.abs(gt[2]), Math.abs(gt[4]), Math.abs(gt[5]));
  if (!Number.isFinite(det) || Math.abs(det) <= 1e-10 * magnitude * magnitude) return null;
  const inv = 1 / det;
  return [
    (gt[2] * gt[3] - gt[0] * gt[5]) * inv,
    gt[5] * inv,
    -gt[2] * inv,
    (-gt[1] * gt[3] + gt[0] * gt[4]) * inv,
    -gt[4] * inv,
    gt[1] * inv,
  ];
}

/** Applies an inverse geotransform: the pixel-space [col, row] of a world position. */
export function worldToPixel(inverse: GeoTransform, x: number, y: number): [number, number] {
  return [inverse[0] + x * inverse[1] + y * inverse[2], inverse[3] + x * inverse[4] + y * inverse[5]];
}

/**
 * The pixel-space [col, row] of a world position, computed from offsets to the origin — free of the cancellation
 * `worldToPixel` suffers with coordinates of tens of millions (Gauss-Kruger eastings with a zone prefix).
 */
export function worldToPixelPrecise(gt: GeoTransform, inverse: GeoTransform, x: number, y: number): [number, number] {
  const dx = x - gt[0];
  const dy = y - gt[3];
  return [dx * inverse[1] + dy * inverse[2], dx * inverse[4] + dy * inverse[5]];
}

export function isNorthUp(gt: GeoTransform): boolean {
  return gt[2] === 0 && gt[4] === 0;
}

/** [minX, minY, maxX, maxY] of the four raster corners. */
export function rasterExtent(gt: GeoTransform, width: number, height: number): Extent {
  const corners = [pixelToWorld(gt, 0, 0), pixelToWorld(gt, width, 0), pixelToWorld(gt, 0, height), pixelToWorld(gt, width, height)];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Area of one cell in squared CRS units (|det| of the linear part). */
export function cellArea(gt: GeoTransform): number {
  return Math.abs(gt[1] * gt[5] - gt[2] * gt[4]);
}
