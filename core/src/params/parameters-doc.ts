/**
 * docs/methods/parameters.md, rendered from a parameter set: every price, constant, zone input and class row with
 * its unit, source and confidence, and the class coefficients the set implies. The checked-in file is regenerated
 * and compared by parameters-doc.test.ts, so it cannot drift from the data.
 */
import { Dec } from '../accounting/money';
import { deriveClassCoefficients } from '../services/class-coefficients';
import { inputDef } from '../services/inputs';
import { SERVICE_IDS } from '../services/service-ids';
import { serviceDefinition } from '../services/services';
import type { ParameterSet, ParamValue, PriceValue } from './parameter-set';

const cellText = (s: string | number | null | undefined) => (s === null || s === undefined || s === '' ? '—' : String(s).replace(/\|/g, '\\|').replace(/\n/g, ' '));
const row = (cells: (string | number | null | undefined)[]) => `| ${cells.map(cellText).join(' | ')} |`;
const round4 = (x: number) => new Dec(x).toDecimalPlaces(4, Dec.ROUND_HALF_UP).toString();
const TAGS = (v: ParamValue) => `[${v.tag}]${v.illustrative ? ' illustrative' : ''}`;

function paramTable(record: Record<string, ParamValue | PriceValue>, withYear: boolean): string[] {
  const head = withYear ? ['Id', 'Symbol', 'Parameter', 'Value', 'Unit', 'Price year', 'Source', 'Tag', 'Verified', 'Note'] : ['Id', 'Symbol', 'Parameter', 'Value', 'Unit', 'Source', 'Tag', 'Verified', 'Note'];
  const lines = [row(head), row(head.map(() => '---'))];
  for (const id of Object.keys(record)) {
    const v = record[id];
    const d = inputDef(id);
    const cells: (string | number | null | undefined)[] = [`\`${id}\``, d.symbol, `${d.label.zh} ${d.label.en}`, v.value, v.unit];
    if (withYear) cells.push((v as PriceValue).priceYear ?? 'not stated');
    cells.push(v.source, TAGS(v), v.verified ? 'yes' : 'no', v.note);
    lines.push(row(cells));
  }
  return lines;
}

/** The markdown of docs/methods/parameters.md for a set. */
export function renderParametersMarkdown(set: ParameterSet): string {
  const out: string[] = [
    '# Parameters of the built-in set',
    '',
    '<!-- Generated from core/src/params/default-set.ts by core/src/params/parameters-doc.test.ts; regenerate with `npx vitest run core/src/params -u`. Do not edit by hand. -->',
    '',
    `Set \`${set.id}\`: ${set.label.en} (${set.label.zh}).`,
    '',
  ];
  if (set.notice) out.push(`> ${set.notice.en}`, '>', `> ${set.notice.zh}`, '');
  out.push(
    'Tags as in docs/methods/regulating-services.md §0.1: [C] confirmed in the source, [R] recalled, [R-low] recalled with low confidence, [U] unknown, [D] design choice. "Verified" is yes only for values read in their source; every run lists the unverified values it used. Values the methods document marks [U] are not in the set: the service is unavailable for that class until the user supplies them.',
    '',
    `Options: carbon and oxygen from \`${set.options.carbonBasis}\`; soil-carbon add-on ${set.options.soilCarbonAddOn ? 'on' : 'off'}; water-surface cooling ${set.options.divideWaterCoolingByEER ? 'divided' : 'not divided'} by the EER.`,
    '',
    '## Prices',
    '',
    ...paramTable(set.prices, true),
    '',
    '## Constants',
    '',
    ...paramTable(set.constants, false),
    '',
    '## Zone inputs',
    '',
    ...paramTable(set.zone, false),
    '',
    '## Land classes',
    '',
    'A class without a row takes the row of its base code (K/A codes) or level-1 class; a row may override single inputs.',
    '',
    row(['Code', 'Basis', 'Zero for', 'Flood form', 'Climate form', 'Inputs']),
    row(['---', '---', '---', '---', '---', '---']),
  );
  for (const c of set.classes) {
    const inputs = Object.entries(c.inputs)
      .map(([id, v]) => `${id} = ${v.value} ${v.unit} ${TAGS(v)}`)
      .join('; ');
    out.push(row([c.code, c.basis, c.zero?.join(', '), c.flood, c.climate, inputs]));
  }
  out.push(
    '',
    '## Class coefficients',
    '',
    'Value coefficients in 元/(m²·a) that coefficient mode derives from the inputs above (prices at their own years). "—": unavailable (an input is missing, or a lake/reservoir needs its register).',
    '',
    row(['Code', 'Name', ...SERVICE_IDS.map((id) => serviceDefinition(id).spec.label.zh), 'Total']),
    row(['---', '---', ...SERVICE_IDS.map(() => '---:'), '---:']),
  );
  for (const r of deriveClassCoefficients(set)) {
    const values = SERVICE_IDS.map((id) => r.services[id].valuePerM2);
    const total = values.some((v) => v === null) ? null : values.reduce((a: number, v) => a + (v as number), 0);
    out.push(row([r.code, r.nameZh, ...values.map((v) => (v === null ? null : round4(v))), total === null ? null : round4(total)]));
  }
  out.push('', '## Sources', '', row(['Id', 'Source']), row(['---', '---']));
  for (const [id, citation] of Object.entries(set.sources)) out.push(row([id, citation]));
  return out.join('\n') + '\n';
}
