import type { Message } from './index';

/** Messages of the services domain (core/src/services/) and of parameter sets (core/src/params/). */
export const servicesMessages = {
  // Units (core/src/services/units.ts)
  UNIT_UNKNOWN: {
    zh: '{name}：未知单位“{unit}”',
    en: '{name}: unknown unit "{unit}"',
  },
  UNIT_MISMATCH: {
    zh: '{name}：单位“{unit}”不能换算为“{expected}”（量纲不同）',
    en: '{name}: unit "{unit}" cannot be converted to "{expected}" (different dimensions)',
  },
  UNIT_NOT_ACCEPTED: {
    zh: '{name}：此处不接受单位“{unit}”，应为“{expected}”或同量纲单位',
    en: '{name}: unit "{unit}" is not accepted here; expected "{expected}" or a unit of the same dimension',
  },

  // Parameter sets (core/src/params/)
  PARAMS_JSON_INVALID: {
    zh: '参数文件 {name} 不是有效的 JSON：{reason}',
    en: 'Parameter file {name} is not valid JSON: {reason}',
  },
  PARAMS_INVALID: {
    zh: '参数文件 {name} 的 {path} 无效：{reason}',
    en: 'Parameter file {name}: {path} is invalid: {reason}',
  },
  PARAMS_CSV_VALUE_INVALID: {
    zh: '{file} 第 {line} 行第 {column} 列（{field}）“{value}”无效，应为 {expected}',
    en: '{file}, line {line}, column {column} ({field}): "{value}" is invalid; expected {expected}',
  },
  PARAMS_CSV_CLASS_UNKNOWN: {
    zh: '{file} 第 {line} 行第 {column} 列：地类 {value} 不在地类表（classes.csv）中',
    en: '{file}, line {line}, column {column}: land class {value} is not in the class table (classes.csv)',
  },
  PARAM_UNKNOWN_INPUT: {
    zh: '参数 {path} 不是已知的输入项（已知：{known}），将被忽略',
    en: 'Parameter {path} is not a known input (known: {known}); it is ignored',
  },
  PARAM_UNIT_UNKNOWN: {
    zh: '参数 {path}：未知单位“{unit}”（应为 {expected} 或同量纲单位）',
    en: 'Parameter {path}: unknown unit "{unit}" (expected {expected} or a unit of the same dimension)',
  },
  PARAM_UNIT_NOT_ACCEPTED: {
    zh: '参数 {path}：单位“{unit}”的量纲不对，应为 {expected} 或同量纲单位',
    en: 'Parameter {path}: unit "{unit}" has the wrong dimension; expected {expected} or a unit of the same dimension',
  },
  CARBON_PRICE_UNIT_AMBIGUOUS: {
    zh: '碳价 {path} 的单位“{unit}”须写明是“元/t C”还是“元/t CO₂”（两者相差 3.667 倍）',
    en: 'Carbon price {path}: unit "{unit}" must say "元/t C" or "元/t CO₂" (they differ by a factor of 3.667)',
  },
  PARAM_OUT_OF_RANGE: {
    zh: '参数 {path} = {value} {unit} 超出有效范围 [{min}, {max}] {rangeUnit}',
    en: 'Parameter {path} = {value} {unit} is outside the valid range [{min}, {max}] {rangeUnit}',
  },
  PARAM_SOURCE_UNKNOWN: {
    zh: '参数 {path} 引用的来源“{source}”不在来源表中',
    en: 'Parameter {path} cites source "{source}", which is not in the sources table',
  },
  PARAM_DUPLICATE_CLASS: {
    zh: '地类 {code} 在地类参数表中出现多次',
    en: 'Land class {code} appears more than once in the class table',
  },
  PARAM_DUPLICATE_COEFFICIENT: {
    zh: '地类 {code} 的服务 {service} 系数出现多次',
    en: 'The {service} coefficient of land class {code} appears more than once',
  },
  PARAM_CLASS_UNKNOWN: {
    zh: '地类代码 {code} 不在三调工作分类中',
    en: 'Land-class code {code} is not in the 三调 classification',
  },
  PARAM_SOIL_CARBON_WITH_NEP: {
    zh: '土壤碳附加项仅用于 NPP 法，NEP 法下不使用',
    en: 'The soil-carbon add-on applies to the NPP basis only; it is not used with NEP',
  },

  // Service runs (core/src/services/evaluate-piece.ts)
  SERVICE_INPUT_MISSING: {
    zh: '{service}：地类 {dlbm} 缺少输入 {inputs}，该服务对此地类不可用（值记为空，不计为 0）',
    en: '{service}: land class {dlbm} lacks {inputs}; the service is unavailable for this class (reported as null, not 0)',
  },
  SERVICE_CLIPPED: {
    zh: '{service}：地类 {dlbm} 的计算结果为负，已按惯例截为 0',
    en: '{service}: land class {dlbm} gave a negative quantity, clipped to 0 by convention',
  },
  COEFFICIENT_CLASS_MISSING: {
    zh: '系数表 {file} 中没有地类 {dlbm}（及其上级地类）的 {service} 系数，按 0 计',
    en: 'Coefficient table {file} has no {service} coefficient for land class {dlbm} or its parent class; its value is 0',
  },
  RASTER_NO_COVERAGE: {
    zh: '{service}：栅格 {rasters} 在图斑上没有有效像元，该图斑此项服务记为空',
    en: '{service}: rasters {rasters} have no valid cell over the piece; the service is null for it',
  },
  RASTER_PARTIAL_COVERAGE: {
    zh: '{service}：栅格只覆盖图斑的一部分，按有效像元的面积加权平均计算',
    en: '{service}: the rasters cover only part of the piece; the mean is taken over the cells with data',
  },
  RASTER_INPUT_UNKNOWN: {
    zh: '栅格输入 {id} 不是已知输入（已知：{known}）',
    en: 'Raster input {id} is not a known input (known: {known})',
  },
  RASTER_UNIT_REQUIRED: {
    zh: '栅格 {id} 须声明单位（干物质或碳单位，如 {units}）',
    en: 'Raster {id} must declare its unit (dry matter or carbon, e.g. {units})',
  },

  // Flood storage of water bodies (core/src/services/water-bodies.ts)
  FLOOD_WATER_BODY_MISSING: {
    zh: '洪水调蓄：地类 {dlbm} 的图斑未指明所属{form}（湖泊/水库须按整个水体计算），该服务不可用',
    en: 'Flood storage: a piece of land class {dlbm} names no {form} (lakes and reservoirs are computed per whole water body); the service is unavailable',
  },
  FLOOD_WATER_BODY_UNKNOWN: {
    zh: '洪水调蓄：水体登记中没有 {body}（地类 {dlbm}）',
    en: 'Flood storage: water body {body} (land class {dlbm}) is not in the register',
  },
  FLOOD_WATER_BODY_KIND: {
    zh: '洪水调蓄：水体 {body} 登记为 {kind}，但地类要求 {form}',
    en: 'Flood storage: water body {body} is registered as a {kind}, but the land class needs a {form}',
  },
  FLOOD_WATER_BODY_AREA: {
    zh: '洪水调蓄：水体 {body} 的水面面积 {value} 无效',
    en: 'Flood storage: water body {body} has an invalid water-surface area {value}',
  },
  FLOOD_RESERVOIR_CAPACITY_MISSING: {
    zh: '洪水调蓄：水库 {body} 缺少总库容（须来自水库登记）',
    en: 'Flood storage: reservoir {body} has no total capacity (it comes from the reservoir register)',
  },
  FLOOD_POND_DEPTH_REQUIRED: {
    zh: '洪水调蓄：地类 {dlbm}（坑塘等小水体）不适用湖泊幂律模型，须输入调蓄水深 pondDepth，否则该服务不可用',
    en: 'Flood storage: land class {dlbm} (ponds and small water bodies) cannot use the lake power law; enter a storage depth (pondDepth), else the service is unavailable',
  },
  FLOOD_LAKE_POWER_LAW: {
    zh: '洪水调蓄：湖泊 {body}（{areaKm2} km²）使用青藏高原湖泊幂律模型，折合调蓄水深 {depthM} m；该模型在本地区未经核实，小水体不适用',
    en: 'Flood storage: lake {body} ({areaKm2} km²) uses the Qinghai–Tibet lake power law, an implied storage depth of {depthM} m; the model is unverified for this region and not valid for small water bodies',
  },
} satisfies Record<string, Message>;
