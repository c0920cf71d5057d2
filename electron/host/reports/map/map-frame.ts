/**
 * The map frame: a rectangle on the page showing a ground extent at one scale, north up, in the layer's projected
 * CRS (Gauss-Kruger metres). A printed sheet takes a round scale (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10^k: the
 * largest that fits), so a reader can measure on paper; the app's "current view" export fits the view's extent
 * exactly instead.
 */
import { InputError, type Extent } from '#core';

/** Metres per point: 1 pt = 1/72 inch = 0.0254/72 m. */
export const M_PER_PT = 0.0254 / 72;

/** Round map scales (denominators) from 1:100 to 1:8 000 000. */
export const STANDARD_SCALES = [2, 3, 4, 5, 6].flatMap((k) => [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8].map((m) => Math.round(m * 10 ** k)));

export interface MapFrame {
  /** The frame on the page, points. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** The ground extent shown [minX, minY, maxX, maxY], metres in the map CRS (the whole frame). */
  extent: Extent;
  /** Page points per ground metre. */
  ptPerM: number;
  /** The scale 1 : scaleDenominator on the printed page. */
  scaleDenominator: number;
}

/**
 * A frame showing `extent` in the rectangle (x, y, w, h), centred.
 * @param scaling 'standard': the largest round scale at which the extent fits; 'fit': exactly fit.
 * @throws InputError REPORT_MAP_EXTENT_INVALID for an empty or non-finite extent.
 */
export function mapFrame(x: number, y: number, w: number, h: number, extent: Extent, scaling: 'standard' | 'fit'): MapFrame {
  const [minX, minY, maxX, maxY] = extent;
  if (![minX, minY, maxX, maxY].every(Number.isFinite) || !(maxX > minX) || !(maxY > minY) || !(w > 0 && h > 0)) {
    throw new InputError('REPORT_MAP_EXTENT_INVALID', { extent: JSON.stringify(extent) });
  }
  let ptPerM = Math.min(w / (maxX - minX), h / (maxY - minY));
  let denominator = 1 / (ptPerM * M_PER_PT);
  if (scaling === 'standard') {
    denominator = STANDARD_SCALES.find((s) => s >= denominator * (1 - 1e-9)) ?? Math.ceil(denominator / 1_000_000) * 1_000_000;
    ptPerM = 1 / (denominator * M_PER_PT);
  }
  const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
  const halfW = w / 2 / ptPerM, halfH = h / 2 / ptPerM;
  return { x, y, w, h, extent: [cx - halfW, cy - halfH, cx + halfW, cy + halfH], ptPerM, scaleDenominator: denominator };
}

/** Page point of a ground position (north up: y grows downwards on the page). */
export function toPage(frame: MapFrame, gx: number, gy: number): [number, number] {
  return [frame.x + (gx - frame.extent[0]) * frame.ptPerM, frame.y + (frame.extent[3] - gy) * frame.ptPerM];
}

/** An extent grown by a share of its size on every side (at least `minM` metres). */
export function padExtent(e: Extent, share: number, minM = 0): Extent {
  const dx = Math.max((e[2] - e[0]) * share, minM), dy = Math.max((e[3] - e[1]) * share, minM);
  return [e[0] - dx, e[1] - dy, e[2] + dx, e[3] + dy];
}

/** A "nice" step (1, 2 or 5 × 10^k) near `rough`. */
export function niceStep(rough: number): number {
  const p = 10 ** Math.floor(Math.log10(rough));
  const m = rough / p;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}
