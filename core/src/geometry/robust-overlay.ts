import type Geometry from 'jsts/org/locationtech/jts/geom/Geometry.js';
import PrecisionModel from 'jsts/org/locationtech/jts/geom/PrecisionModel.js';
import OverlayOp from 'jsts/org/locationtech/jts/operation/overlay/OverlayOp.js';
import SnapOverlayOp from 'jsts/org/locationtech/jts/operation/overlay/snap/SnapOverlayOp.js';
import GeometryPrecisionReducer from 'jsts/org/locationtech/jts/precision/GeometryPrecisionReducer.js';

/** How often the plain overlay failed and which fallback succeeded (reported with clipping results). */
export interface OverlayRetries {
  /** Plain overlay failed; snapping the inputs to each other succeeded. */
  snapped: number;
  /** Snapping failed too; rounding both inputs to a 0.1 mm grid succeeded. */
  precisionReduced: number;
  /** Every attempt failed. */
  failed: number;
}

export function noRetries(): OverlayRetries {
  return { snapped: 0, precisionReduced: 0, failed: 0 };
}

/** Grid of the last fallback: 1e4 per unit = 0.1 mm in a metric CRS (1e-5 m² area change on a 100 m parcel). */
const FALLBACK_GRID_SCALE = 1e4;

export type OverlayKind = 'intersection' | 'difference' | 'union';

/**
 * A jsts overlay that survives real data. JTS's plain OverlayOp throws TopologyException when floating-point noding
 * goes wrong (nearly coincident edges, shared boundaries digitised twice, slivers); then we retry, in order:
 *  1. SnapOverlayOp — snaps vertices of each input to the other within a tolerance derived from their size
 *     (JTS's own recovery, what GEOS does before giving up);
 *  2. both inputs rounded to a 0.1 mm grid (GeometryPrecisionReducer, which repairs what rounding breaks), then the
 *     plain overlay again.
 * Each fallback used is counted in `retries`; if all fail the last error is thrown and counted as `failed`.
 * Inputs must be in a local frame (jsts-geometry.ts) so the grid is relative to coordinates of a few km.
 */
export function robustOverlay(a: Geometry, b: Geometry, kind: OverlayKind, retries: OverlayRetries = noRetries()): Geometry {
  const op = kind === 'intersection' ? OverlayOp.INTERSECTION : kind === 'difference' ? OverlayOp.DIFFERENCE : OverlayOp.UNION;
  try {
    return OverlayOp.overlayOp(a, b, op);
  } catch {
    // fall through to snapping
  }
  try {
    const result = SnapOverlayOp.overlayOp(a, b, op);
    retries.snapped++;
    return result;
  } catch {
    // fall through to precision reduction
  }
  try {
    const pm = new PrecisionModel(FALLBACK_GRID_SCALE);
    const result = OverlayOp.overlayOp(GeometryPrecisionReducer.reduce(a, pm), GeometryPrecisionReducer.reduce(b, pm), op);
    retries.precisionReduced++;
    return result;
  } catch (e) {
    retries.failed++;
    throw e;
  }
}
