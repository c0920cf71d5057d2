import type Geometry from 'jsts/org/locationtech/jts/geom/Geometry.js';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import type TopologyValidationError from 'jsts/org/locationtech/jts/operation/valid/TopologyValidationError.js';
import { InputError } from '../errors';
import type { MessageDetails } from '../messages/index';
import type { LocalFrame } from './jsts-geometry';

/** JTS's validity error types (TopologyValidationError), in both languages. */
const REASONS: { zh: string; en: string }[] = [
  { zh: '拓扑错误', en: 'topology error' },
  { zh: '重复顶点', en: 'repeated point' },
  { zh: '内环位于外环之外', en: 'hole outside its shell' },
  { zh: '内环相互嵌套', en: 'nested holes' },
  { zh: '内部不连通（内环把面分割开）', en: 'disconnected interior (holes split the polygon)' },
  { zh: '自相交', en: 'self-intersection' },
  { zh: '环自相交', en: 'ring self-intersection' },
  { zh: '多个部分相互嵌套', en: 'nested parts' },
  { zh: '重复的环', en: 'duplicate rings' },
  { zh: '不同顶点太少', en: 'too few distinct points' },
  { zh: '坐标无效', en: 'invalid coordinate' },
  { zh: '环未闭合', en: 'ring not closed' },
];

/** Why and where a polygon is invalid, as message details: reasonZh, reasonEn, x, y (in the data's coordinates). */
export function validityDetails(error: TopologyValidationError, frame: LocalFrame): MessageDetails {
  const reason = REASONS[error.getErrorType()] ?? { zh: error.getMessage(), en: error.getMessage() };
  const c = error.getCoordinate();
  // JTS always locates the error; '?' keeps the message readable should it ever not.
  return { reasonZh: reason.zh, reasonEn: reason.en, x: c ? c.x + frame.originX : '?', y: c ? c.y + frame.originY : '?' };
}

/** The first validity error of a polygon, or null when it is valid in the OGC sense. */
export function validityError(g: Geometry): TopologyValidationError | null {
  return new IsValidOp(g).getValidationError();
}

/**
 * Throws when a red line or zone is not a valid polygon (self-intersection, hole outside its shell, overlapping
 * parts…): buffering or clipping such input gives numbers nobody can defend, and the engine never repairs silently —
 * the user repairs with repairRedline() or in their GIS.
 *
 * @throws InputError REDLINE_TOPOLOGY_INVALID, or CLIP_ZONE_INVALID naming `zone` when one is given.
 */
export function assertValidPolygonal(g: Geometry, frame: LocalFrame, zone?: string): void {
  const error = validityError(g);
  if (error === null) return;
  const details = validityDetails(error, frame);
  throw zone === undefined ? new InputError('REDLINE_TOPOLOGY_INVALID', details) : new InputError('CLIP_ZONE_INVALID', { ...details, zone });
}
