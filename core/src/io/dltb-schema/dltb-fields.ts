import type { FieldDef } from '../../types';

/**
 * The DLTB (地类图斑) field names of docs/methods/sandiao-data.md §2.1 and their aliases: matched case-insensitively,
 * with the spellings of older tools (TKXS → KCXS …, §2.1 "Field-name normalisation") and the Chinese field names some
 * exports carry (地类编码, 图斑面积 …).
 */
export type DltbSchema = 'sandiao-dltb' | 'erdiao-dltb';

const CHINESE: Record<string, string> = {
  标识码: 'BSM', 要素代码: 'YSDM', 图斑预编号: 'TBYBH', 图斑编号: 'TBBH', 地类编码: 'DLBM', 地类代码: 'DLBM', 地类名称: 'DLMC',
  权属性质: 'QSXZ', 权属单位代码: 'QSDWDM', 权属单位名称: 'QSDWMC', 坐落单位代码: 'ZLDWDM', 坐落单位名称: 'ZLDWMC',
  座落单位代码: 'ZLDWDM', 座落单位名称: 'ZLDWMC', 图斑面积: 'TBMJ', 扣除地类编码: 'KCDLBM', 扣除地类系数: 'KCXS', 田坎系数: 'KCXS',
  扣除地类面积: 'KCMJ', 田坎面积: 'KCMJ', 图斑地类面积: 'TBDLMJ', 耕地类型: 'GDLX', 耕地坡度级别: 'GDPDJB', 耕地坡度级: 'GDPDJB',
  线状地物宽度: 'XZDWKD', 线性图斑宽度: 'XXTBKD', 图斑细化代码: 'TBXHDM', 图斑细化名称: 'TBXHMC', 种植属性代码: 'ZZSXDM',
  种植属性名称: 'ZZSXMC', 耕地种植属性代码: 'ZZSXDM', 耕地种植属性名称: 'ZZSXMC', 耕地等别: 'GDDB', 飞入地标识: 'FRDBS',
  城镇村属性码: 'CZCSXM', 数据年份: 'SJNF', 描述说明: 'MSSM', 海岛名称: 'HDMC', 备注: 'BZ',
  扣除类型: 'KCLX', 线状地物面积: 'XZDWMJ', 零星地物面积: 'LXDWMJ', 批准文号: 'PZWH', 变更记录号: 'BGJLH', 变更日期: 'BGRQ',
};

const ALIASES: Record<string, string> = { TKXS: 'KCXS', TKMJ: 'KCMJ', GDPDJ: 'GDPDJB', PDJB: 'GDPDJB', KCDLDM: 'KCDLBM', GDZZSXDM: 'ZZSXDM', GDZZSXMC: 'ZZSXMC' };

const KNOWN = new Set([
  'BSM', 'YSDM', 'TBYBH', 'TBBH', 'DLBM', 'DLMC', 'QSXZ', 'QSDWDM', 'QSDWMC', 'ZLDWDM', 'ZLDWMC', 'TBMJ', 'KCDLBM', 'KCXS', 'KCMJ',
  'TBDLMJ', 'GDLX', 'GDPDJB', 'XZDWKD', 'XXTBKD', 'TBXHDM', 'TBXHMC', 'ZZSXDM', 'ZZSXMC', 'GDDB', 'FRDBS', 'CZCSXM', 'SJNF', 'MSSM',
  'HDMC', 'BZ', 'KCLX', 'XZDWMJ', 'LXDWMJ', 'PZWH', 'BGJLH', 'BGRQ',
]);

/** The canonical DLTB name of a field name, or null when it is not a DLTB field. */
export function canonicalDltbField(name: string): string | null {
  const trimmed = name.trim();
  if (CHINESE[trimmed]) return CHINESE[trimmed];
  const upper = trimmed.toUpperCase();
  if (KNOWN.has(upper)) return upper;
  return ALIASES[upper] ?? null;
}

/** Canonical name → the layer's own field name (the first field that maps to it wins). */
export function mapDltbFields(fields: readonly FieldDef[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const f of fields) {
    const canonical = canonicalDltbField(f.name);
    if (canonical && !map.has(canonical)) map.set(canonical, f.name);
  }
  return map;
}

/**
 * Whether a layer is a 三调 DLTB (fields DLBM and TBMJ, under any alias; §1 "fall back to any polygon layer that has
 * DLBM + TBMJ"), a legacy 二调 DLTB (also XZDWMJ, or the 二调 spelling TKXS; §2.5), or neither.
 */
export function detectDltbSchema(fields: readonly FieldDef[]): DltbSchema | null {
  const map = mapDltbFields(fields);
  if (!map.has('DLBM') || !map.has('TBMJ')) return null;
  const legacy = map.has('XZDWMJ') || fields.some((f) => f.name.trim().toUpperCase() === 'TKXS');
  return legacy ? 'erdiao-dltb' : 'sandiao-dltb';
}
