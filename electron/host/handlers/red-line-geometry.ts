/**
 * Red-line validation and the impact ring, computed by core in the project CRS and handed to the UI in lon/lat.
 * They wait on core's geometry module (validation with repair, `impactRing`): until it is exported these report
 * SERVICE_NOT_READY, and the UI shows that message instead of a ring.
 */
import { InputError, type CrsInfo, type MultiPolygon } from '#core';
import type { LonLatPolygonal, ValidationView } from '../contract/redlines';

/** Validation findings of a red line, with the repaired geometry when a repair exists. */
export function checkRedLine(geometry: LonLatPolygonal, crs: CrsInfo): ValidationView {
  void geometry; void crs;
  throw new InputError('SERVICE_NOT_READY', { what: 'red-line validation / 红线检查' });
}

/** The impact ring (red line buffered by `bufferM` metres in `crs`, minus the red line) in lon/lat. */
export function impactRingLonLat(geometry: LonLatPolygonal, bufferM: number, crs: CrsInfo): MultiPolygon {
  void geometry; void bufferM; void crs;
  throw new InputError('SERVICE_NOT_READY', { what: 'impact ring / 影响区' });
}
