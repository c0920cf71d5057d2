/**
 * The attributes of one DLTB parcel, filled the way a 三调 delivery fills them (docs/methods/sandiao-data.md §2.1)
 * and obeying the consistency rules of §2.3:
 *  - cultivated land (01xx) has GDPDJB from its slope, GDLX when the grade is 2–5, ZZSXDM from the planting list;
 *  - KCXS comes from this county's table by GDLX × GDPDJB, KCDLBM = 1203 whenever KCXS > 0,
 *    KCMJ = round(TBMJ × KCXS, 2) and TBDLMJ = TBMJ − KCMJ (§6.2);
 *  - CZCSXM is set for built classes (203 in villages, 204 mining, 205 special land);
 *  - XZDWKD is the strip width of linear parcels (1003, 1006, 1101, 1107) and 0 elsewhere.
 */
import Decimal from 'decimal.js';
import { findLandClass, type Properties } from '#core';
import { YSDM } from './dltb-schema';
import type { TileParcel } from './tile';

/**
 * This synthetic county's 田坎系数 (KCXS) by GDLX and GDPDJB. Such tables are county specific (§2.3); the terrace
 * row is the example of §2.3, the slope row is invented, and flat fields (grade 1) carry no deduction here.
 */
export const KCXS_TABLE: Readonly<Record<'TT' | 'PD', Readonly<Record<string, number>>>> = {
  TT: { '2': 0.068, '3': 0.1195, '4': 0.1886, '5': 0.2557 },
  PD: { '2': 0.0321, '3': 0.0652, '4': 0.1127, '5': 0.1543 },
};

const ZZSX_NAMES: Record<string, string> = { LS: '种植粮食作物', FLS: '种植非粮食作物', LYFL: '粮与非粮轮作', XG: '休耕', WG: '未耕种', JKHF: '即可恢复' };
const BUILT = /^(05|06|07|08|09)/;
const STATE_OWNED = new Set(['1003', '1101', '1103', '1109']);
const NOTES: Record<string, string> = { '1202': '设施大棚', '0602': '采石场', '09': '墓地', '1109': '水库大坝', '1104A': '鱼塘' };
const GROUP_NAMES = '一二三四五六七八九';

/** Slope grade (耕地坡度级别) of a slope in degrees: 1 ≤ 2°, 2 ≤ 6°, 3 ≤ 15°, 4 ≤ 25°, 5 above (§2.1 #18). */
export function slopeGrade(slopeDeg: number): '1' | '2' | '3' | '4' | '5' {
  if (slopeDeg <= 2) return '1';
  if (slopeDeg <= 6) return '2';
  if (slopeDeg <= 15) return '3';
  if (slopeDeg <= 25) return '4';
  return '5';
}

/** Rounds half up to 2 decimals, exactly (decimal arithmetic, as the survey software does). */
export function round2(value: Decimal.Value): number {
  return new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
}

export interface RecordContext {
  /** 18-character BSM. */
  bsm: string;
  /** Parcel number within its village. */
  tbbh: number;
  /** Ellipsoidal area of the parcel's geometry, m² (not rounded). */
  areaM2: number;
  /** Uniform random numbers in [0, 1) belonging to this parcel, by purpose. */
  unit: (purpose: number) => number;
}

/** The DLTB attributes of a parcel. */
export function dltbRecord(p: TileParcel, ctx: RecordContext): Properties {
  const dlbm = p.dlbm;
  const landClass = findLandClass(dlbm);
  if (!landClass) throw new Error(`land class ${dlbm} is not in the 三调 table`);
  const u = ctx.unit;
  const tbmj = round2(ctx.areaM2);
  const cultivated = dlbm.startsWith('01');
  const grade = cultivated ? slopeGrade(p.slopeDeg) : '';
  let gdlx = '';
  if (cultivated && grade !== '1') gdlx = dlbm === '0101' || grade >= '4' || u(1) < 0.3 ? 'TT' : 'PD';
  const kcxs = gdlx ? KCXS_TABLE[gdlx as 'TT' | 'PD'][grade] : 0;
  const kcmj = round2(new Decimal(tbmj).times(kcxs));
  const tbdlmj = round2(new Decimal(tbmj).minus(kcmj));

  let zzsx = '';
  if (cultivated) zzsx = dlbm === '0101' ? (u(2) < 0.9 ? 'LS' : 'LYFL') : pickShare(u(2), [['FLS', 0.6], ['LS', 0.25], ['WG', 0.1], ['XG', 0.05]]);
  else if (dlbm.endsWith('K')) zzsx = 'JKHF';
  const highField = cultivated && p.slopeDeg > 15 && u(3) < 0.5;

  let czcsxm = '';
  if (dlbm === '0602') czcsxm = '204';
  else if (dlbm === '09') czcsxm = '205';
  else if (BUILT.test(dlbm) || dlbm === '1201' || (dlbm === '1202' && p.settlement === 'village')) czcsxm = '203';

  const state = STATE_OWNED.has(dlbm);
  const group = !state && (cultivated || dlbm.startsWith('02')) && u(5) < 0.3 ? 1 + Math.floor(u(6) * 9) : 0;
  const zldwdm = p.village.code + '0000000';
  const changed = u(7) < 0.06;
  return {
    BSM: ctx.bsm,
    YSDM: YSDM.DLTB,
    TBYBH: String(ctx.tbbh),
    TBBH: String(ctx.tbbh),
    DLBM: dlbm,
    DLMC: landClass.nameZh,
    QSXZ: state ? '10' : group ? '31' : '30',
    QSDWDM: group ? p.village.code + String(group).padStart(2, '0') + '00000' : zldwdm,
    QSDWMC: group ? `${p.village.name}${GROUP_NAMES[group - 1]}组` : p.village.name,
    ZLDWDM: zldwdm,
    ZLDWMC: p.village.name,
    TBMJ: tbmj,
    KCDLBM: kcxs > 0 ? '1203' : '',
    KCXS: kcxs,
    KCMJ: kcmj,
    TBDLMJ: tbdlmj,
    GDLX: gdlx,
    GDPDJB: grade,
    XZDWKD: p.feature ? p.feature.widthM : 0,
    TBXHDM: highField ? 'LQGD' : '',
    TBXHMC: highField ? '林区耕地' : '',
    ZZSXDM: zzsx,
    ZZSXMC: zzsx ? ZZSX_NAMES[zzsx] : '',
    GDDB: cultivated ? Math.min(10, 4 + Number(grade) + (u(8) < 0.4 ? 1 : 0)) : 0,
    FRDBS: '',
    CZCSXM: czcsxm,
    SJNF: changed ? 2020 + Math.floor(u(9) * 4) : 2019,
    MSSM: '',
    HDMC: '',
    BZ: NOTES[dlbm] ?? '',
  };
}

function pickShare(u: number, shares: readonly (readonly [string, number])[]): string {
  let r = u;
  for (const [code, share] of shares) {
    if (r < share) return code;
    r -= share;
  }
  return shares[shares.length - 1][0];
}
