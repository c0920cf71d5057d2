/**
 * Red-line validation and the impact ring, computed by core in the project CRS and handed to the UI in lon/lat.
 * The ring is core's `impactRing` on the red line as it will be stored (reprojected into the project CRS), the
 * same buffer the accounting computes from the stored red line.
 */
import { InputError, type CrsInfo, type MultiPolygon } from '#core';
// Core's public index does not list the geometry module yet; the function is core's own (pure) code.
import { impactRing } from '../../../core/src/geometry/buffer';
import type { LonLatPolygonal, ValidationView } from '../contract/redlines';
import { fromLonLat, toLonLat } from './lon-lat';

/** Validation findings of a red line, with the repaired geometry when a repair exists. */
export function checkRedLine(geometry: LonLatPolygonal, crs: CrsInfo): ValidationView {
  void geometry; void crs;
  throw new InputError('SERVICE_NOT_READY', { what: 'red-line validation / 红线检查' });
}

/** The impact ring (red line buffered by `bufferM` metres in `crs`, minus the red line) in lon/lat; empty for 0 m. */
export function impactRingLonLat(geometry: LonLatPolygonal, bufferM: number, crs: CrsInfo): MultiPolygon {
  if (bufferM === 0) return { type: 'MultiPolygon', coordinates: [] };
  const ring = impactRing(fromLonLat(geometry, crs), bufferM, crs);
  const multi: MultiPolygon = ring.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [ring.coordinates] } : ring;
  return toLonLat(multi, crs);
}
