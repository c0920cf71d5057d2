import { findLandClass, normalizeDlbm } from '../../landclass/land-class';
import type { MessageCode, MessageDetails } from '../../messages/index';
import type { Issue, Severity } from '../../services/issue';
import type { Feature, FieldDef, PropertyValue } from '../../types';
import { detectDltbSchema, mapDltbFields, type DltbSchema } from './dltb-fields';

/** What {@link validateDltb} found: data for the UI and the CLI, never an exception. */
export interface DltbReport {
  schema: DltbSchema | null;
  /** Canonical DLTB field → the layer's field name. */
  fields: Record<string, string>;
  featureCount: number;
  /** Features per normalised DLBM ('' for an empty code), and the sum of their TBMJ (m²). */
  countsByCode: Record<string, number>;
  tbmjByCode: Record<string, number>;
  /** Issues, at most `maxPerCode` of each code, in feature order. */
  issues: Issue[];
  /** How many of each issue code there were in all (the list above is capped). */
  issueCounts: Partial<Record<MessageCode, number>>;
}

export interface ValidateDltbOptions {
  /** Most issues listed per code (default 100); all are counted. */
  maxPerCode?: number;
}

const REQUIRED = ['DLBM', 'TBMJ'];
const EXPECTED = ['BSM', 'DLMC', 'ZLDWDM', 'KCDLBM', 'KCXS', 'KCMJ', 'TBDLMJ', 'GDLX', 'GDPDJB'];
const PLANTING = new Set(['LS', 'FLS', 'LYFL', 'XG', 'LLJZ', 'WG']);
const CZCSXM_REQUIRED = /^(05|06|07|08|09$|1004$|1005$|1201$)/;
const CZCSXM_201_205 = new Set(['0602', '0603', '1201']);
const XZDWKD_ALLOWED = new Set(['1001', '1002', '1003', '1004', '1006', '1009', '1101', '1107', '1107A']);
const XZDWKD_REQUIRED = new Set(['1001', '1003', '1006', '1009', '1107', '1107A']);
/** Areas are stored with 2 decimals: derived areas may differ by one unit of the last place. */
const AREA_TOLERANCE_M2 = 0.01 + 1e-9;

/**
 * Checks a DLTB layer against docs/methods/sandiao-data.md §2: required fields, land-class codes (with and without
 * K/A suffixes, against the 三调 table), DLMC against DLBM, and the consistency rules of §2.3 as warnings —
 * KCMJ = round(TBMJ × KCXS, 2), TBDLMJ = TBMJ − KCMJ (±0.01), GDPDJB for 01xx, terraces, CZCSXM, XZDWKD.
 * Each issue names the feature (`features[i]`, its BSM when there is one).
 * @param features The layer's features (read once).
 * @param fields The layer's fields, to find DLTB fields under their aliases.
 */
export function validateDltb(features: Iterable<Feature>, fields: readonly FieldDef[], options: ValidateDltbOptions = {}): DltbReport {
  const maxPerCode = options.maxPerCode ?? 100;
  const map = mapDltbFields(fields);
  const report: DltbReport = {
    schema: detectDltbSchema(fields),
    fields: Object.fromEntries(map),
    featureCount: 0,
    countsByCode: {},
    tbmjByCode: {},
    issues: [],
    issueCounts: {},
  };
  const add = (path: string, code: MessageCode, severity: Severity, details: MessageDetails) => {
    const n = (report.issueCounts[code] ?? 0) + 1;
    report.issueCounts[code] = n;
    if (n <= maxPerCode) report.issues.push({ path, code, severity, details });
  };
  for (const field of REQUIRED) if (!map.has(field)) add(`fields.${field}`, 'DLTB_FIELD_MISSING', 'error', { field });
  for (const field of EXPECTED) if (!map.has(field)) add(`fields.${field}`, 'DLTB_FIELD_ABSENT', 'info', { field });
  if (!map.has('DLBM')) return report;

  const has = (field: string) => map.has(field);
  let index = -1;
  for (const feature of features) {
    index++;
    report.featureCount++;
    const p = feature.properties;
    const text = (field: string) => textOf(p[map.get(field) ?? ''] ?? null);
    const number = (field: string) => numberOf(p[map.get(field) ?? ''] ?? null);
    const dlbm = normalizeDlbm(text('DLBM'));
    const bsm = has('BSM') ? text('BSM') : undefined;
    const at = `features[${index}]`;
    // `record` counts from 1 as users do; `index` is the feature's position for code.
    const issue = (code: MessageCode, severity: Severity, details: MessageDetails = {}) => add(at, code, severity, { index, record: index + 1, bsm: bsm || '—', dlbm, ...details });

    const tbmj = number('TBMJ');
    report.countsByCode[dlbm] = (report.countsByCode[dlbm] ?? 0) + 1;
    if (typeof tbmj === 'number') report.tbmjByCode[dlbm] = round2((report.tbmjByCode[dlbm] ?? 0) + tbmj);

    // Land-class code.
    const landClass = dlbm === '' ? undefined : findLandClass(dlbm);
    if (dlbm === '') issue('DLTB_DLBM_EMPTY', 'error');
    else if (/^\d{3}$/.test(dlbm)) issue('DLTB_LEGACY_CODE', 'warning');
    else if (!landClass) {
      const base = /^(\d{4})[A-Z]$/.exec(dlbm)?.[1];
      if (base && findLandClass(base)) issue('DLTB_SUFFIX_UNDEFINED', 'warning', { base });
      else issue('DLTB_UNKNOWN_CODE', 'error');
    } else if (landClass.kind === 'level1' && dlbm !== '09') issue('DLTB_LEVEL1_CODE', 'warning');
    if (landClass && has('DLMC')) {
      const dlmc = text('DLMC');
      if (dlmc !== landClass.nameZh) issue('DLTB_NAME_MISMATCH', 'warning', { dlmc, expected: landClass.nameZh });
    }

    // Areas.
    if (tbmj === 'invalid' || tbmj === null || tbmj <= 0) issue('DLTB_TBMJ_INVALID', 'error', { value: String(p[map.get('TBMJ')!] ?? '') });
    const kcxs = has('KCXS') ? number('KCXS') : null;
    const kcmj = has('KCMJ') ? number('KCMJ') : null;
    if (kcxs === 'invalid' || (typeof kcxs === 'number' && (kcxs < 0 || kcxs >= 1))) issue('DLTB_KCXS_RANGE', 'error', { kcxs: String(p[map.get('KCXS')!]) });
    if (typeof tbmj === 'number' && tbmj > 0 && has('KCMJ') && kcmj !== 'invalid') {
      const coefficient = typeof kcxs === 'number' ? kcxs : 0;
      const expected = round2(tbmj * coefficient);
      if (Math.abs((kcmj ?? 0) - expected) > AREA_TOLERANCE_M2) issue('DLTB_KCMJ_MISMATCH', 'warning', { tbmj, kcxs: coefficient, kcmj: kcmj ?? 0, expected });
      const tbdlmj = has('TBDLMJ') ? number('TBDLMJ') : null;
      if (typeof tbdlmj === 'number' && Math.abs(tbdlmj - round2(tbmj - (kcmj ?? 0))) > AREA_TOLERANCE_M2) {
        issue('DLTB_TBDLMJ_MISMATCH', 'warning', { tbmj, kcmj: kcmj ?? 0, tbdlmj, expected: round2(tbmj - (kcmj ?? 0)) });
      }
    }

    // Cultivated land: slope grade, planting attribute, terraces and their deduction (§2.3).
    const gdpdjb = text('GDPDJB');
    const gdlx = text('GDLX').toUpperCase();
    const kcdlbm = text('KCDLBM');
    if (landClass?.level1 === '01') {
      if (has('GDPDJB') && !/^[1-5]$/.test(gdpdjb)) issue('DLTB_GDPDJB_MISSING', 'warning', { gdpdjb });
      const zzsxdm = text('ZZSXDM').toUpperCase();
      if (has('ZZSXDM') && !PLANTING.has(zzsxdm)) issue('DLTB_ZZSXDM_INVALID', 'warning', { zzsxdm });
    }
    if (/^[2-5]$/.test(gdpdjb) && has('GDLX') && gdlx === '') issue('DLTB_GDLX_MISSING', 'warning', { gdpdjb });
    if (gdlx === 'TT' && (!(typeof kcxs === 'number' && kcxs > 0) || kcdlbm !== '1203')) issue('DLTB_TERRACE_DEDUCTION', 'warning', { kcxs: typeof kcxs === 'number' ? kcxs : '', kcdlbm });
    if (has('KCXS') && has('KCDLBM') && typeof kcxs === 'number' && kcxs > 0 !== (kcdlbm !== '')) issue('DLTB_KCDLBM_INCONSISTENT', 'warning', { kcxs, kcdlbm });

    // 城镇村属性码 and linear-feature width.
    if (has('CZCSXM') && dlbm !== '') {
      const czcsxm = text('CZCSXM').toUpperCase();
      if (CZCSXM_REQUIRED.test(dlbm) && czcsxm === '') issue('DLTB_CZCSXM_MISSING', 'warning');
      else if (CZCSXM_201_205.has(dlbm) && !/^20[1-5]$/.test(czcsxm)) issue('DLTB_CZCSXM_INVALID', 'warning', { czcsxm });
    }
    if (has('XZDWKD')) {
      const width = number('XZDWKD');
      const present = typeof width === 'number' && width > 0;
      if (XZDWKD_REQUIRED.has(dlbm) && !present) issue('DLTB_XZDWKD_MISSING', 'warning');
      else if (present && !XZDWKD_ALLOWED.has(dlbm)) issue('DLTB_XZDWKD_UNEXPECTED', 'warning', { xzdwkd: width });
    }
  }
  return report;
}

function textOf(v: PropertyValue): string {
  return v === null ? '' : String(v).trim();
}

/** A numeric attribute: DBF numbers arrive as numbers, text exports as strings; blank is null. */
function numberOf(v: PropertyValue): number | null | 'invalid' {
  if (v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : 'invalid';
  const t = String(v).trim();
  if (t === '') return null;
  return /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : 'invalid';
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
