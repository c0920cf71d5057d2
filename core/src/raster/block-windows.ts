/**
 * Windows that cover a whole raster following its block layout, each at most `maxCells` pixels, so whole-raster
 * passes (statistics, copies) keep bounded memory and decode every block once.
 */
import type { RasterSource, RasterWindow } from './raster';

/** 4 Mi pixels: 16 MB of Float32, 32 MB of Float64. */
export const DEFAULT_WINDOW_CELLS = 4 * 1024 * 1024;

export function* blockWindows(source: RasterSource, maxCells = DEFAULT_WINDOW_CELLS): Generator<RasterWindow> {
  const { width, height } = source.info;
  // Whole blocks, several side by side when they are small; a huge block (one big strip) is cut into row bands.
  const bw = Math.min(width, source.blockSize.width);
  const bh = Math.min(height, source.blockSize.height);
  const across = Math.max(1, Math.min(Math.ceil(width / bw), Math.floor(maxCells / (bw * bh))));
  const winWidth = Math.min(width, bw * across);
  const winHeight = Math.max(1, Math.min(bh, Math.floor(maxCells / winWidth)));
  for (let y = 0; y < height; y += winHeight) {
    for (let x = 0; x < width; x += winWidth) {
      yield { x, y, width: Math.min(winWidth, width - x), height: Math.min(winHeight, height - y) };
    }
  }
}
