import type { Message } from './index';

/** Messages of the accounting domain (core/src/accounting/) and of the CSV tables users edit (core/src/params/csv.ts). */
export const accountingMessages = {
  // CSV tables (tiers, coefficients, parameters)
  CSV_EMPTY: {
    zh: '{file} 是空的（至少需要表头一行）',
    en: '{file} is empty (a header line is needed at least)',
  },
  CSV_QUOTE_UNTERMINATED: {
    zh: '{file} 第 {line} 行第 {char} 个字符处的引号没有闭合',
    en: '{file}, line {line}, character {char}: the quoted field is never closed',
  },
  CSV_QUOTE_UNEXPECTED: {
    zh: '{file} 第 {line} 行第 {char} 个字符处有多余的引号（字段内的引号须写成两个 ""，含引号的字段须整体加引号）',
    en: '{file}, line {line}, character {char}: unexpected quote (write a quote inside a field as "" and quote the whole field)',
  },
  CSV_FIELD_COUNT: {
    zh: '{file} 第 {line} 行有 {found} 列，表头有 {expected} 列',
    en: '{file}, line {line}: {found} fields, the header has {expected}',
  },
  CSV_NUMBER_INVALID: {
    zh: '{file} 第 {line} 行第 {column} 列（{field}）“{value}”不是数字',
    en: '{file}, line {line}, column {column} ({field}): "{value}" is not a number',
  },
  CSV_HEADER_MISSING: {
    zh: '{file} 的表头缺少列 {column}（现有表头：{header}）',
    en: '{file}: the header lacks column {column} (header: {header})',
  },
  CSV_HEADER_UNKNOWN: {
    zh: '{file} 表头第 {column} 列“{field}”不是可用的列名（可用：{allowed}）',
    en: '{file}, header column {column}: "{field}" is not a known column (known: {allowed})',
  },
  CSV_HEADER_DUPLICATE: {
    zh: '{file} 表头第 {column} 列“{field}”重复',
    en: '{file}, header column {column}: "{field}" appears twice',
  },
  COEFFICIENTS_DLBM_UNKNOWN: {
    zh: '{file} 第 {line} 行第 {column} 列：地类代码“{value}”不在三调工作分类中',
    en: '{file}, line {line}, column {column}: land-class code "{value}" is not in the 三调 classification',
  },
  COEFFICIENTS_DLBM_DUPLICATE: {
    zh: '{file} 第 {line} 行：地类 {value} 已在第 {first} 行给出',
    en: '{file}, line {line}: land class {value} was already given on line {first}',
  },

  // Premium tiers (core/src/accounting/tiers.ts)
  TIERS_EMPTY: {
    zh: '分档表 {file} 没有任何分档',
    en: 'Tier table {file} has no tiers',
  },
  TIERS_RATE_INVALID: {
    zh: '分档表 {file} 第 {line} 行：比例 {value} 须是 0 到 1 之间的小数（5% 写作 0.05）',
    en: 'Tier table {file}, line {line}: rate {value} must be a fraction between 0 and 1 (5 % is 0.05)',
  },
  TIERS_RATE_PERCENT: {
    zh: '{file} 第 {line} 行第 {column} 列：比例“{value}”请写成小数（5% 写作 0.05）',
    en: '{file}, line {line}, column {column}: write the rate "{value}" as a fraction (5 % is 0.05)',
  },
  TIERS_OPEN_INSIDE: {
    zh: '分档表 {file} 第 {line} 行：只有第一档下限和最后一档上限可以留空',
    en: 'Tier table {file}, line {line}: only the first lower bound and the last upper bound may be empty',
  },
  TIERS_BAND_EMPTY: {
    zh: '分档表 {file} 第 {line} 行：下限 {min} 不小于上限 {max}',
    en: 'Tier table {file}, line {line}: the lower bound {min} is not below the upper bound {max}',
  },
  TIERS_OVERLAP: {
    zh: '分档表 {file} 第 {line} 行：下限 {min} 小于上一档上限 {previousMax}（分档须按单位面积价值升序且不重叠）',
    en: 'Tier table {file}, line {line}: lower bound {min} is below the previous upper bound {previousMax} (tiers must ascend and not overlap)',
  },
  TIERS_GAP: {
    zh: '分档表 {file} 第 {line} 行：{from} 到 {to} 之间没有分档，落在其中的单位面积价值没有对应比例',
    en: 'Tier table {file}, line {line}: no tier covers {from} to {to}; a unit value there gets no rate',
  },
  TIERS_ILLUSTRATIVE: {
    zh: '使用的是示例分档表 {tiers}，不是安吉官方分档；溢价金额仅作演示',
    en: "The tier table {tiers} is illustrative, not Anji's official one; the premium is a demonstration only",
  },

  // Premium (core/src/accounting/premium.ts)
  PREMIUM_WEIGHTS_INVALID: {
    zh: '红线与环带的权重 {parcel}、{ring} 须为非负数且之和为 1',
    en: 'The red-line and ring weights {parcel} and {ring} must be non-negative and sum to 1',
  },
  PREMIUM_BASE_INVALID: {
    zh: '溢价基数 {value} 无效（须为非负有限数）',
    en: 'Premium base {value} is invalid (a non-negative finite number is needed)',
  },
  PREMIUM_FACTOR_INVALID: {
    zh: '资本化系数无效：{value}（年限须为正；年金须 r > −1 且 n 为 1–1000 的整数）',
    en: 'Invalid capitalisation factor: {value} (years must be positive; an annuity needs r > −1 and an integer n in 1–1000)',
  },
  PREMIUM_NO_TIER: {
    zh: '单位面积价值 {unitValue} 元/m² 不在分档表 {tiers} 的任何分档内，没有溢价比例',
    en: 'The unit value {unitValue} 元/m² falls in no tier of {tiers}; there is no premium rate',
  },
  PREMIUM_NO_UNIT_VALUE: {
    zh: '按合并规则 {combine} 无法计算单位面积价值（所需区域面积为 0）',
    en: 'No unit value by the combine rule {combine} (a zone it needs has no area)',
  },

  // VEP formulas (core/src/accounting/vep.ts)
  VEP_RATE_INVALID: {
    zh: '折现率 {value} 无效（须为大于 −1 的小数，8% 写作 0.08）',
    en: 'Discount rate {value} is invalid (a fraction above −1 is needed; 8 % is 0.08)',
  },
  VEP_YEARS_INVALID: {
    zh: '年限 {value} 无效（须为 1–1000 的整数）',
    en: 'Number of years {value} is invalid (an integer from 1 to 1000 is needed)',
  },
  VEP_FLOW_INVALID: {
    zh: '第 {year} 年的现金流 {value} 不是有限数',
    en: 'The cash flow of year {year}, {value}, is not a finite number',
  },

  // The accounting request (core/src/accounting/validate-request.ts)
  ACCOUNT_NO_PIECES: {
    zh: '红线及影响范围内没有任何图斑，无法核算',
    en: 'No parcel piece lies in the red line or its impact zone; nothing to account',
  },
  ACCOUNT_AREA_INVALID: {
    zh: '红线面积 {value} 无效',
    en: 'Red-line area {value} is invalid',
  },
  ACCOUNT_YEAR_INVALID: {
    zh: '核算年份 {value} 无效',
    en: 'Accounting year {value} is invalid',
  },
  MODEL_RASTERS_MISSING: {
    zh: '{service} 指定为模型模式，但缺少栅格 {rasters}',
    en: '{service} is set to model mode, but rasters {rasters} are missing',
  },
  PIECE_ZONE_INVALID: {
    zh: '第 {index} 个图斑（{id}）的区域“{value}”无效，应为 redline 或 buffer',
    en: 'Piece {index} ({id}): zone "{value}" is invalid; expected redline or buffer',
  },
  PIECE_AREA_INVALID: {
    zh: '第 {index} 个图斑（{id}）的面积 {value} 无效',
    en: 'Piece {index} ({id}): area {value} is invalid',
  },
  PIECE_DLBM_MISSING: {
    zh: '第 {index} 个图斑（{id}）没有地类编码 DLBM',
    en: 'Piece {index} ({id}) has no land-class code (DLBM)',
  },
  PIECE_DLBM_UNKNOWN: {
    zh: '地类编码 {dlbm} 不在三调工作分类中，各项服务按缺少参数处理',
    en: 'Land-class code {dlbm} is not in the 三调 classification; its services lack parameters',
  },
  PIECE_SAMPLES_INVALID: {
    zh: '第 {index} 个图斑（{id}）的栅格 {raster} 采样数 {found} 与权重数 {expected} 不符',
    en: 'Piece {index} ({id}): raster {raster} has {found} samples for {expected} weights',
  },
  WATER_BODY_DUPLICATE: {
    zh: '水体登记中 {body} 出现多次',
    en: 'Water body {body} appears more than once in the register',
  },

  // Notes of a run (core/src/accounting/run-notes.ts)
  PARAMS_ILLUSTRATIVE: {
    zh: '参数集 {set} 含示例系数（方法文档 §9 的假设输入），不是安吉的系数；结果仅供演示和比对',
    en: "Parameter set {set} holds illustrative coefficients (the methods document's §9 hypothetical inputs), not Anji's; results are for demonstration and comparison",
  },
  PRICE_NOT_INDEXED: {
    zh: '价格 {price}（{priceYear} 年）未能指数化到核算年份 {accountingYear}（{reason}）',
    en: 'Price {price} ({priceYear}) could not be indexed to the accounting year {accountingYear} ({reason})',
  },
  PRICES_AT_OWN_YEARS: {
    zh: '未指定核算年份：各价格按其价格年份计（{prices}），未做指数化',
    en: 'No accounting year: prices are at their own price years ({prices}), not indexed',
  },
  REDLINE_AREA_MISMATCH: {
    zh: '红线面积 {redline} m² 与红线内图斑面积之和 {pieces} m² 不符；单位面积价值按图斑面积计算',
    en: 'The red-line area {redline} m² differs from the sum of its pieces, {pieces} m²; unit values use the pieces',
  },
  FLOOD_VEGETATION_OVERLAPS_WATER: {
    zh: '植被洪水调蓄的水量已包含在水源涵养的水量平衡中（两者均按水库造价计价）；按方案分列两项，不可把两者水量相加',
    en: 'The storm water vegetation holds back is part of the water balance of water retention (both priced at the reservoir cost); the scheme lists both, so they are shown apart and their volumes must not be added',
  },
  CARBON_OXYGEN_CORRELATED: {
    zh: '固碳与释氧来自同一光合作用通量，二者完全相关，不是相互独立的两项',
    en: 'Carbon sequestration and oxygen release come from the same photosynthesis flux; they are fully correlated, not independent',
  },
  CLIMATE_WATER_SENSITIVE: {
    zh: '水面蒸发的气候调节价值对高温期蒸发深和是否除以能效比非常敏感，请与已发表的县级 GEP 结果比对',
    en: 'The climate-regulation value of water surfaces is very sensitive to the hot-period evaporation depth and to dividing by the EER; check it against published county GEP ratios',
  },
  COEFFICIENT_TABLE_NO_QUANTITY: {
    zh: '系数表 {file} 直接给出价值系数，系数模式下的服务没有实物量',
    en: 'Coefficient table {file} gives value coefficients directly; services in coefficient mode have no physical quantity',
  },

  // The red-line accounting pipeline (accounting/account-redline.ts)
  REDLINE_INVALID: {
    zh: '红线有 {issues} 处错误，无法核算：{problemZh}（位置 {location}）',
    en: 'The red line has {issues} error(s) and cannot be accounted: {problem} (at {location})',
  },
  REDLINE_OUTSIDE_PARCELS: {
    zh: '红线（{area} m²）内没有地类图斑：红线与图斑图层不重叠，请检查坐标系和带号',
    en: 'No parcel lies inside the red line ({area} m²): the red line and the parcel layer do not overlap — check the CRS and zone',
  },
  RASTER_OUTSIDE_ZONE: {
    zh: '栅格 {raster} 不覆盖红线及其影响区内的任何图斑',
    en: 'Raster {raster} covers none of the parcels in the red line and its impact zone',
  },
  REDLINE_PARTLY_COVERED: {
    zh: '图斑只覆盖了红线面积的 {percent}%（约 {missing} m² 没有地类数据），单位面积价值按有图斑的部分计算',
    en: 'Parcels cover only {percent}% of the red line (about {missing} m² has no land-class data); unit values count the covered part',
  },
} satisfies Record<string, Message>;
