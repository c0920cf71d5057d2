/**
 * 气候调节 Climate regulation as the electricity that evapotranspiration saves, docs/methods/regulating-services.md §3.6.
 * Each class gets one term, transpiration or water-surface evaporation, never both (its `climate` form):
 *
 *   vegetation, EPP form  E = EPP × D / (3600 × r)                           [kWh/(m²·a); EPP kJ/(m²·d), D days]
 *   vegetation, ET form   E = ET_hot × 10⁻³ × ρ_w × q / (3600 × r)            [ET_hot mm over the hot days]
 *   water                 E = e_w × (ρ_w × q / 3600 + y)                      [e_w m over the hot period]
 *                         (÷ r on the cooling term only when divideWaterCoolingByEER; the published form does not)
 *   V = E × p_e
 *
 * The ET form carries the 10⁻³ (mm → m) that the reviewed formula restores; without it the result is 1000× too large.
 * It equals the EPP form when EPP = (ET_hot / D) × 10⁻³ × ρ_w × q. EPP is transpiration heat, not GPP.
 * Model mode uses the ET form (raster 'et_hot'); class mode the EPP form.
 */
import type { ServiceDefinition, Vars } from './service-spec';

const both = { model: 'required', coefficient: 'required' } as const;
const KJ_PER_KWH = 3600;

export const climateRegulation: ServiceDefinition = {
  spec: {
    id: 'climate_regulation',
    label: { zh: '气候调节', en: 'Climate regulation' },
    about: {
      zh: '植被蒸腾与水面蒸发消耗的能量折算为空调/加湿器用电量，按电价计价；对高温天数和蒸发深度很敏感。',
      en: 'Energy used by transpiration and water-surface evaporation, as the electricity air conditioners and humidifiers would use, valued at the electricity price; very sensitive to the hot days and the evaporation depth.',
    },
    method: 'docs/methods/regulating-services.md §3.6',
    forms: ['vegetation', 'water'],
    inputs: [
      { input: 'et_hot', as: 'ETh', requiredIf: { model: 'required' }, forms: ['vegetation'] },
      { input: 'transpirationHeat', as: 'EPP', requiredIf: { coefficient: 'required' }, forms: ['vegetation'] },
      { input: 'hotDays', as: 'D', requiredIf: { coefficient: 'required' }, forms: ['vegetation'] },
      { input: 'evaporation_hot', as: 'ew', requiredIf: { model: 'optional' }, forms: ['water'] },
      { input: 'waterEvaporationHot', as: 'ew', requiredIf: { coefficient: 'required', model: { requiredUnlessRaster: ['evaporation_hot'] } }, forms: ['water'] },
      { input: 'humidifierEnergy', as: 'y', requiredIf: both, forms: ['water'] },
      { input: 'eer', as: 'r', requiredIf: both },
      { input: 'latentHeat', as: 'q', requiredIf: both },
      { input: 'waterDensity', as: 'rhoW', requiredIf: both },
      { input: 'electricityPrice', as: 'pe', requiredIf: both },
    ],
    outputs: {
      quantityUnit: 'kWh/a',
      coefficientUnit: 'kWh/(m²·a)',
      secondary: [
        { id: 'transpiration', unit: 'kWh/a', label: { zh: '植被蒸腾', en: 'Transpiration' } },
        { id: 'waterCooling', unit: 'kWh/a', label: { zh: '水面蒸发降温', en: 'Water-surface cooling' } },
        { id: 'humidification', unit: 'kWh/a', label: { zh: '水面蒸发增湿', en: 'Water-surface humidification' } },
      ],
      valueParts: [{ id: 'electricity', label: { zh: '电价', en: 'Electricity price' } }],
      valueUnit: '元/a',
    },
  },
  coefficient(v, ctx) {
    if (ctx.form === 'water') return v.ew * (waterCoolingKwhPerM3(v, ctx.options.divideWaterCoolingByEER) + v.y);
    if (ctx.has('ETh')) return (v.ETh * 1e-3 * v.rhoW * v.q) / (KJ_PER_KWH * v.r);
    return (v.EPP * v.D) / (KJ_PER_KWH * v.r);
  },
  unitPrices(v) {
    return { electricity: v.pe };
  },
  secondary(v, ctx) {
    if (ctx.form !== 'water') return { transpiration: 1, waterCooling: 0, humidification: 0 };
    const cooling = waterCoolingKwhPerM3(v, ctx.options.divideWaterCoolingByEER);
    return { transpiration: 0, waterCooling: cooling / (cooling + v.y), humidification: v.y / (cooling + v.y) };
  },
};

/** ρ_w × q / 3600 kWh per m³ evaporated (680.6 at 2450 kJ/kg), ÷ r when the scheme says so. */
function waterCoolingKwhPerM3(v: Vars, divideByEer: boolean): number {
  const kwh = (v.rhoW * v.q) / KJ_PER_KWH;
  return divideByEer ? kwh / v.r : kwh;
}
