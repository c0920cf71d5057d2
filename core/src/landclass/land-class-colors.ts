import { landClassLookupChain, normalizeDlbm } from './land-class';

/**
 * Map colours of the 三调 land classes (fill RGB per DLBM).
 *
 * Source: the "三调样式" map style of MapGIS's WebClient-Vue (repository MapGIS/WebClient-Vue,
 * cesium/docs/template/guotu.md, "国土模板 / 三调样式"), a Chinese GIS vendor's rendering of the 三调 land-use map
 * symbology, which tabulates a fill colour per 地类编码 including the K and A codes and the 城镇村属性码. The official
 * table of TD/T 1055-2019 (土地利用现状图图式) could not be read, so these colours are the vendor's reading of it
 * (confidence: medium). Codes the style gives the same colour as their base class (0201K = 0201 …) are listed as
 * such; the K code 1104K is not in the style and takes its base code's colour through the lookup chain.
 *
 * Level-1 colours are not in the source: each is derived from a representative class of its group (noted per
 * entry) and is used for codes that have no colour of their own (0603 盐田 → 06 工矿用地), as
 * {@link landClassLookupChain} walks code → base code → level-1 class.
 */
const TABULATED: Record<string, [number, number, number]> = {
  '0101': [248, 208, 114], '0102': [248, 231, 28], '0103': [255, 251, 177],
  '0201': [214, 167, 201], '0201K': [214, 167, 201], '0202': [213, 167, 176], '0202K': [213, 167, 176],
  '0203': [231, 204, 226], '0203K': [231, 204, 226], '0204': [231, 204, 226], '0204K': [231, 204, 226],
  '0301': [49, 173, 105], '0301K': [49, 173, 105], '0302': [49, 173, 105], '0302K': [49, 173, 105],
  '0303': [49, 173, 105], '0304': [49, 173, 105], '0305': [100, 185, 104], '0306': [100, 185, 104],
  '0307': [151, 207, 178], '0307K': [151, 207, 178],
  '0401': [131, 194, 56], '0402': [131, 194, 56], '0403': [154, 206, 127], '0403K': [154, 206, 127], '0404': [200, 227, 160],
  '05H1': [226, 161, 149], '0508': [197, 154, 140],
  '0601': [197, 154, 140], '0602': [197, 154, 140],
  '0701': [229, 103, 102], '0702': [236, 137, 138],
  '08H1': [241, 165, 180], '08H2': [241, 165, 180], '0809': [241, 165, 180], '0810': [129, 195, 93], '0810A': [129, 195, 93],
  '09': [193, 114, 97],
  '1001': [209, 201, 211], '1002': [209, 201, 211], '1003': [210, 216, 201], '1004': [222, 222, 221], '1005': [170, 169, 169],
  '1006': [194, 193, 193], '1007': [235, 137, 126], '1008': [235, 137, 126], '1009': [235, 137, 126],
  '1101': [163, 214, 245], '1102': [163, 214, 245], '1103': [163, 214, 245], '1104': [144, 170, 207], '1104A': [144, 170, 207],
  '1105': [179, 222, 248], '1106': [179, 222, 248], '1107': [160, 205, 240], '1107A': [160, 205, 240], '1108': [175, 200, 220],
  '1109': [230, 130, 100], '1110': [215, 237, 251],
  '1201': [225, 220, 225], '1202': [220, 180, 130], '1203': [200, 204, 210], '1204': [200, 190, 170], '1205': [200, 190, 170],
  '1206': [215, 200, 185], '1207': [222, 221, 214],
  // 城镇村属性码 (the style colours them for maps of CZCSXM)
  '201': [229, 103, 102], '201A': [229, 103, 102], '202': [229, 103, 102], '202A': [229, 103, 102],
  '203': [236, 137, 138], '203A': [236, 137, 138], '204': [197, 154, 140],
};

/** Derived level-1 colours: the colour of a representative class of the group (not in the source). */
const DERIVED: Record<string, [number, number, number]> = {
  '00': TABULATED['1108'], // 湿地 ← 1108 沼泽地, the generic wetland class
  '01': TABULATED['0101'], // 耕地 ← 0101 水田
  '02': TABULATED['0201'], // 种植园用地 ← 0201 果园
  '03': TABULATED['0301'], // 林地 ← 0301 乔木林地
  '04': TABULATED['0401'], // 草地 ← 0401 天然牧草地
  '05': TABULATED['05H1'], // 商业服务业用地 ← 05H1
  '06': TABULATED['0601'], // 工矿用地 ← 0601 工业用地
  '07': TABULATED['0701'], // 住宅用地 ← 0701 城镇住宅用地
  '08': TABULATED['08H1'], // 公共管理与公共服务用地 ← 08H1
  '10': TABULATED['1001'], // 交通运输用地 ← 1001 铁路用地
  '11': TABULATED['1101'], // 水域及水利设施用地 ← 1101 河流水面
  '12': TABULATED['1201'], // 其他土地 ← 1201 空闲地
  '205': TABULATED['09'], // 城镇村属性码 205 特殊用地 ← 09 特殊用地
};

/** The colour of a code that is not a 三调 land class at all. */
export const UNKNOWN_LAND_CLASS_COLOR = '#bfbfbf';

/**
 * The map colour of a DLBM as '#rrggbb': its own tabulated colour, else its base code's (K/A suffix dropped), else
 * its level-1 class's derived colour; {@link UNKNOWN_LAND_CLASS_COLOR} for a code outside the 三调 table.
 * @example landClassColor('0301K') // '#31ad69' (as 0301 乔木林地)
 * @example landClassColor('0603')  // '#c59a8c' (06 工矿用地, derived)
 */
export function landClassColor(dlbm: string): string {
  const code = normalizeDlbm(dlbm);
  for (const candidate of [...landClassLookupChain(code), code]) {
    const rgb = TABULATED[candidate] ?? DERIVED[candidate];
    if (rgb) return hex(rgb);
  }
  return UNKNOWN_LAND_CLASS_COLOR;
}

/** Whether a code's colour is tabulated by the source, derived from its group, or unknown. */
export function landClassColorSource(dlbm: string): 'tabulated' | 'derived' | 'unknown' {
  const code = normalizeDlbm(dlbm);
  if (TABULATED[code]) return 'tabulated';
  return landClassColor(code) === UNKNOWN_LAND_CLASS_COLOR ? 'unknown' : 'derived';
}

function hex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
