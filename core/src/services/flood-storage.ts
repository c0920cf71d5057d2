/**
 * 洪水调蓄 Flood storage, docs/methods/regulating-services.md §3.3: C_fm = C_veg + C_lake + C_res + C_marsh [m³/a],
 * valued at the reservoir unit-capacity cost, V_fm = C_fm × P_res. Each land class gets one sub-model (its `flood`
 * form in the class table):
 *
 *   vegetation  C_veg = max(0, P_storm − R_storm) × A × 10⁻³, R_storm = storm-runoff raster or α_storm × P_storm
 *   marsh       C_marsh = h × A, h = 0.3 m (S3)
 *   pond        C = h_user × A — the lake power law is not physical for small water bodies, so 1104 坑塘 needs a
 *               user depth and is unavailable without one
 *   lake        per whole lake (non-linear): C_lake = 10⁴ × e^a × A_km²^b × T m³, shared to pieces by area
 *   reservoir   per register entry: C_res = 0.35 × C_total, shared by the piece's share of the water surface
 *
 * Lake and reservoir storage come from water-bodies.ts as m³ per m² of the water body ('bodyStorage').
 * The vegetation term is a subset of the water counted by §3.1 (the double-counting note there); the output lists
 * the two services separately and never adds their volumes as "water".
 */
import type { ServiceDefinition } from './service-spec';

const both = { model: 'required', coefficient: 'required' } as const;

export const floodStorage: ServiceDefinition = {
  spec: {
    id: 'flood_storage',
    label: { zh: '洪水调蓄', en: 'Flood storage' },
    about: {
      zh: '植被拦蓄暴雨、湖泊/水库/沼泽调蓄库容，按水库单位库容造价计价。',
      en: 'Storm water held by vegetation and storage of lakes, reservoirs and marshes, valued at the reservoir unit-capacity cost.',
    },
    method: 'docs/methods/regulating-services.md §3.3',
    forms: ['vegetation', 'marsh', 'pond', 'lake', 'reservoir'],
    inputs: [
      { input: 'storm_rainfall', as: 'Ps', requiredIf: { model: 'required' }, forms: ['vegetation'] },
      { input: 'stormRainfall', as: 'Ps', requiredIf: { coefficient: 'required' }, forms: ['vegetation'] },
      { input: 'storm_runoff', as: 'Rs', requiredIf: { model: 'optional' }, forms: ['vegetation'] },
      { input: 'stormRunoffCoefficient', as: 'alphaStorm', requiredIf: { coefficient: 'required', model: { requiredUnlessRaster: ['storm_runoff'] } }, forms: ['vegetation'] },
      { input: 'marshRetentionDepth', as: 'h', requiredIf: both, forms: ['marsh'] },
      { input: 'pondDepth', as: 'h', requiredIf: both, forms: ['pond'] },
      { input: 'waterBody', as: 'bodyStorage', requiredIf: both, forms: ['lake', 'reservoir'] },
      { input: 'lakeModelLnCoefficient', as: 'lakeA', requiredIf: both, forms: ['lake'] },
      { input: 'lakeModelExponent', as: 'lakeB', requiredIf: both, forms: ['lake'] },
      { input: 'lakeExchangeTimes', as: 'lakeT', requiredIf: both, forms: ['lake'] },
      { input: 'reservoirFloodShare', as: 'resShare', requiredIf: both, forms: ['reservoir'] },
      { input: 'reservoirCost', as: 'Pres', requiredIf: both },
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
    switch (ctx.form) {
      case 'vegetation': {
        const stormRunoffMm = ctx.has('Rs') ? v.Rs : v.Ps * v.alphaStorm;
        return (v.Ps - stormRunoffMm) / 1000;
      }
      case 'marsh':
      case 'pond':
        return v.h; // m of water over each m² = m³/m², one filling a year (T = 1)
      default:
        return v.bodyStorage; // lake, reservoir: m³ per m² of the whole water body
    }
  },
  unitPrices(v) {
    return { reservoir: v.Pres };
  },
};
