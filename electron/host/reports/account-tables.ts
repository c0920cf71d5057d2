/**
 * The tables of an appraisal, taken from one AccountResult (the `vep account --json` document) and the parameter
 * set it used: the workbook, the PDF report, the CSV files and the GeoPackage summary all print these rows, so every
 * output shows the same numbers — the result's own, already rounded by core (docs/design/cli.md § Conventions), never
 * recomputed here.
 */
import { SERVICE_IDS, type AccountResult, type Lang, type ParameterSet, type ParamValue, type PriceValue, type ServiceId } from '#core';
import { className, label, serviceName, zoneName } from './report-labels';

export type ZoneKey = 'redline' | 'buffer' | 'total';
export const ZONE_KEYS: readonly ZoneKey[] = ['redline', 'buffer', 'total'];

export interface ZoneRow {
  zone: ZoneKey;
  name: string;
  areaM2: number;
  valueYuan: number;
  unitValue: number | null;
}

/** Area, value and unit value of the red line, the ring and both together. */
export function zoneRows(r: AccountResult, lang: Lang): ZoneRow[] {
  return ZONE_KEYS.map((zone) => ({ zone, name: zoneName(zone, lang), areaM2: r.zones[zone].area, valueYuan: r.zones[zone].value, unitValue: r.zones[zone].unitValue }));
}

export interface ServiceRow {
  id: ServiceId;
  name: string;
  mode: string;
  quantity: number | null;
  unit: string;
  valueYuan: number;
  unitValue: number | null;
  redlineYuan: number;
  bufferYuan: number;
}

/** The six services in the contract's order, over both zones, with the value of each zone. */
export function serviceRows(r: AccountResult, lang: Lang): ServiceRow[] {
  return SERVICE_IDS.map((id) => {
    const s = r.services[id];
    return {
      id, name: serviceName(id, lang), mode: label(s.mode === 'model' ? 'modeModel' : 'modeCoefficient', lang), quantity: s.quantity, unit: s.unit,
      valueYuan: s.value, unitValue: s.unitValue, redlineYuan: r.zones.redline.services[id].value, bufferYuan: r.zones.buffer.services[id].value,
    };
  });
}

export interface ClassTableRow {
  zone: ZoneKey;
  dlbm: string;
  dlmc: string;
  areaM2: number;
  valueYuan: number;
  unitValue: number | null;
  services: number[];
}

/** Per land class and zone (red line, ring, total), services in the contract's order. */
export function classRows(r: AccountResult, lang: Lang): ClassTableRow[] {
  return ZONE_KEYS.flatMap((zone) =>
    r.perClass[zone].map((c) => ({ zone, dlbm: c.dlbm, dlmc: className(c.dlbm, c.dlmc, lang), areaM2: c.area, valueYuan: c.value, unitValue: c.unitValue, services: SERVICE_IDS.map((id) => c.services[id]) })),
  );
}

export interface ParameterRow {
  group: string;
  dlbm: string | null;
  id: string;
  value: number;
  unit: string;
  priceYear: number | null;
  source: string | null;
  citation: string | null;
  tag: string;
  verified: boolean;
  illustrative: boolean;
  note: string | null;
}

/**
 * Every number of the parameter set with its unit, price year, source, citation and whether it was verified:
 * prices, constants, zone inputs, class inputs (per DLBM) and directly entered class coefficients.
 */
export function parameterRows(set: ParameterSet, lang: Lang): ParameterRow[] {
  const row = (group: string, dlbm: string | null, id: string, v: ParamValue): ParameterRow => ({
    group, dlbm, id, value: v.value, unit: v.unit, priceYear: 'priceYear' in v ? (v as PriceValue).priceYear : null, source: v.source,
    citation: v.source === null ? null : (set.sources[v.source] ?? null), tag: v.tag, verified: v.verified, illustrative: v.illustrative ?? false, note: v.note ?? null,
  });
  return [
    ...Object.entries(set.prices).map(([id, v]) => row(label('groupPrices', lang), null, id, v)),
    ...Object.entries(set.constants).map(([id, v]) => row(label('groupConstants', lang), null, id, v)),
    ...Object.entries(set.zone).map(([id, v]) => row(label('groupZone', lang), null, id, v)),
    ...set.classes.flatMap((c) => Object.entries(c.inputs).map(([id, v]) => row(label('groupClass', lang), c.code, id, v))),
    ...set.coefficients.map((c) => row(label('groupCoefficient', lang), c.code, `${c.service} (${c.kind})`, c)),
  ];
}

/** One scalar of the result: its JSON path, a number or a text, and its unit. */
export interface SummaryEntry {
  key: string;
  value: number | null;
  text: string | null;
  unit: string | null;
}

/**
 * The result's summary values flattened to (JSON path, value, unit) rows: the `summary` table of `vep account --out
 * x.gpkg` and the `.summary.csv` beside `--out x.csv`. Keys are the paths of the `--json` document, so a reader can
 * find every number there.
 */
export function summaryEntries(r: AccountResult): SummaryEntry[] {
  const out: SummaryEntry[] = [];
  const num = (key: string, value: number | null, unit: string | null) => out.push({ key, value, text: null, unit });
  const text = (key: string, t: string | null) => out.push({ key, value: null, text: t, unit: null });
  num('redline.area', r.redline.area, 'm²');
  for (const zone of ZONE_KEYS) {
    const z = r.zones[zone];
    num(`zones.${zone}.area`, z.area, 'm²');
    num(`zones.${zone}.value`, z.value, '元/a');
    num(`zones.${zone}.unitValue`, z.unitValue, '元/(m²·a)');
    for (const id of SERVICE_IDS) {
      num(`zones.${zone}.services.${id}.quantity`, z.services[id].quantity, r.services[id].unit);
      num(`zones.${zone}.services.${id}.value`, z.services[id].value, '元/a');
      num(`zones.${zone}.services.${id}.unitValue`, z.services[id].unitValue, '元/(m²·a)');
    }
  }
  for (const id of SERVICE_IDS) {
    const s = r.services[id];
    num(`services.${id}.quantity`, s.quantity, s.unit);
    num(`services.${id}.value`, s.value, '元/a');
    num(`services.${id}.unitValue`, s.unitValue, '元/(m²·a)');
    text(`services.${id}.mode`, s.mode);
  }
  const p = r.premium;
  num('premium.unitValue', p.unitValue, '元/(m²·a)');
  num('premium.tier', p.tier, null);
  num('premium.rate', p.rate, '1');
  text('premium.combine', p.combine);
  text('premium.tiers', p.tiers);
  num('premium.base.yuan', p.base?.yuan ?? null, '元');
  num('premium.amount', p.amount, '元');
  num('illustrative', r.illustrative ? 1 : 0, null);
  text('provenance.version', r.provenance.version);
  text('provenance.params.id', r.provenance.params.id);
  text('provenance.params.sha256', r.provenance.params.sha256);
  r.provenance.inputs.forEach((input, i) => {
    text(`provenance.inputs.${i}.path`, input.path);
    text(`provenance.inputs.${i}.sha256`, input.sha256);
  });
  return out;
}
