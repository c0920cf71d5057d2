/**
 * 固碳 Carbon sequestration, docs/methods/regulating-services.md §3.4:
 *
 *   NPP basis  Q_CO2 = 1.63 × NPP_dm × A / 10⁴      [t CO₂/a; NPP_dm dry matter in t/(hm²·a), A in m²]
 *              optional S5 soil-carbon add-on: × (1 + F), F = 0.02/0.49 (off by default)
 *   NEP basis  Q_CO2 = NEP / R_C × A / 10⁴          [NEP in t C/(hm²·a)]
 *   Q_C = Q_CO2 × R_C;  V = Q_C × p (price per t C) or Q_CO2 × p (price per t CO₂)
 *
 * The carbon-unit trap: 1.63 applies to dry matter. An NPP declared in carbon units (MOD17A3HGF, CASA) is converted,
 * NPP_dm = NPP_C / (1.63 × R_C), never multiplied by 1.63 as it stands. Every C ↔ CO₂ conversion uses the set's R_C
 * (0.2727 in S5, as §9 does; 12/44 exactly if the user prefers). The price declares its unit, per t C or per t CO₂,
 * and is converted to per t CO₂ here: a per-t-C price applied to t CO₂ would overstate the value 3.667×.
 */
import type { FormulaContext, ServiceDefinition, Vars } from './service-spec';

const both = { model: 'required', coefficient: 'required' } as const;

export const carbonSequestration: ServiceDefinition = {
  spec: {
    id: 'carbon_sequestration',
    label: { zh: '固碳', en: 'Carbon sequestration' },
    about: {
      zh: '光合作用方程（NPP 干物质 × 1.63）或 NEP 法，按碳价计价；碳价须声明为元/t C 或元/t CO₂。',
      en: 'Photosynthesis equation (NPP dry matter × 1.63) or the NEP method, valued at a carbon price declared per t C or per t CO₂.',
    },
    method: 'docs/methods/regulating-services.md §3.4',
    forms: ['vegetation'],
    inputs: [
      { input: 'npp', as: 'NPP', requiredIf: { model: 'required' }, when: { carbonBasis: 'npp' } },
      { input: 'netPrimaryProduction', as: 'NPP', requiredIf: { coefficient: 'required' }, when: { carbonBasis: 'npp' } },
      { input: 'nep', as: 'NEP', requiredIf: { model: 'required' }, when: { carbonBasis: 'nep' } },
      { input: 'netEcosystemProduction', as: 'NEP', requiredIf: { coefficient: 'required' }, when: { carbonBasis: 'nep' } },
      { input: 'co2PerDryMatter', as: 'co2PerDm', requiredIf: both },
      { input: 'carbonShareOfCo2', as: 'RC', requiredIf: both },
      { input: 'soilCarbonRatio', as: 'F', requiredIf: both, when: { carbonBasis: 'npp', soilCarbonAddOn: true } },
      { input: 'carbonPrice', as: 'pC', requiredIf: both },
    ],
    outputs: {
      quantityUnit: 't CO₂/a',
      coefficientUnit: 't CO₂/(m²·a)',
      secondary: [{ id: 'carbon', unit: 't C/a', label: { zh: '固碳量（碳）', en: 'Carbon fixed (as C)' } }],
      valueParts: [{ id: 'carbon', label: { zh: '碳价', en: 'Carbon price' } }],
      valueUnit: '元/a',
    },
  },
  coefficient(v, ctx) {
    if (ctx.options.carbonBasis === 'nep') return v.NEP / v.RC / 1e4;
    const addOn = ctx.options.soilCarbonAddOn ? 1 + v.F : 1;
    return (v.co2PerDm * nppDryMatter(v, ctx) * addOn) / 1e4;
  },
  unitPrices(v, ctx) {
    // Price per t C → per t CO₂: each t CO₂ holds R_C t C.
    return { carbon: ctx.dimension('pC') === 'pricePerTonneC' ? v.pC * v.RC : v.pC };
  },
  secondary(v) {
    return { carbon: v.RC };
  },
};

/** NPP as dry matter in t/(hm²·a), converting a carbon-unit NPP by the 1.63 × R_C carbon fraction (§3.4). */
export function nppDryMatter(v: Vars, ctx: FormulaContext): number {
  return ctx.dimension('NPP') === 'carbonRate' ? v.NPP / (v.co2PerDm * v.RC) : v.NPP;
}
