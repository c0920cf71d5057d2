/**
 * Checks an accounting request before anything is computed: issues as data (errors stop the run, warnings are
 * carried into the result). Parameter-set and tier checks come from their own modules.
 */
import { issue, type Issue } from '../services/issue';
import { resolveModes } from '../services/modes';
import { SERVICE_IDS } from '../services/service-ids';
import { validateParameterSet, validateRasterUnits } from '../services/validate';
import type { AccountRequest } from './account-types';
import { validatePremium } from './premium';

/** The most pieces one run accepts: a whole county's 三调 layer is ~500 000 polygons. */
export const MAX_PIECES = 5_000_000;

/** Validates a request; never throws. */
export function validateAccountRequest(req: AccountRequest): Issue[] {
  const issues: Issue[] = [];
  if (req.pieces.length === 0) issues.push(issue('pieces', 'ACCOUNT_NO_PIECES', 'error'));
  if (req.pieces.length > MAX_PIECES) issues.push(issue('pieces', 'LIMIT_EXCEEDED', 'error', { what: 'pieces', limit: MAX_PIECES, value: req.pieces.length }));
  for (let i = 0; i < req.pieces.length && issues.length < 100; i++) checkPiece(req, i, issues);
  issues.push(...validateParameterSet(req.params));
  issues.push(...validateRasterUnits(req.rasters ?? {}));
  const rasterIds = new Set(Object.keys(req.rasters ?? {}));
  const { missing } = resolveModes(req.modes ?? {}, rasterIds, req.params.options);
  for (const id of SERVICE_IDS) {
    const m = missing[id];
    if (m !== undefined) issues.push(issue(`modes.${id}`, 'MODEL_RASTERS_MISSING', 'error', { service: id, rasters: m }));
  }
  if (req.redlineAreaM2 !== undefined && !(Number.isFinite(req.redlineAreaM2) && req.redlineAreaM2 >= 0)) {
    issues.push(issue('redlineAreaM2', 'ACCOUNT_AREA_INVALID', 'error', { value: req.redlineAreaM2 }));
  }
  if (req.accountingYear !== undefined && !(Number.isInteger(req.accountingYear) && req.accountingYear >= 1900 && req.accountingYear <= 2200)) {
    issues.push(issue('accountingYear', 'ACCOUNT_YEAR_INVALID', 'error', { value: req.accountingYear }));
  }
  const bodies = new Set<string>();
  (req.waterBodies ?? []).forEach((b, k) => {
    if (bodies.has(b.id)) issues.push(issue(`waterBodies[${k}]`, 'WATER_BODY_DUPLICATE', 'error', { body: b.id }));
    bodies.add(b.id);
    const bad = [b.surfaceAreaM2, b.totalCapacityM3 ?? 0, b.depthM ?? 0].some((x) => !(Number.isFinite(x) && x >= 0));
    if (bad || !(b.surfaceAreaM2 > 0)) issues.push(issue(`waterBodies[${k}]`, 'FLOOD_WATER_BODY_AREA', 'error', { body: b.id, value: b.surfaceAreaM2 }));
  });
  issues.push(...validatePremium(req.premium));
  return issues;
}

function checkPiece(req: AccountRequest, i: number, issues: Issue[]): void {
  const p = req.pieces[i];
  const path = `pieces[${i}]`;
  if (p.zone !== 'redline' && p.zone !== 'buffer') issues.push(issue(`${path}.zone`, 'PIECE_ZONE_INVALID', 'error', { index: i, id: p.parcelId, value: String(p.zone) }));
  if (!(Number.isFinite(p.areaM2) && p.areaM2 >= 0)) issues.push(issue(`${path}.areaM2`, 'PIECE_AREA_INVALID', 'error', { index: i, id: p.parcelId, value: p.areaM2 }));
  if (typeof p.dlbm !== 'string' || p.dlbm.trim() === '') issues.push(issue(`${path}.dlbm`, 'PIECE_DLBM_MISSING', 'error', { index: i, id: p.parcelId }));
  const s = p.samples;
  if (s !== undefined) {
    const n = s.weights.length;
    for (const [id, col] of Object.entries(s.values)) {
      if (col.length !== n) issues.push(issue(`${path}.samples.${id}`, 'PIECE_SAMPLES_INVALID', 'error', { index: i, id: p.parcelId, raster: id, expected: n, found: col.length }));
    }
  }
}
