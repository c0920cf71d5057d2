/**
 * The built-in parameter set: every number cited to docs/methods/regulating-services.md (value, unit, price year,
 * source id of §0.2, confidence tag). What the document marks unknown [U] is left out: the input is then required
 * from the user, or the service is unavailable for that class and the output says so.
 *
 * The zone inputs and the class inputs are ILLUSTRATIVE: the document gives no Zhejiang numbers (§4.4), so they are
 * the hypothetical round inputs of its worked example (§9), carried over to related classes by the ecosystem mapping
 * of §4.1 where the §3.1 runoff table gives that ecosystem's α. They make a 三调-only run give plausible unit
 * values (forest ≈ 15.8 元/(m²·a), paddy ≈ 11.4, cf. §5.3); they are not Anji's coefficients, and the set's
 * `notice` says so in every output.
 */
import type { ClassRow, ParameterSet, ParamValue, PriceValue } from './parameter-set';
import { INPUT_DEFS } from '../services/inputs';
import { SOURCES } from './sources';

const ALL_SIX = ['water_retention', 'soil_conservation', 'flood_storage', 'carbon_sequestration', 'oxygen_release', 'climate_regulation'] as const;

function cited(value: number, unit: string, source: string, note?: string): ParamValue {
  return note === undefined ? { value, unit, source, tag: 'C', verified: true } : { value, unit, source, tag: 'C', verified: true, note };
}

function price(value: number, unit: string, priceYear: number | null, source: string, note: string): PriceValue {
  return { value, unit, priceYear, source, tag: 'C', verified: true, note };
}

/** A hypothetical input of the §9 worked example: runs the engine, recommends nothing. */
function example(value: number, unit: string, note: string): ParamValue {
  return { value, unit, source: 'M9', tag: 'D', verified: false, illustrative: true, note };
}

/** An α of the §3.1 runoff table (percent; recalled, not re-verified). */
function runoffTable(percent: number, ecosystem: string): ParamValue {
  return { value: percent, unit: '%', source: 'HXZN', tag: 'R', verified: false, note: `§3.1 table: ${ecosystem}` };
}

/** The §9 forest F inputs (0301 as 常绿阔叶林), with an α from the runoff table. */
function forestInputs(alpha: ParamValue): Record<string, ParamValue> {
  return {
    runoffCoefficient: alpha,
    evapotranspiration: example(750, 'mm/a', '§9.1 forest F'),
    stormRunoffCoefficient: example(0.1, '1', '§9.1 forest F'),
    slopeLengthFactor: example(2.0, '1', '§9.1 forest F; with a DEM, model mode takes LS from the terrain'),
    coverFactor: example(0.01, '1', '§9.1 forest F, inside the §3.2 range for closed forest'),
    supportFactor: example(1, '1', '§9.1 forest F: natural land'),
    netPrimaryProduction: example(12, 't DM/(hm²·a)', '§9.1 forest F (dry matter)'),
    transpirationHeat: example(2450, 'kJ/(m²·d)', '§9.1 forest F (≡ 1.0 mm/d × 2450 kJ/kg)'),
  };
}

const CLASSES: ClassRow[] = (
  [
  {
    code: '00',
    basis: '§4.4 wetland row: α = 0 (§3.1 table), no soil-conservation credit, marsh retention depth (§3.3), water-surface evaporation term (§3.6); wetland ET and NPP/NEP are unknown [U] — enter them to get water retention, carbon and oxygen',
    zero: ['soil_conservation'],
    flood: 'marsh',
    climate: 'water',
    inputs: { runoffCoefficient: runoffTable(0, '湿地') },
  },
  { code: '1105', basis: '沿海滩涂: no flood-storage model in §3.3', zero: ['soil_conservation', 'flood_storage'] },
  { code: '1106', basis: '内陆滩涂: no flood-storage model in §3.3', zero: ['soil_conservation', 'flood_storage'] },
  {
    code: '01',
    basis: '§9.3 paddy W (0101 水田, hypothetical inputs); 0102/0103 by analogy (§4.4 cropland row: scheme choice, here as §9)',
    flood: 'vegetation',
    climate: 'vegetation',
    inputs: {
      runoffCoefficient: example(10, '%', '§9.1 paddy W (hypothetical; cropland α is [U])'),
      evapotranspiration: example(900, 'mm/a', '§9.1 paddy W'),
      stormRunoffCoefficient: example(0.3, '1', '§9.1 paddy W'),
      slopeLengthFactor: example(0.3, '1', '§9.1 paddy W'),
      coverFactor: example(0.15, '1', '§9.1 paddy W, inside the §3.2 paddy range'),
      supportFactor: example(0.15, '1', '§9.1 paddy W, inside the §3.2 paddy range'),
      netPrimaryProduction: example(8, 't DM/(hm²·a)', '§9.1 paddy W (dry matter)'),
      transpirationHeat: example(1960, 'kJ/(m²·d)', '§9.1 paddy W (≡ 0.8 mm/d)'),
    },
  },
  {
    code: '02',
    basis: '种植园 ≈ shrub-like (§4.1): the §9 forest F inputs with the α of 常绿阔叶灌丛 (§3.1 table)',
    flood: 'vegetation',
    climate: 'vegetation',
    inputs: forestInputs(runoffTable(4.26, '常绿阔叶灌丛')),
  },
  {
    code: '03',
    basis: '§9.2 forest F (0301 as 常绿阔叶林, hypothetical inputs); 0302 竹林 by analogy (its own coefficients are [U])',
    flood: 'vegetation',
    climate: 'vegetation',
    inputs: forestInputs(runoffTable(2.67, '常绿阔叶林')),
  },
  { code: '0305', basis: '灌木林地: the 03 inputs with the α of 常绿阔叶灌丛 (§3.1 table)', inputs: { runoffCoefficient: runoffTable(4.26, '常绿阔叶灌丛') } },
  { code: '0307', basis: '其他林地 (疏林, 未成林): the 03 inputs with the α of 稀疏林 (§3.1 table)', inputs: { runoffCoefficient: runoffTable(19.2, '稀疏林') } },
  {
    code: '04',
    basis: '草地: α of 草丛 (§3.1 table); grassland ET, C, NPP and EPP are unknown [U] — enter them',
    flood: 'vegetation',
    climate: 'vegetation',
    inputs: { runoffCoefficient: runoffTable(9.37, '草丛') },
  },
  ...['05', '06', '07', '08', '09', '10'].map((code) => ({ code, basis: '§4.4 built-up row: 0 for every service', zero: [...ALL_SIX] })),
  { code: '0810', basis: '公园与绿地: 0 like built-up land (§4.4 allows optional green coefficients; enter them to use)', zero: [...ALL_SIX] },
  {
    code: '11',
    basis: '§4.4 water row: water retention 0 (placeholder rule, §3.1), no soil loss, no carbon/oxygen, water-surface evaporation (§3.6); 1101 河流 and 1107 沟渠 have no flood-storage model in §3.3',
    zero: ['water_retention', 'soil_conservation', 'flood_storage', 'carbon_sequestration', 'oxygen_release'],
    climate: 'water',
  },
  { code: '1102', basis: '湖泊: lake model per whole lake (§3.3), needs the lake register', zero: ['water_retention', 'soil_conservation', 'carbon_sequestration', 'oxygen_release'], flood: 'lake' },
  { code: '1103', basis: '水库: flood-control share of total capacity (§3.3), needs the reservoir register', zero: ['water_retention', 'soil_conservation', 'carbon_sequestration', 'oxygen_release'], flood: 'reservoir' },
  { code: '1104', basis: '坑塘: no lake power law on ponds (§3.3); storage depth is [U] — enter pondDepth', zero: ['water_retention', 'soil_conservation', 'carbon_sequestration', 'oxygen_release'], flood: 'pond' },
  { code: '1109', basis: '水工建筑用地: built-up, 0 for every service', zero: [...ALL_SIX] },
  { code: '1110', basis: '冰川及永久积雪: outside the scope of the six services here, 0', zero: [...ALL_SIX] },
  { code: '12', basis: '§4.4: 空闲地/设施农用地 as built-up; 田坎 and bare land (C = 1, no retention credit) 0', zero: [...ALL_SIX] },
  ] as (Omit<ClassRow, 'inputs'> & { inputs?: ClassRow['inputs'] })[]
).map((row) => ({ inputs: {}, ...row }));

/** The built-in parameter set (`vep params --template`). */
export const DEFAULT_PARAMETER_SET: ParameterSet = {
  format: 'vep-parameter-set',
  formatVersion: 1,
  id: 'vep-studio-default-1',
  label: { zh: 'VEP Studio 内置参数（示例系数）', en: 'VEP Studio built-in parameters (illustrative coefficients)' },
  notice: {
    zh: '地类系数与区域输入为示例值（方法文档 §9 的假设输入），不是安吉的系数；价格为文献参考值，未指数化到核算年份时按其价格年份计。',
    en: "Class coefficients and zone inputs are illustrative (the hypothetical inputs of the methods document §9), not Anji's; prices are literature references, at their own price years unless indexed.",
  },
  illustrative: true,
  sources: SOURCES,
  options: { carbonBasis: 'npp', soilCarbonAddOn: false, divideWaterCoolingByEER: false },
  prices: {
    reservoirCost: price(7.06, '元/m³', 2010, 'S3', 'Garzê GEP 2010, derived from LY/T 1721; alternative 6.1107 元/m³ (2005, LY/T 1721—2008 [R]); Zhejiang/Huzhou value [U]'),
    dredgingCost: price(15.58, '元/m³', 2010, 'S3', 'Garzê GEP 2010; a platform default of 19.76 (S12) has unknown provenance'),
    nitrogenTreatmentCost: price(875, '元/t', 2010, 'S3', 'N pollution-treatment cost'),
    phosphorusTreatmentCost: price(2800, '元/t', 2010, 'S3', 'P pollution-treatment cost'),
    carbonPrice: price(1200, '元/t C', null, 'S5', 'Swedish carbon tax, per t C (applied to carbon mass in S5); price year not stated; market alternative: China ETS yearly average per t CO₂ [R]'),
    oxygenPrice: price(1000, '元/t O₂', 2007, 'S6', 'industrial/medical oxygen (卫生部 website), ~2007 (year approximate); also S5, LY/T 1721'),
    electricityPrice: price(0.53, '元/kWh', 2010, 'S3', 'Garzê 2010; Zhejiang residential tier-1 ≈ 0.538 [R]'),
  },
  constants: {
    sedimentShare: cited(0.24, '1', 'S3', '欧阳志云 1999'),
    soilBulkDensity: cited(0.93, 't/m³', 'S3', 'Garzê local value; platform default 1.125 (S12); use local soil data'),
    soilNitrogenContent: cited(0.37, '%', 'S3', 'Garzê; use the local soil survey'),
    soilPhosphorusContent: cited(0.108, '%', 'S3', 'Garzê; use the local soil survey'),
    co2PerDryMatter: cited(1.63, '1', 'S5', 't CO₂ per t dry matter (photosynthesis equation)'),
    carbonShareOfCo2: cited(0.2727, '1', 'S5', '12/44 as printed in S5'),
    soilCarbonRatio: cited(0.02 / 0.49, '1', 'S5', 'soil C : stand C = 0.02 : 0.49; used only with options.soilCarbonAddOn'),
    o2PerDryMatter: cited(1.19, '1', 'S5', 'alternative 1.2 (S6); stoichiometric 32/44 × 1.63 = 1.185'),
    eer: cited(3.0, '1', 'S4', 'air-conditioner energy-efficiency ratio; also S12'),
    latentHeat: cited(2450, 'J/g', 'S12', 'physically correct at about 20 °C'),
    waterDensity: cited(1000, 'kg/m³', 'S3'),
    humidifierEnergy: { value: 120, unit: 'kWh/m³', source: 'S12', tag: 'C', verified: false, note: 'value read in S12, physical basis unknown [U] (below the 681 kWh/m³ latent-heat equivalent); ~125 in some papers [R-low]' },
    reservoirFloodShare: cited(0.35, '1', 'S3', 'flood-control capacity ≈ 35 % of total capacity'),
    marshRetentionDepth: cited(0.3, 'm', 'S3', 'surface retention depth of marshes'),
    lakeModelLnCoefficient: cited(6.636, '1', 'S3', 'Qinghai–Tibet lake fit (饶恩明 2014); eastern-plain coefficients differ and were not verified [R-low]'),
    lakeModelExponent: cited(0.678, '1', 'S3', 'see lakeModelLnCoefficient'),
    lakeExchangeTimes: cited(1, '1', 'S3', 'T = 1 exchange a year'),
  },
  zone: {
    precipitation: example(1500, 'mm/a', '§9.1 (same as the §3.1 illustration)'),
    stormRainfall: example(200, 'mm/a', '§9.1 Σ daily rainfall ≥ 50 mm'),
    rainfallErosivity: example(4000, 'MJ·mm/(hm²·h·a)', '§9.1'),
    soilErodibility: example(0.03, 't·hm²·h/(hm²·MJ·mm)', '§9.1'),
    hotDays: example(60, 'd', '§9.1; the Anji value is [U] (count days with Tmax > 26 °C at a local station)'),
    waterEvaporationHot: example(0.3, 'm', '§9.4 water-surface vector'),
  },
  classes: CLASSES,
  coefficients: [],
  priceIndex: null,
};

/**
 * The default parameter set as `vep params --template` prints it: a fresh copy the caller may change, with the
 * raster inputs a run may bind (`--rainfall FILE` …) documented in `documentation.rasters`.
 */
export function paramsTemplate(): ParameterSet {
  const set = JSON.parse(JSON.stringify(DEFAULT_PARAMETER_SET)) as ParameterSet;
  set.documentation = { rasters: INPUT_DEFS.filter((d) => d.type === 'raster').map((d) => ({ id: d.id, unit: d.unit, label: d.label, about: d.about })) };
  return set;
}
