import type Geometry from 'jsts/org/locationtech/jts/geom/Geometry.js';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import { InputError } from '../errors';
import type { MessageDetails } from '../messages/index';
import type { LocalFrame } from './jsts-geometry';

/**
 * Throws GEOMETRY_INVALID when a polygon is not valid in the OGC sense (self-intersection, hole outside its shell,
 * overlapping parts…): buffering or clipping such input gives numbers nobody can defend, and the engine never
 * repairs silently — the user repairs with repairRedline() or in their GIS.
 *
 * @param what names the input in the message ('red line', 'zone "buffer"').
 */
export function assertValidPolygonal(g: Geometry, frame: LocalFrame, what: string): void {
  const error = new IsValidOp(g).getValidationError();
  if (error === null) return;
  const c = error.getCoordinate();
  // JTS always locates the error; '?' keeps the message readable should it ever not.
  const details: MessageDetails = { what, reason: error.getMessage(), x: c ? c.x + frame.originX : '?', y: c ? c.y + frame.originY : '?' };
  throw new InputError('GEOMETRY_INVALID', details);
}
