/**
 * What a run says about itself besides the numbers: illustrative inputs and tiers, prices left at their own years,
 * the unverified parameters it used, a red line its pieces do not cover, a unit value outside the tier table, and
 * the reading notes the methods document asks reports to carry (§3.1 double counting, §3.5 carbon/oxygen
 * correlation, §3.6 sensitivity of water-surface cooling).
 */
import type { MessageCode, MessageDetails } from '../messages/index';
import type { ParameterSet, ParamValue, PriceValue } from '../params/parameter-set';
import type { RunInputs } from '../services/resolve-inputs';
import { SERVICE_IDS, type ServiceId } from '../services/service-ids';
import type { Mode } from '../services/service-spec';
import type { AccountRequest, AccountResult, UnverifiedParam } from './account-types';
import { dec, roundTo, QUANTITY_DP, type Dec } from './money';
import type { PremiumResult } from './premium';

export interface RunNote {
  code: MessageCode;
  severity: 'warning' | 'info';
  details: MessageDetails;
}

interface Input {
  req: AccountRequest;
  run: RunInputs;
  modes: Record<ServiceId, Mode>;
  premium: PremiumResult;
  redlineAreaM2: Dec;
  piecesRedlineAreaM2: Dec;
  /** Per service (output order), the forms its pieces used. */
  forms: Set<string>[];
}

export function runNotes(x: Input): { notes: RunNote[]; prices: AccountResult['prices']; unverified: UnverifiedParam[] } {
  const set = x.req.params;
  const notes: RunNote[] = [];
  const note = (code: MessageCode, details: MessageDetails = {}, severity: RunNote['severity'] = 'warning') => notes.push({ code, severity, details });
  if (set.illustrative) note('PARAMS_ILLUSTRATIVE', { set: set.id });
  if (x.premium.illustrative) note('TIERS_ILLUSTRATIVE', { tiers: x.premium.tiers });

  const accountingYear = x.req.accountingYear ?? null;
  const items: AccountResult['prices']['items'] = [];
  for (const id of Object.keys(set.prices).sort()) {
    if (!x.run.used.has(`prices.${id}`)) continue;
    const p = set.prices[id];
    const r = x.run.prices[id];
    items.push({ id, value: roundTo(dec(r.value), QUANTITY_DP), unit: p.unit, priceYear: p.priceYear, indexed: r.indexed, reason: r.indexed ? null : r.reason });
    if (!r.indexed && accountingYear !== null) note('PRICE_NOT_INDEXED', { price: id, priceYear: p.priceYear ?? '?', accountingYear, reason: r.reason });
  }
  if (accountingYear === null && items.length > 0) {
    note('PRICES_AT_OWN_YEARS', { prices: items.map((i) => `${i.id} ${i.priceYear ?? '?'}`) }, 'info');
  }

  const mismatch = x.redlineAreaM2.minus(x.piecesRedlineAreaM2).abs();
  if (x.req.redlineAreaM2 !== undefined && mismatch.gt(1) && mismatch.gt(x.redlineAreaM2.times(0.001))) {
    note('REDLINE_AREA_MISMATCH', { redline: roundTo(x.redlineAreaM2, 2), pieces: roundTo(x.piecesRedlineAreaM2, 2) });
  }
  if (x.premium.unitValue === null) note('PREMIUM_NO_UNIT_VALUE', { combine: x.premium.combine });
  else if (x.premium.tier === null) note('PREMIUM_NO_TIER', { unitValue: x.premium.unitValue, tiers: x.premium.tiers });

  const used = (id: ServiceId) => x.forms[SERVICE_IDS.indexOf(id)];
  if (used('flood_storage').has('vegetation') && used('water_retention').size > 0) note('FLOOD_VEGETATION_OVERLAPS_WATER', {}, 'info');
  if (used('carbon_sequestration').size > 0 && used('oxygen_release').size > 0) note('CARBON_OXYGEN_CORRELATED', {}, 'info');
  if (used('climate_regulation').has('water')) note('CLIMATE_WATER_SENSITIVE', {}, 'info');
  if (x.req.coefficients !== undefined && SERVICE_IDS.some((id) => x.modes[id] === 'coefficient')) note('COEFFICIENT_TABLE_NO_QUANTITY', { file: x.req.coefficients.name }, 'info');

  return { notes, prices: { accountingYear, items }, unverified: unverified(set, x.run.used) };
}

/** Every parameter the run read whose provenance is not verified, by path. */
function unverified(set: ParameterSet, used: ReadonlySet<string>): UnverifiedParam[] {
  return [...used]
    .sort()
    .flatMap((path) => {
      const v = paramAt(set, path);
      if (v === undefined || v.verified) return [];
      return [{ path, value: v.value, unit: v.unit, tag: v.tag, source: v.source, illustrative: v.illustrative ?? false, note: v.note ?? null }];
    });
}

/** The value at a provenance path ('prices.x', 'zone.x', 'classes.CODE.inputs.x', 'coefficients.CODE.SERVICE'). */
export function paramAt(set: ParameterSet, path: string): ParamValue | PriceValue | undefined {
  const [group, a, b, c] = path.split('.');
  switch (group) {
    case 'prices':
      return set.prices[a];
    case 'constants':
      return set.constants[a];
    case 'zone':
      return set.zone[a];
    case 'classes':
      return b === 'inputs' ? set.classes.find((r) => r.code === a)?.inputs[c] : undefined;
    case 'coefficients':
      return set.coefficients.find((r) => r.code === a && r.service === b);
    default:
      return undefined;
  }
}
