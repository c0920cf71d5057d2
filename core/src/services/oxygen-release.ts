/**
 * 释氧 Oxygen release, docs/methods/regulating-services.md §3.5:
 *
 *   NPP basis  Q_O2 = 1.19 × NPP_dm × A / 10⁴       [t O₂/a; NPP_dm dry matter in t/(hm²·a), A in m²]
 *   NEP basis  Q_O2 = 32/44 × Q_CO2 (Q_CO2 from NEP, §3.4) — one basis for carbon and oxygen, never mixed (§3.5)
 *   V_O2 = Q_O2 × p_O2
 *
 * The carbon-unit trap of §3.4 applies: an NPP in carbon units is converted to dry matter first.
 * Carbon and oxygen value two products of the same photosynthesis flux; reports say they are not independent.
 */
import { nppDryMatter } from './carbon-sequestration';
import type { ServiceDefinition } from './service-spec';

const both = { model: 'required', coefficient: 'required' } as const;

export const oxygenRelease: ServiceDefinition = {
  spec: {
    id: 'oxygen_release',
    label: { zh: '释氧', en: 'Oxygen release' },
    about: {
      zh: '由 NPP 干物质（× 1.19）或 NEP（32/44 × CO₂）计算释氧量，按氧气价格计价。',
      en: 'Oxygen from NPP dry matter (× 1.19) or from NEP (32/44 × CO₂), valued at the oxygen price.',
    },
    method: 'docs/methods/regulating-services.md §3.5',
    forms: ['vegetation'],
    inputs: [
      { input: 'npp', as: 'NPP', requiredIf: { model: 'required' }, when: { carbonBasis: 'npp' } },
      { input: 'netPrimaryProduction', as: 'NPP', requiredIf: { coefficient: 'required' }, when: { carbonBasis: 'npp' } },
      { input: 'nep', as: 'NEP', requiredIf: { model: 'required' }, when: { carbonBasis: 'nep' } },
      { input: 'netEcosystemProduction', as: 'NEP', requiredIf: { coefficient: 'required' }, when: { carbonBasis: 'nep' } },
      { input: 'o2PerDryMatter', as: 'o2PerDm', requiredIf: both, when: { carbonBasis: 'npp' } },
      { input: 'co2PerDryMatter', as: 'co2PerDm', requiredIf: both, when: { carbonBasis: 'npp' } },
      { input: 'carbonShareOfCo2', as: 'RC', requiredIf: both },
      { input: 'oxygenPrice', as: 'pO2', requiredIf: both },
    ],
    outputs: {
      quantityUnit: 't O₂/a',
      coefficientUnit: 't O₂/(m²·a)',
      secondary: [],
      valueParts: [{ id: 'oxygen', label: { zh: '氧气价格', en: 'Oxygen price' } }],
      valueUnit: '元/a',
    },
  },
  coefficient(v, ctx) {
    if (ctx.options.carbonBasis === 'nep') return ((32 / 44) * v.NEP) / v.RC / 1e4;
    return (v.o2PerDm * nppDryMatter(v, ctx)) / 1e4;
  },
  unitPrices(v) {
    return { oxygen: v.pO2 };
  },
};
