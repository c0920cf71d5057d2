/**
 * The attribute tables written by the generator: DLTB in the field order and widths of
 * docs/methods/sandiao-data.md §2.1 (the larger width where sources disagree, except QSDWMC/ZLDWMC at 60 and
 * TBYBH at 8, both attested), and the village (CJDCQ) and township (XZQ) layers of §3.
 */
import type { FieldDef } from '#core';

const c = (name: string, width: number): FieldDef => ({ name, type: 'string', width });
const n = (name: string, width: number, decimals: number): FieldDef => ({ name, type: 'number', width, decimals });
const i = (name: string, width: number): FieldDef => ({ name, type: 'integer', width });

export const DLTB_FIELDS: readonly FieldDef[] = [
  c('BSM', 18), c('YSDM', 10), c('TBYBH', 8), c('TBBH', 8), c('DLBM', 5), c('DLMC', 60), c('QSXZ', 2), c('QSDWDM', 19),
  c('QSDWMC', 60), c('ZLDWDM', 19), c('ZLDWMC', 60), n('TBMJ', 18, 2), c('KCDLBM', 5), n('KCXS', 6, 4), n('KCMJ', 18, 2),
  n('TBDLMJ', 18, 2), c('GDLX', 2), c('GDPDJB', 2), n('XZDWKD', 5, 1), c('TBXHDM', 6), c('TBXHMC', 20), c('ZZSXDM', 6),
  c('ZZSXMC', 20), i('GDDB', 2), c('FRDBS', 1), c('CZCSXM', 4), i('SJNF', 4), c('MSSM', 2), c('HDMC', 100), c('BZ', 254),
];

/** CJDCQ 村级调查区 (docs/methods/sandiao-data.md §3: BSM, YSDM, ZLDWDM, ZLDWMC, DCMJ, JSMJ, MSSM, HDMC, BZ). */
export const CJDCQ_FIELDS: readonly FieldDef[] = [
  c('BSM', 18), c('YSDM', 10), c('ZLDWDM', 19), c('ZLDWMC', 60), n('DCMJ', 18, 2), n('JSMJ', 18, 2), c('MSSM', 2), c('HDMC', 100), c('BZ', 254),
];

/** XZQ 行政区 at township level (§3: BSM, YSDM, XZQDM, XZQMC, DCMJ, JSMJ, MSSM, HDMC, BZ). */
export const XZQ_FIELDS: readonly FieldDef[] = [
  c('BSM', 18), c('YSDM', 10), c('XZQDM', 12), c('XZQMC', 100), n('DCMJ', 18, 2), n('JSMJ', 18, 2), c('MSSM', 2), c('HDMC', 100), c('BZ', 254),
];

/**
 * Feature codes (要素代码) per layer. The values follow common 三调 practice but were not verified against
 * TD/T 1057 (docs/methods/sandiao-data.md §9).
 */
export const YSDM = { DLTB: '2001010100', CJDCQ: '1000600200', XZQ: '1000600100' } as const;
