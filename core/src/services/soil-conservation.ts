/**
 * 土壤保持 Soil conservation by the RUSLE difference, docs/methods/regulating-services.md §3.2:
 *
 *   Q_sr = R·K·LS·(1 − C·P) × A / 10⁴                    [t/a; R·K in t/(hm²·a), A in m²]
 *   V_sr = V_sd + V_dpd
 *   V_sd  = λ × (Q_sr / ρ) × c_dredge                    reduced sediment deposition [元/a]
 *   V_dpd = Q_sr × (C_N × p_N + C_P × p_P)                reduced N/P non-point pollution [元/a]
 *
 * C_N and C_P are fractions (the sources print percent; the unit table divides by 100). C and P are clamped to
 * [0, 1] so 1 − C·P ≥ 0. LS comes from the DEM in model mode (raster 'ls'), from the class table in class mode
 * (mandatory there: soil conservation without slope is meaningless, §3.2 class-coefficient variant).
 */
import type { ServiceDefinition } from './service-spec';

const both = { model: 'required', coefficient: 'required' } as const;

export const soilConservation: ServiceDefinition = {
  spec: {
    id: 'soil_conservation',
    label: { zh: '土壤保持', en: 'Soil conservation' },
    about: {
      zh: 'RUSLE 潜在与实际土壤侵蚀之差，按减少泥沙淤积（清淤成本）和减少氮磷面源污染（处理成本）计价。',
      en: 'Potential minus actual RUSLE erosion, valued by avoided sediment deposition (dredging cost) and avoided N/P pollution (treatment cost).',
    },
    method: 'docs/methods/regulating-services.md §3.2',
    forms: ['vegetation'],
    inputs: [
      { input: 'r_factor', as: 'R', requiredIf: { model: 'optional' } },
      { input: 'rainfallErosivity', as: 'R', requiredIf: { coefficient: 'required', model: { requiredUnlessRaster: ['r_factor'] } } },
      { input: 'k_factor', as: 'K', requiredIf: { model: 'optional' } },
      { input: 'soilErodibility', as: 'K', requiredIf: { coefficient: 'required', model: { requiredUnlessRaster: ['k_factor'] } } },
      { input: 'ls', as: 'LS', requiredIf: { model: 'required' } },
      { input: 'slopeLengthFactor', as: 'LS', requiredIf: { coefficient: 'required' } },
      { input: 'c_factor', as: 'C', requiredIf: { model: 'optional' } },
      { input: 'fvc', as: 'C', requiredIf: { model: 'optional' }, transform: 'vegetationCoverToC' },
      { input: 'coverFactor', as: 'C', requiredIf: { coefficient: 'required', model: { requiredUnlessRaster: ['c_factor', 'fvc'] } } },
      { input: 'supportFactor', as: 'Psup', requiredIf: both },
      { input: 'sedimentShare', as: 'lambda', requiredIf: both },
      { input: 'soilBulkDensity', as: 'rho', requiredIf: both },
      { input: 'dredgingCost', as: 'cDredge', requiredIf: both },
      { input: 'soilNitrogenContent', as: 'CN', requiredIf: both },
      { input: 'soilPhosphorusContent', as: 'CP', requiredIf: both },
      { input: 'nitrogenTreatmentCost', as: 'pN', requiredIf: both },
      { input: 'phosphorusTreatmentCost', as: 'pP', requiredIf: both },
    ],
    outputs: {
      quantityUnit: 't/a',
      coefficientUnit: 't/(m²·a)',
      secondary: [],
      valueParts: [
        { id: 'sediment', label: { zh: '减少泥沙淤积', en: 'Avoided sediment deposition' } },
        { id: 'nutrients', label: { zh: '减少氮磷面源污染', en: 'Avoided N/P pollution' } },
      ],
      valueUnit: '元/a',
    },
  },
  coefficient(v) {
    const c = clamp01(v.C);
    const p = clamp01(v.Psup);
    // R·K·LS is in t/(hm²·a); /10⁴ gives t/(m²·a).
    return (v.R * v.K * v.LS * (1 - c * p)) / 1e4;
  },
  unitPrices(v) {
    return {
      sediment: (v.lambda / v.rho) * v.cDredge, // 元 per t: λ share of each t is ρ⁻¹ m³ to dredge
      nutrients: v.CN * v.pN + v.CP * v.pP, // 元 per t of soil kept
    };
  },
};

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
