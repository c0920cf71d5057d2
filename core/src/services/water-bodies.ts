/**
 * Lake and reservoir flood storage per whole water body, docs/methods/regulating-services.md §3.3. Both models are
 * applied to the whole water body and shared to its pieces by area (C × A_piece / A_body), never to a clipped piece
 * on its own: the lake model is non-linear and the reservoir capacity belongs to the reservoir.
 *
 *   lake       C_lake = 10⁴ × e^a × A_km²^b × T  m³  (a = 6.636, b = 0.678, T = 1: S3's Qinghai–Tibet fit)
 *              or, when the register gives a depth, C = depth × A
 *   reservoir  C_res = share × C_total  m³       (share = 0.35, S3), from the reservoir register
 */
import type { MessageCode, MessageDetails } from '../messages/index';

/** One entry of the lake/reservoir register (project data, not part of the parameter set). */
export interface WaterBody {
  id: string;
  kind: 'lake' | 'reservoir';
  name?: string;
  /** Area of the whole water surface (all its polygons, unclipped), m². */
  surfaceAreaM2: number;
  /** Reservoir total capacity, m³ (register). */
  totalCapacityM3?: number;
  /** A user storage depth, m, used instead of the lake power law (e.g. for a lake outside the model's fit range). */
  depthM?: number;
}

export type BodyStorage =
  | { ok: true; m3PerM2: number; note?: { code: MessageCode; details: MessageDetails } }
  | { ok: false; code: MessageCode; details: MessageDetails };

/**
 * Storage of a water body per m² of its surface, m³/m² (one filling a year).
 * @param lake S3's lake model constants a, b and exchanges T.
 * @param reservoirShare the flood-control share of total capacity.
 */
export function waterBodyStoragePerM2(
  body: WaterBody | undefined,
  form: 'lake' | 'reservoir',
  bodyId: string | undefined,
  lake: { a: number; b: number; t: number },
  reservoirShare: number,
): BodyStorage {
  if (bodyId === undefined) return { ok: false, code: 'FLOOD_WATER_BODY_MISSING', details: { form } };
  if (body === undefined) return { ok: false, code: 'FLOOD_WATER_BODY_UNKNOWN', details: { form, body: bodyId } };
  if (body.kind !== form) return { ok: false, code: 'FLOOD_WATER_BODY_KIND', details: { form, body: body.id, kind: body.kind } };
  if (!(body.surfaceAreaM2 > 0)) return { ok: false, code: 'FLOOD_WATER_BODY_AREA', details: { body: body.id, value: body.surfaceAreaM2 } };
  if (form === 'reservoir') {
    if (body.totalCapacityM3 === undefined) return { ok: false, code: 'FLOOD_RESERVOIR_CAPACITY_MISSING', details: { body: body.id } };
    return { ok: true, m3PerM2: (reservoirShare * body.totalCapacityM3) / body.surfaceAreaM2 };
  }
  if (body.depthM !== undefined) return { ok: true, m3PerM2: body.depthM };
  const areaKm2 = body.surfaceAreaM2 / 1e6;
  const capacityM3 = 1e4 * Math.exp(lake.a) * Math.pow(areaKm2, lake.b) * lake.t;
  const impliedDepthM = capacityM3 / body.surfaceAreaM2;
  return {
    ok: true,
    m3PerM2: impliedDepthM,
    note: { code: 'FLOOD_LAKE_POWER_LAW', details: { body: body.id, areaKm2: round(areaKm2, 4), depthM: round(impliedDepthM, 2) } },
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
