/**
 * Every input a regulating service can read, declared once: id, where it lives, the unit the formula works in, the
 * dimensions a user may declare instead, labels and `about` text, and the valid range. Service specs refer to these
 * ids; validation, execution, the parameter form and docs/methods/parameters.md are all built from this table.
 *
 * Where an input lives:
 *  - `raster`: a raster sampled over each piece (PieceSamples.values[id]); the host binds a file to the id
 *    (`vep account --rainfall FILE` → 'rainfall') and declares its unit;
 *  - `zone`: one value for the study zone (zone-mean climate inputs of the class-coefficient variants);
 *  - `class`: one value per 三调 land class (class table of the parameter set, looked up through the class chain);
 *  - `constant`: a model constant; `price`: a price with its price year;
 *  - `register`: project data outside the parameter set (the lake/reservoir register of flood storage).
 */
import type { Bilingual } from './service-ids';
import type { Dimension } from './units';

export type InputType = 'raster' | 'zone' | 'class' | 'constant' | 'price' | 'register';

export interface InputDef {
  id: string;
  type: InputType;
  /** The unit the formulas use; a declared unit of one of `accepts` is converted to it. */
  unit: string;
  accepts: readonly Dimension[];
  /** The symbol in docs/methods/regulating-services.md. */
  symbol: string;
  label: Bilingual;
  about: Bilingual;
  /** Valid range in `unit` (inclusive). */
  range?: { min?: number; max?: number };
}

const ratio: readonly Dimension[] = ['ratio'];

function def(
  id: string,
  type: InputType,
  unit: string,
  accepts: readonly Dimension[],
  symbol: string,
  label: Bilingual,
  about: Bilingual,
  range?: InputDef['range'],
): InputDef {
  return range === undefined ? { id, type, unit, accepts, symbol, label, about } : { id, type, unit, accepts, symbol, label, about, range };
}

const nonNegative = { min: 0 };
const fraction = { min: 0, max: 1 };
const npp: readonly Dimension[] = ['dryMatterRate', 'carbonRate'];

/** The input catalogue, in the order the parameter form shows it. */
export const INPUT_DEFS: readonly InputDef[] = [
  // Rasters (model mode), docs/methods/regulating-services.md §2 convention 4.
  def('rainfall', 'raster', 'mm/a', ['depthRate'], 'P', { zh: '年降水量栅格', en: 'Annual precipitation raster' }, { zh: '年降水量（mm/a），站点插值或 CMFD/CHIRPS。', en: 'Annual precipitation (mm/a), station interpolation or CMFD/CHIRPS.' }, nonNegative),
  def('et', 'raster', 'mm/a', ['depthRate'], 'ET', { zh: '年实际蒸散发栅格', en: 'Annual actual evapotranspiration raster' }, { zh: '年实际蒸散发（mm/a），如 MOD16、PML-V2。', en: 'Annual actual evapotranspiration (mm/a), e.g. MOD16 or PML-V2.' }, nonNegative),
  def('runoff', 'raster', 'mm/a', ['depthRate'], 'R', { zh: '地表径流栅格', en: 'Runoff raster' }, { zh: '年径流深（mm/a）；缺省时用各地类径流系数 α × P。', en: 'Annual runoff depth (mm/a); without it, runoff = α × P per land class.' }, nonNegative),
  def('r_factor', 'raster', 'MJ·mm/(hm²·h·a)', ['erosivity'], 'R', { zh: '降雨侵蚀力栅格', en: 'Rainfall erosivity raster' }, { zh: 'RUSLE 降雨侵蚀力因子 R；缺省时用区域值。', en: 'RUSLE rainfall erosivity R; without it, the zone value is used.' }, nonNegative),
  def('k_factor', 'raster', 't·hm²·h/(hm²·MJ·mm)', ['erodibility'], 'K', { zh: '土壤可蚀性栅格', en: 'Soil erodibility raster' }, { zh: 'RUSLE 土壤可蚀性因子 K；缺省时用区域值。', en: 'RUSLE soil erodibility K; without it, the zone value is used.' }, nonNegative),
  def('ls', 'raster', '1', ratio, 'LS', { zh: '坡长坡度因子栅格', en: 'Slope length-steepness raster' }, { zh: '由 DEM 计算的 LS 因子（地形模块）。', en: 'LS factor computed from the DEM (terrain module).' }, nonNegative),
  def('c_factor', 'raster', '1', ratio, 'C', { zh: '植被覆盖与管理因子栅格', en: 'Cover-management factor raster' }, { zh: 'RUSLE C 因子，0–1。', en: 'RUSLE C factor, 0–1.' }, fraction),
  def('fvc', 'raster', '%', ratio, 'f', { zh: '植被覆盖度栅格', en: 'Vegetation cover raster' }, { zh: '植被覆盖度 f，按蔡崇法 2000 换算为 C；须声明单位（% 或 1）。', en: 'Vegetation cover f, converted to C by Cai 2000; declare its unit (% or 1).' }, { min: 0, max: 100 }),
  def('storm_rainfall', 'raster', 'mm/a', ['depthRate'], 'P_storm', { zh: '暴雨降水量栅格', en: 'Storm rainfall raster' }, { zh: '日降水 ≥ 50 mm 的年累计（mm/a）。', en: 'Annual sum of daily rainfall ≥ 50 mm (mm/a).' }, nonNegative),
  def('storm_runoff', 'raster', 'mm/a', ['depthRate'], 'R_storm', { zh: '暴雨径流栅格', en: 'Storm runoff raster' }, { zh: '暴雨径流深（mm/a）；缺省时用 α_storm × P_storm。', en: 'Storm runoff depth (mm/a); without it, α_storm × P_storm.' }, nonNegative),
  def('npp', 'raster', 't DM/(hm²·a)', npp, 'NPP', { zh: '净初级生产力栅格', en: 'Net primary production raster' }, { zh: 'NPP；须声明是干物质还是碳单位（MOD17A3HGF 为 kg C/(m²·a)）。', en: 'NPP; declare dry matter or carbon units (MOD17A3HGF is kg C/(m²·a)).' }),
  def('nep', 'raster', 't C/(hm²·a)', ['carbonRate'], 'NEP', { zh: '净生态系统生产力栅格', en: 'Net ecosystem production raster' }, { zh: 'NEP = NPP − 土壤异养呼吸，碳单位。', en: 'NEP = NPP − heterotrophic soil respiration, in carbon units.' }),
  def('et_hot', 'raster', 'mm', ['length'], 'ET_hot', { zh: '高温日蒸散发栅格', en: 'Hot-day evapotranspiration raster' }, { zh: '日最高气温 > 26 °C 各日蒸散发之和（mm）。', en: 'Evapotranspiration summed over days with Tmax > 26 °C (mm).' }, nonNegative),
  def('evaporation_hot', 'raster', 'm', ['length'], 'e_w', { zh: '高温期水面蒸发栅格', en: 'Hot-period water evaporation raster' }, { zh: '高温期水面蒸发深（蒸发皿 × 皿系数）。', en: 'Water-surface evaporation depth over the hot period (pan × pan coefficient).' }, nonNegative),

  // Zone-level climate inputs (class-coefficient variants, §3.x and §4.4).
  def('precipitation', 'zone', 'mm/a', ['depthRate'], 'P̄', { zh: '区域年均降水量', en: 'Zone mean annual precipitation' }, { zh: '研究区年均降水量（mm/a）。', en: 'Mean annual precipitation of the zone (mm/a).' }, nonNegative),
  def('stormRainfall', 'zone', 'mm/a', ['depthRate'], 'P_storm', { zh: '区域暴雨降水量', en: 'Zone storm rainfall' }, { zh: '日降水 ≥ 50 mm 的年累计（mm/a）。', en: 'Annual sum of daily rainfall ≥ 50 mm (mm/a).' }, nonNegative),
  def('rainfallErosivity', 'zone', 'MJ·mm/(hm²·h·a)', ['erosivity'], 'R̄', { zh: '区域降雨侵蚀力', en: 'Zone rainfall erosivity' }, { zh: 'RUSLE R 因子区域均值。', en: 'Zone mean of the RUSLE R factor.' }, nonNegative),
  def('soilErodibility', 'zone', 't·hm²·h/(hm²·MJ·mm)', ['erodibility'], 'K̄', { zh: '区域土壤可蚀性', en: 'Zone soil erodibility' }, { zh: 'RUSLE K 因子区域均值（土壤图）。', en: 'Zone mean of the RUSLE K factor (soil map).' }, nonNegative),
  def('hotDays', 'zone', 'd', ['time'], 'D', { zh: '高温天数', en: 'Hot days' }, { zh: '日最高气温 > 26 °C 的天数（空调需求日）。', en: 'Days with Tmax > 26 °C (air-conditioning days).' }, { min: 0, max: 366 }),
  def('waterEvaporationHot', 'zone', 'm', ['length'], 'e_w', { zh: '高温期水面蒸发深', en: 'Hot-period water evaporation depth' }, { zh: '高温期水面蒸发深（m，即 m³/m²）。', en: 'Water-surface evaporation over the hot period (m, i.e. m³/m²).' }, nonNegative),

  // Per land class.
  def('runoffCoefficient', 'class', '1', ratio, 'α', { zh: '径流系数', en: 'Runoff coefficient' }, { zh: '年均地表径流系数（分数；写作 % 时自动除以 100）。', en: 'Mean annual runoff coefficient (fraction; a value declared in % is divided by 100).' }, fraction),
  def('evapotranspiration', 'class', 'mm/a', ['depthRate'], 'ET_i', { zh: '年蒸散发', en: 'Annual evapotranspiration' }, { zh: '该地类年实际蒸散发（mm/a）。', en: 'Annual actual evapotranspiration of the class (mm/a).' }, nonNegative),
  def('stormRunoffCoefficient', 'class', '1', ratio, 'α_storm', { zh: '暴雨径流系数', en: 'Storm runoff coefficient' }, { zh: '暴雨径流系数（分数）。', en: 'Storm runoff coefficient (fraction).' }, fraction),
  def('slopeLengthFactor', 'class', '1', ratio, 'LS', { zh: '坡长坡度因子', en: 'Slope length-steepness factor' }, { zh: '无 DEM 时由用户输入（必填；无坡度的土壤保持无意义）。', en: 'User-entered when no DEM is loaded (mandatory: soil conservation without slope is meaningless).' }, nonNegative),
  def('coverFactor', 'class', '1', ratio, 'C', { zh: '植被覆盖与管理因子', en: 'Cover-management factor' }, { zh: 'RUSLE C 因子，0–1。', en: 'RUSLE C factor, 0–1.' }, fraction),
  def('supportFactor', 'class', '1', ratio, 'P', { zh: '水土保持措施因子', en: 'Support-practice factor' }, { zh: 'RUSLE P 因子；自然地表 1，梯田/水田 < 1。', en: 'RUSLE P factor; 1 for natural land, < 1 for terraces and paddies.' }, fraction),
  def('netPrimaryProduction', 'class', 't DM/(hm²·a)', npp, 'NPP_dm', { zh: '净初级生产力', en: 'Net primary production' }, { zh: '干物质 t/(hm²·a)；碳单位须如实声明，由引擎换算。', en: 'Dry matter t/(hm²·a); carbon units must be declared as such and are converted.' }, nonNegative),
  def('netEcosystemProduction', 'class', 't C/(hm²·a)', ['carbonRate'], 'NEP', { zh: '净生态系统生产力', en: 'Net ecosystem production' }, { zh: '碳单位；可为负（净碳源），按规则截为 0。', en: 'Carbon units; may be negative (a net source), clipped to 0 by convention 6.' }),
  def('transpirationHeat', 'class', 'kJ/(m²·d)', ['energyFlux'], 'EPP', { zh: '植被蒸腾消耗热量', en: 'Transpiration heat' }, { zh: '单位面积植被蒸腾消耗的热量（kJ/(m²·d)）；不是 GPP。', en: 'Heat consumed by transpiration per unit area (kJ/(m²·d)); not gross primary production.' }, nonNegative),
  def('pondDepth', 'class', 'm', ['length'], 'h', { zh: '坑塘调蓄水深', en: 'Pond storage depth' }, { zh: '坑塘等小水体的可调蓄水深（m）；湖泊幂律模型不适用于小水体。', en: 'Storage depth of ponds and small water bodies (m); the lake power law does not apply to them.' }, nonNegative),

  // Constants.
  def('sedimentShare', 'constant', '1', ratio, 'λ', { zh: '泥沙淤积系数', en: 'Sediment deposition share' }, { zh: '流失土壤中淤积于水库河道的比例。', en: 'Share of eroded soil that silts reservoirs and rivers.' }, fraction),
  def('soilBulkDensity', 'constant', 't/m³', ['density'], 'ρ', { zh: '土壤容重', en: 'Soil bulk density' }, { zh: '宜用当地土壤数据。', en: 'Use local soil data.' }, { min: 0.1, max: 3 }),
  def('soilNitrogenContent', 'constant', '1', ratio, 'C_N', { zh: '土壤氮含量', en: 'Soil nitrogen content' }, { zh: '质量分数（写作 % 时自动除以 100）。', en: 'Mass fraction (a value declared in % is divided by 100).' }, fraction),
  def('soilPhosphorusContent', 'constant', '1', ratio, 'C_P', { zh: '土壤磷含量', en: 'Soil phosphorus content' }, { zh: '质量分数（写作 % 时自动除以 100）。', en: 'Mass fraction (a value declared in % is divided by 100).' }, fraction),
  def('co2PerDryMatter', 'constant', '1', ratio, '1.63', { zh: '单位干物质固定 CO₂', en: 'CO₂ fixed per dry matter' }, { zh: '光合作用方程：每 t 干物质固定 CO₂ 的 t 数。', en: 'Photosynthesis equation: t CO₂ fixed per t of dry matter.' }, { min: 0 }),
  def('carbonShareOfCo2', 'constant', '1', ratio, 'R_C', { zh: 'CO₂ 中碳的比例', en: 'Carbon share of CO₂' }, { zh: 'C/CO₂ 质量比（12/44）；引擎所有 C ↔ CO₂ 换算都用此值。', en: 'Mass ratio C/CO₂ (12/44); every C ↔ CO₂ conversion in the engine uses this value.' }, fraction),
  def('soilCarbonRatio', 'constant', '1', ratio, 'F', { zh: '土壤碳附加比例', en: 'Soil carbon add-on ratio' }, { zh: '土壤碳与林分碳之比（S5 为 0.02/0.49），仅在启用时使用。', en: 'Soil C to stand C ratio (0.02/0.49 in S5), used only when enabled.' }, { min: 0 }),
  def('o2PerDryMatter', 'constant', '1', ratio, '1.19', { zh: '单位干物质释放 O₂', en: 'O₂ released per dry matter' }, { zh: '每 t 干物质释放 O₂ 的 t 数。', en: 't O₂ released per t of dry matter.' }, { min: 0 }),
  def('eer', 'constant', '1', ratio, 'r', { zh: '空调能效比', en: 'Air-conditioner EER' }, { zh: '空调能效比。', en: 'Energy-efficiency ratio of air conditioners.' }, { min: 0.1 }),
  def('latentHeat', 'constant', 'kJ/kg', ['specificEnergy'], 'q', { zh: '水的汽化潜热', en: 'Latent heat of vaporisation' }, { zh: '约 20 °C 时 2450 kJ/kg。', en: 'About 2450 kJ/kg at 20 °C.' }, { min: 0 }),
  def('waterDensity', 'constant', 'kg/m³', ['density'], 'ρ_w', { zh: '水的密度', en: 'Water density' }, { zh: '1000 kg/m³。', en: '1000 kg/m³.' }, { min: 0 }),
  def('humidifierEnergy', 'constant', 'kWh/m³', ['energyPerVolume'], 'y', { zh: '加湿器耗电', en: 'Humidifier electricity' }, { zh: '加湿器蒸发 1 m³ 水的耗电量；物理依据不明，可配置。', en: 'Electricity to vaporise 1 m³ of water by humidifier; physical basis unknown, configurable.' }, { min: 0 }),
  def('reservoirFloodShare', 'constant', '1', ratio, '0.35', { zh: '水库防洪库容比例', en: 'Reservoir flood-control share' }, { zh: '防洪库容占总库容的比例。', en: 'Flood-control capacity as a share of total capacity.' }, fraction),
  def('marshRetentionDepth', 'constant', 'm', ['length'], 'h', { zh: '沼泽滞水深', en: 'Marsh retention depth' }, { zh: '沼泽地表滞水深度。', en: 'Surface retention depth of marshes.' }, nonNegative),
  def('lakeModelLnCoefficient', 'constant', '1', ratio, '6.636', { zh: '湖泊调蓄模型系数 a', en: 'Lake model coefficient a' }, { zh: 'C = 10⁴ × e^a × A_km²^b × T（m³）；青藏高原拟合值，其他地区未核实。', en: 'C = 10⁴ × e^a × A_km²^b × T (m³); fitted on Qinghai–Tibet lakes, other regions unverified.' }),
  def('lakeModelExponent', 'constant', '1', ratio, '0.678', { zh: '湖泊调蓄模型指数 b', en: 'Lake model exponent b' }, { zh: '见系数 a。', en: 'See coefficient a.' }, { min: 0 }),
  def('lakeExchangeTimes', 'constant', '1', ratio, 'T', { zh: '湖泊换水次数', en: 'Lake water exchanges' }, { zh: '每年换水次数。', en: 'Water exchanges per year.' }, { min: 0 }),

  // Register (project data): one record per lake or reservoir, with its whole water-surface area.
  def('waterBody', 'register', 'm³/(m²·a)', [], 'C/A', { zh: '湖泊/水库登记', en: 'Lake/reservoir register' }, { zh: '湖泊（整湖水面面积，可选用户水深）或水库（总库容、水面面积）；非线性模型须按整个水体计算。', en: 'A lake (whole water-surface area, optional user depth) or a reservoir (total capacity, water-surface area); the non-linear models apply per whole water body.' }),

  // Prices (§3, §7): each carries a price year.
  def('reservoirCost', 'price', '元/m³', ['pricePerVolume'], 'P_res', { zh: '水库单位库容造价', en: 'Reservoir unit-capacity cost' }, { zh: '影子工程法。', en: 'Shadow-project method.' }, nonNegative),
  def('dredgingCost', 'price', '元/m³', ['pricePerVolume'], 'c_dredge', { zh: '清淤成本', en: 'Dredging cost' }, { zh: '单位体积清淤费用。', en: 'Cost of dredging one m³.' }, nonNegative),
  def('nitrogenTreatmentCost', 'price', '元/t', ['pricePerMass'], 'p_N', { zh: '氮面源污染处理成本', en: 'Nitrogen treatment cost' }, { zh: '每 t 氮的处理成本。', en: 'Treatment cost per t of nitrogen.' }, nonNegative),
  def('phosphorusTreatmentCost', 'price', '元/t', ['pricePerMass'], 'p_P', { zh: '磷面源污染处理成本', en: 'Phosphorus treatment cost' }, { zh: '每 t 磷的处理成本。', en: 'Treatment cost per t of phosphorus.' }, nonNegative),
  def('carbonPrice', 'price', '元/t CO₂', ['pricePerTonneC', 'pricePerTonneCo2'], 'p_C', { zh: '碳价', en: 'Carbon price' }, { zh: '须声明单位：元/t C 或 元/t CO₂（相差 3.667 倍）。', en: 'Declare the unit: 元/t C or 元/t CO₂ (a factor 3.667 apart).' }, nonNegative),
  def('oxygenPrice', 'price', '元/t O₂', ['pricePerMass'], 'p_O2', { zh: '氧气价格', en: 'Oxygen price' }, { zh: '工业/医用氧价格。', en: 'Industrial/medical oxygen price.' }, nonNegative),
  def('electricityPrice', 'price', '元/kWh', ['pricePerEnergy'], 'p_e', { zh: '电价', en: 'Electricity price' }, { zh: '当地电价。', en: 'Local electricity price.' }, nonNegative),
];

const byId = new Map(INPUT_DEFS.map((d) => [d.id, d]));

/** The declaration of an input id; throws for an id that is not in the catalogue (a bug, not bad input). */
export function inputDef(id: string): InputDef {
  const d = byId.get(id);
  if (d === undefined) throw new Error(`unknown service input ${id}`);
  return d;
}
