/**
 * The words of the workbook, the PDF report and the map exports, in Chinese and English. Service names come from
 * core's service specs and land-class names from the 三调 table, so every output names them the same way.
 */
import { findLandClass, SERVICE_SPECS, type Lang, type ServiceId } from '#core';

const LABELS = {
  reportTitle: { zh: '生态环境增值金核算报告', en: 'Ecological Premium Appraisal Report' },
  workbookTitle: { zh: '生态环境增值金核算表', en: 'Ecological premium appraisal' },
  mapTitle: { zh: '项目区位与地类图', en: 'Location and land-class map' },
  redLine: { zh: '项目红线', en: 'Red line' },
  ring: { zh: '影响区（缓冲区）', en: 'Impact ring (buffer)' },
  total: { zh: '合计（红线 + 影响区）', en: 'Total (red line + ring)' },
  zone: { zh: '分区', en: 'Zone' },
  zoneRedline: { zh: '红线内', en: 'Red line' },
  zoneBuffer: { zh: '影响区', en: 'Ring' },
  zoneTotal: { zh: '合计', en: 'Total' },
  area: { zh: '面积', en: 'Area' },
  areaM2: { zh: '面积（m²）', en: 'Area (m²)' },
  redlineAreaM2: { zh: '红线面积（m²）', en: 'Red-line area (m²)' },
  value: { zh: '价值（元/年）', en: 'Value (元/a)' },
  unitValue: { zh: '单位面积价值（元/m²·年）', en: 'Unit value (元/(m²·a))' },
  quantity: { zh: '物质量', en: 'Quantity' },
  unit: { zh: '单位', en: 'Unit' },
  service: { zh: '生态系统服务', en: 'Ecosystem service' },
  mode: { zh: '核算方法', en: 'Method' },
  modeModel: { zh: '模型法（栅格）', en: 'Model (rasters)' },
  modeCoefficient: { zh: '系数法', en: 'Class coefficients' },
  parcelId: { zh: '图斑编号', en: 'Parcel id' },
  dlbm: { zh: '地类编码', en: 'DLBM' },
  dlmc: { zh: '地类名称', en: 'Land class' },
  status: { zh: '状态', en: 'Status' },
  premium: { zh: '生态环境增值金', en: 'Ecological premium' },
  premiumIndex: { zh: '价值指数 U*（元/m²·年）', en: 'Value index U* (元/(m²·a))' },
  combineRule: { zh: '指数口径', en: 'Index rule' },
  tier: { zh: '档次', en: 'Tier' },
  tierTable: { zh: '分档表', en: 'Tier table' },
  rate: { zh: '增值率', en: 'Rate' },
  premiumBase: { zh: '计费基数（元）', en: 'Premium base (元)' },
  premiumAmount: { zh: '增值金（元）', en: 'Premium (元)' },
  noTier: { zh: '无对应档次', en: 'no tier' },
  notGiven: { zh: '未提供', en: 'not given' },
  sheetSummary: { zh: '汇总', en: 'Summary' },
  sheetServices: { zh: '分服务', en: 'Services' },
  sheetClasses: { zh: '分地类', en: 'Land classes' },
  sheetParcels: { zh: '图斑明细', en: 'Parcels' },
  sheetParameters: { zh: '参数表', en: 'Parameters' },
  sheetProvenance: { zh: '数据来源', en: 'Provenance' },
  sheetNotes: { zh: '提示与警告', en: 'Notes' },
  sheetBatch: { zh: '批量汇总', en: 'Batch summary' },
  group: { zh: '类别', en: 'Group' },
  paramId: { zh: '参数', en: 'Parameter' },
  paramValue: { zh: '数值', en: 'Value' },
  priceYear: { zh: '价格年份', en: 'Price year' },
  source: { zh: '来源', en: 'Source' },
  citation: { zh: '文献', en: 'Citation' },
  confidence: { zh: '可信度', en: 'Confidence' },
  verified: { zh: '核实', en: 'Verified' },
  yes: { zh: '已核实', en: 'verified' },
  unverified: { zh: '未核实', en: 'unverified' },
  illustrative: { zh: '示例值', en: 'illustrative' },
  note: { zh: '备注', en: 'Note' },
  version: { zh: '软件版本', en: 'Software version' },
  parameterSet: { zh: '参数集', en: 'Parameter set' },
  inputs: { zh: '输入数据', en: 'Inputs' },
  path: { zh: '文件', en: 'File' },
  generatedAt: { zh: '生成时间', en: 'Generated' },
  rasters: { zh: '栅格数据', en: 'Rasters' },
  resolution: { zh: '分辨率（m）', en: 'Resolution (m)' },
  notices: { zh: '说明', en: 'Notices' },
  warnings: { zh: '警告', en: 'Warnings' },
  code: { zh: '代码', en: 'Code' },
  message: { zh: '内容', en: 'Message' },
  pieces: { zh: '图斑数', en: 'Pieces' },
  unverifiedParams: { zh: '未核实参数', en: 'Unverified parameters' },
  groupPrices: { zh: '价格', en: 'Price' },
  groupConstants: { zh: '常数', en: 'Constant' },
  groupZone: { zh: '区域参数', en: 'Zone input' },
  groupClass: { zh: '地类参数', en: 'Class input' },
  groupCoefficient: { zh: '地类系数', en: 'Class coefficient' },
  legend: { zh: '图例', en: 'Legend' },
  scale: { zh: '比例尺', en: 'Scale' },
  north: { zh: '北', en: 'N' },
  crs: { zh: '坐标系', en: 'CRS' },
  redLineName: { zh: '红线名称', en: 'Red line' },
  method: { zh: '核算方法与参数说明', en: 'Method and parameters' },
  tables: { zh: '核算结果', en: 'Results' },
  page: { zh: '第 {n} 页 / 共 {total} 页', en: 'Page {n} of {total}' },
  count: { zh: '红线数', en: 'Red lines' },
  name: { zh: '名称', en: 'Name' },
  otherClasses: { zh: '其他地类', en: 'Other classes' },
} as const;

export type LabelKey = keyof typeof LABELS;

/** A label in the report's language; `{name}` placeholders are filled from `vars`. */
export function label(key: LabelKey, lang: Lang, vars: Record<string, string | number> = {}): string {
  return LABELS[key][lang].replace(/\{(\w+)\}/g, (whole, k: string) => (k in vars ? String(vars[k]) : whole));
}

/** The name of a service in the report's language. */
export function serviceName(id: ServiceId, lang: Lang): string {
  return SERVICE_SPECS.find((s) => s.id === id)?.label[lang] ?? id;
}

/** The zone's name. */
export function zoneName(zone: 'redline' | 'buffer' | 'total', lang: Lang): string {
  return label(zone === 'redline' ? 'zoneRedline' : zone === 'buffer' ? 'zoneBuffer' : 'zoneTotal', lang);
}

/** A land class's name: the row's own DLMC when the data gave one, else the 三调 table's. */
export function className(dlbm: string, dlmc: string | null | undefined, lang: Lang): string {
  if (lang === 'zh' && dlmc) return dlmc;
  const c = findLandClass(dlbm);
  return (c ? (lang === 'zh' ? c.nameZh : c.nameEn) : null) ?? (dlmc || dlbm);
}
