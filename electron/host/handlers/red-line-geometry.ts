/**
 * Red-line validation, repair and the impact ring, computed by core in the project CRS (where the red line is
 * stored and accounted) and handed to the UI in lon/lat. The ring is core's `impactRing` of the red line as it will
 * be stored, the same buffer the accounting computes from the stored red line.
 */
import { impactRing, repairRedline, validateRedline, type CrsInfo, type MultiPolygon, type PolygonalGeometry } from '#core';
import type { LonLatPolygonal, ValidationView } from '../contract/redlines';
import { crsTransform } from '../store/reproject';
import { WGS84, fromLonLat, toLonLat } from './lon-lat';

/** Message details as plain strings and numbers (what crosses to the UI and fills placeholders). */
export function plainDetails(details: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(details)) out[k] = typeof v === 'number' || typeof v === 'string' ? v : JSON.stringify(v);
  return out;
}

/** Validation findings of a red line (locations in lon/lat), with a proposed repair when something is wrong. */
export function checkRedLine(geometry: LonLatPolygonal, crs: CrsInfo): ValidationView {
  const projected = fromLonLat(geometry, crs);
  const toLL = crsTransform(crs, WGS84).forward;
  const issues = validateRedline(projected, crs).map((i) => ({
    code: i.code,
    severity: i.severity,
    details: plainDetails(i.details),
    location: i.location ? (toLL(i.location) as [number, number]) : null,
  }));
  if (!issues.some((i) => i.severity !== 'info')) return { issues, repaired: null, repairActions: [] };
  const repair = repairRedline(projected);
  return {
    issues,
    repaired: repair.geometry ? toLonLat(repair.geometry, crs) : null,
    repairActions: repair.actions.map((a) => ({ code: a.code, details: plainDetails(a.details) })),
  };
}

/** The impact ring (red line buffered by `bufferM` metres in `crs`, minus the red line) in lon/lat; empty for 0 m. */
export function impactRingLonLat(geometry: LonLatPolygonal, bufferM: number, crs: CrsInfo): MultiPolygon {
  if (bufferM === 0) return { type: 'MultiPolygon', coordinates: [] };
  const ring: PolygonalGeometry = impactRing(fromLonLat(geometry, crs), bufferM, crs);
  const multi: MultiPolygon = ring.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [ring.coordinates] } : ring;
  return toLonLat(multi, crs);
}
