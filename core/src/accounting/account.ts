/**
 * The accounting of one red line and its ring (docs/methods/regulating-services.md §4.3, §5.4; docs/design/cli.md
 * `vep account`): every piece through the six services, then per zone, per service and per land class
 *
 *   U(Z) = Σ_s Σ_i V_{s,i} / A_Z   (元/(m²·a))
 *
 * with A_Z the whole zone area: classes worth 0 (built land) stay in the denominator (§4.3 item 3). Then the premium
 * index, tier and amount (premium.ts). Sums are decimal and unrounded; rounding happens once, at the output
 * (money.ts). The result is deterministic: pieces are sorted (zone, parcel id in natural order, DLBM, input order)
 * and every object is built in a fixed key order, so equal requests give byte-identical JSON.
 */
import { CancelledError, InputError } from '../errors';
import { findLandClass, normalizeDlbm } from '../landclass/land-class';
import { CoefficientTableIndex } from '../params/coefficient-table';
import { ServiceEvaluator, type PieceServiceResult, type PieceStatus } from '../services/evaluate-piece';
import { resolveModes } from '../services/modes';
import { prepareRun } from '../services/prepare-run';
import { SERVICE_IDS, type ServiceId } from '../services/service-ids';
import { serviceDefinition } from '../services/services';
import type { TaskContext } from '../types';
import type { AccountPiece, AccountRequest, AccountResult, ParcelRow, ServiceSummary } from './account-types';
import { area, AREA_DP, Dec, dec, money, MONEY_DP, quantity, QUANTITY_DP, roundNumber, unitValue, type Dec as DecT } from './money';
import { combinedUnitValue, computePremium } from './premium';
import { ILLUSTRATIVE_TIERS_NOTICE } from './tiers';
import { runNotes } from './run-notes';
import { ZoneAccumulator } from './zone-accumulator';
import { validateAccountRequest } from './validate-request';
import { WarningCollector } from './warnings';

const STATUSES: readonly PieceStatus[] = ['ok', 'clipped', 'zero', 'unavailable', 'noCoverage'];

/**
 * Accounts one red line: the six regulating services per clipped parcel piece, zone unit values and the premium.
 * @param req pieces with their land-class areas (and raster samples for model mode), the parameter set, options.
 * @param ctx progress (phase 'account', pieces done) and cancellation.
 * @returns the `vep account` JSON document (docs/design/cli.md) with additional breakdowns and warnings.
 * @throws InputError with the first error of {@link validateAccountRequest} (all of them in `details.issues`).
 * @throws CancelledError when `ctx.signal` is aborted.
 */
export function accountParcels(req: AccountRequest, ctx: TaskContext = {}): AccountResult {
  const issues = validateAccountRequest(req);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new InputError(errors[0].code, { ...errors[0].details, path: errors[0].path, issues: errors });
  const set = req.params;
  const rasters = req.rasters ?? {};
  const { modes } = resolveModes(req.modes ?? {}, new Set(Object.keys(rasters)), set.options);
  const run = prepareRun(set, { rasters, waterBodies: req.waterBodies, accountingYear: req.accountingYear ?? null });
  const table = req.coefficients === undefined ? undefined : new CoefficientTableIndex(req.coefficients);
  const evaluators = SERVICE_IDS.map((id) => new ServiceEvaluator(serviceDefinition(id), modes[id], run, table));
  const warnings = new WarningCollector();
  for (const i of issues) if (i.severity !== 'error') warnings.add(i.code, i.details);

  const zones = new ZoneAccumulator();
  const services = SERVICE_IDS.map(() => ({ statuses: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<PieceStatus, number>, forms: new Set<string>() }));
  const parcels: ParcelRow[] = [];
  const pieces = sortPieces(req.pieces);
  pieces.forEach((piece, n) => {
    if (n % 512 === 0) {
      if (ctx.signal?.aborted) throw new CancelledError();
      ctx.onProgress?.({ phase: 'account', done: n, total: pieces.length });
    }
    const dlbm = normalizeDlbm(piece.dlbm);
    const dlmc = piece.dlmc ?? findLandClass(dlbm)?.nameZh ?? '';
    const ref = { id: piece.parcelId, areaM2: piece.areaM2 };
    if (findLandClass(dlbm) === undefined) warnings.add('PIECE_DLBM_UNKNOWN', { dlbm }, ref);
    const results = evaluators.map((e) => e.evaluate({ dlbm, areaM2: piece.areaM2, samples: piece.samples, waterBodyId: piece.waterBodyId }));
    // Each value becomes a decimal once, for the zone sums and the row alike; 0 and null add nothing.
    const values = results.map((r) => (r.value === null || r.value === 0 ? null : dec(r.value)));
    const areaM2 = dec(piece.areaM2);
    zones.add(
      piece.zone,
      dlbm,
      dlmc,
      areaM2,
      values,
      results.map((r) => r.quantity),
    );
    results.forEach((r, k) => {
      services[k].statuses[r.status]++;
      if (r.form !== '') services[k].forms.add(r.form);
      for (const note of r.notes) warnings.add(note.code, note.details, ref);
    });
    parcels.push(parcelRow(piece, dlbm, dlmc, areaM2, results, values));
  });
  ctx.onProgress?.({ phase: 'account', done: pieces.length, total: pieces.length });

  const redline = zones.sums('redline');
  const redlineAreaM2 = req.redlineAreaM2 === undefined ? redline.area : dec(req.redlineAreaM2);
  const combine = req.premium?.combine ?? { kind: 'union' as const };
  const uStar = combinedUnitValue(combine, { redline, buffer: zones.sums('buffer') });
  const premium = computePremium(req.premium, uStar === null ? null : unitValue(uStar), redlineAreaM2);

  const notes = runNotes({ req, run, modes, premium, redlineAreaM2, piecesRedlineAreaM2: redline.area, forms: services.map((s) => s.forms) });
  const notices = [...(set.notice ? [set.notice] : []), ...(premium.illustrative ? [ILLUSTRATIVE_TIERS_NOTICE] : [])];
  const total = zones.sums('total');
  const serviceSummaries = {} as Record<ServiceId, ServiceSummary>;
  SERVICE_IDS.forEach((id, k) => {
    const acc = services[k];
    const sums = total.services[k];
    serviceSummaries[id] = {
      quantity: sums.hasQuantity ? quantity(sums.quantity) : null,
      unit: serviceDefinition(id).spec.outputs.quantityUnit,
      value: money(sums.value),
      unitValue: total.area.isZero() ? null : unitValue(sums.value.div(total.area)),
      mode: modes[id],
      source: modes[id] === 'model' ? 'rasters' : table !== undefined ? 'coefficientTable' : 'parameterSet',
      pieces: acc.statuses,
    };
  });
  const all = new WarningCollector();
  for (const w of notes.notes) all.add(w.code, w.details, undefined, w.severity);
  return {
    redline: { area: area(redlineAreaM2) },
    zones: { redline: zones.summary('redline'), buffer: zones.summary('buffer'), total: zones.summary('total') },
    services: serviceSummaries,
    premium,
    parcels,
    provenance: {
      version: req.provenance?.version ?? '',
      params: { id: req.provenance?.params?.id ?? set.id, sha256: req.provenance?.params?.sha256 ?? null },
      inputs: req.provenance?.inputs ?? [],
    },
    perClass: { redline: zones.classes('redline'), buffer: zones.classes('buffer'), total: zones.classes('total') },
    modes,
    prices: notes.prices,
    rasters: Object.keys(rasters)
      .sort()
      .map((id) => ({ id, unit: run.rasterUnits.get(id) ?? rasters[id] ?? '', resolutionM: req.rasterResolutionsM?.[id] ?? null })),
    illustrative: set.illustrative || premium.illustrative || notes.unverified.some((u) => u.illustrative),
    notices,
    unverified: notes.unverified,
    warnings: [...all.list(), ...warnings.list()],
  };
}

/** One output row; the piece value is the decimal sum of its unrounded service values (null counts as 0). */
function parcelRow(piece: AccountPiece, dlbm: string, dlmc: string, areaM2: DecT, results: PieceServiceResult[], values: (DecT | null)[]): ParcelRow {
  let value = new Dec(0);
  const services = {} as ParcelRow['services'];
  SERVICE_IDS.forEach((id, k) => {
    const r = results[k];
    const v = values[k];
    if (v !== null) value = value.plus(v);
    services[id] = { quantity: r.quantity === null ? null : roundNumber(r.quantity, QUANTITY_DP), value: r.value === null ? null : roundNumber(r.value, MONEY_DP), status: r.status, source: r.source };
  });
  return { id: piece.parcelId, dlbm, dlmc, zone: piece.zone, area: roundNumber(piece.areaM2, AREA_DP), services, value: money(value), unitValue: areaM2.isZero() ? null : unitValue(value.div(areaM2)) };
}

/** Pieces in a stable order: red line first, then parcel id (natural order: 2 before 10), DLBM, input order. */
export function sortPieces(pieces: readonly AccountPiece[]): AccountPiece[] {
  const zoneRank = (z: string) => (z === 'redline' ? 0 : 1);
  return pieces
    .map((p, i) => ({ p, i }))
    .sort((a, b) => zoneRank(a.p.zone) - zoneRank(b.p.zone) || naturalCompare(String(a.p.parcelId), String(b.p.parcelId)) || compareCodeUnits(a.p.dlbm, b.p.dlbm) || a.i - b.i)
    .map((x) => x.p);
}

/** Compares strings with runs of digits compared as numbers (by length, then digits) and the rest by code units. */
export function naturalCompare(a: string, b: string): number {
  const ta = a.match(/\d+|\D+/g) ?? [];
  const tb = b.match(/\d+|\D+/g) ?? [];
  for (let k = 0; k < Math.min(ta.length, tb.length); k++) {
    const x = ta[k];
    const y = tb[k];
    const digits = /^\d/.test(x) && /^\d/.test(y);
    if (digits) {
      const xs = x.replace(/^0+(?=\d)/, '');
      const ys = y.replace(/^0+(?=\d)/, '');
      const c = xs.length - ys.length || compareCodeUnits(xs, ys) || x.length - y.length;
      if (c !== 0) return c;
    } else {
      const c = compareCodeUnits(x, y);
      if (c !== 0) return c;
    }
  }
  return ta.length - tb.length;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
