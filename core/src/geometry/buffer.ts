import BufferOp from 'jsts/org/locationtech/jts/operation/buffer/BufferOp.js';
import BufferParameters from 'jsts/org/locationtech/jts/operation/buffer/BufferParameters.js';
import type { CrsInfo } from '../crs/crs-info';
import { BugError, InputError } from '../errors';
import type { PolygonalGeometry, Ring } from '../types';
import { fromJstsPolygons, localFrame, partsToGeometry, polygonComponents, toJsts } from './jsts-geometry';
import { partsBbox, polygonParts } from './polygonal';
import { robustOverlay } from './robust-overlay';
import { assertValidPolygonal } from './validity';
import { workingPlane } from './working-plane';

/** Largest gap allowed between a buffer's arcs and the true circle, metres (docs/design/cli.md `--buffer`). */
export const BUFFER_ARC_TOLERANCE_M = 0.01;
/** Largest buffer distance accepted, metres: far beyond any impact zone, and keeps the segment count bounded. */
export const MAX_BUFFER_DISTANCE_M = 100_000;

/**
 * Quadrant segments so that every arc of a round join lies within `toleranceM` of the true circle.
 *
 * A chord spanning the angle θ on a circle of radius r deviates from it by the sagitta r·(1 − cos(θ/2)), so
 * θ ≤ θmax = 2·acos(1 − tol/r). JTS splits a join of total angle α into n = round(α/θq) chords with θq = (π/2)/q,
 * so a chord can span up to 1.5·θq (α just below 1.5·θq gives n = 1). Hence q = ceil(1.5·(π/2)/θmax).
 * r = 1000 m, tol = 0.01 m: θmax = 2·acos(1 − 1e-5) = 0.0089443 rad → q = ceil(263.4) = 264.
 */
export function quadrantSegmentsFor(distanceM: number, toleranceM = BUFFER_ARC_TOLERANCE_M): number {
  if (toleranceM >= distanceM) return 1;
  const thetaMax = 2 * Math.acos(1 - toleranceM / distanceM);
  return Math.max(1, Math.ceil((1.5 * (Math.PI / 2)) / thetaMax));
}

function checkDistance(distanceM: number): void {
  if (!(distanceM > 0 && distanceM <= MAX_BUFFER_DISTANCE_M)) {
    throw new InputError('BUFFER_DISTANCE_INVALID', { distance: String(distanceM), max: MAX_BUFFER_DISTANCE_M });
  }
}

interface BufferPieces {
  outer: Ring[][];
  ring: Ring[][];
}

function bufferInPlane(geometry: PolygonalGeometry, distanceM: number, crs: CrsInfo, withRing: boolean): BufferPieces {
  checkDistance(distanceM);
  const input = polygonParts(geometry);
  const plane = workingPlane(input, crs);
  const parts = plane.toPlane(input);
  const [minX, minY, maxX, maxY] = partsBbox(parts);
  if (!Number.isFinite(minX + minY + maxX + maxY)) throw new InputError('REDLINE_EMPTY', {});
  const frame = localFrame((minX + maxX) / 2, (minY + maxY) / 2);
  const g = toJsts(frame, parts);
  if (g.isEmpty()) throw new InputError('REDLINE_EMPTY', {});
  assertValidPolygonal(g, frame);

  const params = new BufferParameters();
  params.setQuadrantSegments(quadrantSegmentsFor(distanceM));
  params.setJoinStyle(BufferParameters.JOIN_ROUND);
  params.setEndCapStyle(BufferParameters.CAP_ROUND);
  // JTS may drop concave input vertices up to 1 % of the distance deep before buffering (10 m at 1 km), which
  // could move the result by up to that much; 0 buffers the red line exactly as drawn.
  params.setSimplifyFactor(0);
  const outer = plane.fromPlane(fromJstsPolygons(frame, polygonComponents(BufferOp.bufferOp(g, distanceM, params))));
  if (!withRing) return { outer, ring: [] };
  // The ring is cut in the input CRS, so its hole is the red line to the last bit (for lon/lat input too, where the
  // buffer came back through proj4): red line + ring partition the buffer exactly.
  const [ax, ay, bx, by] = partsBbox(outer);
  const inputFrame = localFrame((ax + bx) / 2, (ay + by) / 2);
  const ring = robustOverlay(toJsts(inputFrame, outer), toJsts(inputFrame, input), 'difference');
  return { outer, ring: fromJstsPolygons(inputFrame, polygonComponents(ring)) };
}

/**
 * Buffers a polygon by a distance in metres with round joins, every arc within 0.01 m of the true circle
 * ({@link quadrantSegmentsFor}). Computed in the layer's projected CRS, or for a geographic layer in the 3°
 * Gauss-Kruger zone of the geometry's centroid; returned in the input CRS.
 *
 * @param geometry the red line, Polygon or MultiPolygon in `crs`.
 * @param distanceM buffer distance, metres (0 < d ≤ 100 000).
 * @throws InputError BUFFER_DISTANCE_INVALID, GEOMETRY_NOT_POLYGONAL, REDLINE_EMPTY, REDLINE_TOPOLOGY_INVALID (validate and
 *   repair the red line first: validateRedline / repairRedline).
 * @example bufferM(redline, 1000, crs4527) // the red line grown by 1 km
 */
export function bufferM(geometry: PolygonalGeometry, distanceM: number, crs: CrsInfo): PolygonalGeometry {
  const result = partsToGeometry(bufferInPlane(geometry, distanceM, crs, false).outer);
  // A positive buffer of a non-empty valid polygon is never empty.
  if (!result) throw new BugError('empty buffer of a valid red line', { distanceM });
  return result;
}

/**
 * The impact ring of a red line: its buffer minus the red line itself — a polygon with the red line as a hole
 * (and, where the red line has holes, those hole areas as islands of the ring). Together with the red line it
 * partitions the buffer exactly: the red line's vertices are kept, not re-approximated.
 *
 * @throws InputError as {@link bufferM}.
 */
export function impactRing(redline: PolygonalGeometry, distanceM: number, crs: CrsInfo): PolygonalGeometry {
  const result = partsToGeometry(bufferInPlane(redline, distanceM, crs, true).ring);
  // The buffer of a valid polygon by d > 0 strictly contains it, so something always remains.
  if (!result) throw new BugError('empty impact ring of a valid red line', { distanceM });
  return result;
}
