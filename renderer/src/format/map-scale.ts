/**
 * The map scale shown in the status bar. MapLibre's zoom z shows the Web Mercator world (equator length
 * 2π·6 378 137 m) across 512·2^z CSS pixels; at latitude φ a pixel covers cos φ times that. A CSS pixel is
 * 0.0254/96 m on screen (CSS reference pixel), so scale = ground metres per pixel ÷ screen metres per pixel.
 */
const EQUATOR_M = 2 * Math.PI * 6378137;
const SCREEN_M_PER_PX = 0.0254 / 96;

/** Ground metres per CSS pixel at `latDeg` and zoom `zoom`. */
export function metresPerPixel(latDeg: number, zoom: number): number {
  return (EQUATOR_M * Math.cos((latDeg * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** The scale denominator (1 : N) at `latDeg` and `zoom`, rounded to 2 significant digits for display. */
export function scaleDenominator(latDeg: number, zoom: number): number {
  const n = metresPerPixel(latDeg, zoom) / SCREEN_M_PER_PX;
  if (n <= 0 || !Number.isFinite(n)) return 0;
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.round(n / magnitude) * magnitude;
}
