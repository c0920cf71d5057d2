/**
 * 水源涵养 Water retention by the water-balance method, docs/methods/regulating-services.md §3.1:
 *
 *   Q_wr = Σ max(0, P − R − ET) × A × 10⁻³  [m³/a]      R = runoff raster, or R = P × α (α a fraction)
 *   V_wr = Q_wr × P_res                                 [元/a]
 *
 * Class-coefficient variant (§3.1, §4.4): w_i = max(0, P̄(1 − α_i) − ET_i)/1000 m³/(m²·a). Depths in mm, hence /1000.
 * The clip is applied per pixel or per class by the engine (§2 convention 6).
 */
import type { ServiceDefinition } from './service-spec';

export const waterRetention: ServiceDefinition = {
  spec: {
    id: 'water_retention',
    label: { zh: '水源涵养', en: 'Water retention' },
    about: {
      zh: '水量平衡法：降水减径流减蒸散发，按水库单位库容造价（影子工程法）计价。',
      en: 'Water balance: precipitation minus runoff minus evapotranspiration, valued at the reservoir unit-capacity cost (shadow project).',
    },
    method: 'docs/methods/regulating-services.md §3.1',
    forms: ['vegetation'],
    inputs: [
      { input: 'rainfall', as: 'P', requiredIf: { model: 'required' } },
      { input: 'precipitation', as: 'P', requiredIf: { coefficient: 'required' } },
      { input: 'et', as: 'ET', requiredIf: { model: 'required' } },
      { input: 'evapotranspiration', as: 'ET', requiredIf: { coefficient: 'required' } },
      { input: 'runoff', as: 'R', requiredIf: { model: 'optional' } },
      { input: 'runoffCoefficient', as: 'alpha', requiredIf: { coefficient: 'required', model: { requiredUnlessRaster: ['runoff'] } } },
      { input: 'reservoirCost', as: 'Pres', requiredIf: { model: 'required', coefficient: 'required' } },
    ],
    outputs: {
      quantityUnit: 'm³/a',
      coefficientUnit: 'm³/(m²·a)',
      secondary: [],
      valueParts: [{ id: 'reservoir', label: { zh: '水库库容替代', en: 'Reservoir capacity replaced' } }],
      valueUnit: '元/a',
    },
  },
  coefficient(v, ctx) {
    const runoffMm = ctx.has('R') ? v.R : v.P * v.alpha;
    return (v.P - runoffMm - v.ET) / 1000;
  },
  unitPrices(v) {
    return { reservoir: v.Pres };
  },
};
