import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../messages/index';
import type { Feature, FieldDef } from '../../types';
import { canonicalDltbField, detectDltbSchema } from './dltb-fields';
import { validateDltb } from './validate-dltb';

/** One patch per rule with the codes expected for it (core/fixtures/dltb/make-fixtures.py). */
const dir = new URL('../../../fixtures/dltb/', import.meta.url);
const input: { fields: FieldDef[]; features: Feature[] } = JSON.parse(readFileSync(new URL('in/dltb-cases.json', dir), 'utf8'));
const expected: { issues: string[][]; countsByCode: Record<string, number> } = JSON.parse(readFileSync(new URL('out/dltb-cases.json', dir), 'utf8'));
const field = (name: string, type: FieldDef['type'] = 'string'): FieldDef => ({ name, type, width: null });

describe('detectDltbSchema', () => {
  it('recognises 三调 DLTB by DLBM + TBMJ under any alias or case', () => {
    expect(detectDltbSchema([field('BSM'), field('DLBM'), field('TBMJ', 'number')])).toBe('sandiao-dltb');
    expect(detectDltbSchema([field('dlbm'), field('Tbmj', 'number')])).toBe('sandiao-dltb');
    expect(detectDltbSchema([field('地类编码'), field('图斑面积', 'number'), field('地类名称')])).toBe('sandiao-dltb');
    expect(detectDltbSchema([field('DLBM'), field('DLMC')])).toBeNull();
    expect(detectDltbSchema([field('NAME'), field('AREA', 'number')])).toBeNull();
  });
  it('recognises a legacy 二调 DLTB by XZDWMJ or the TKXS spelling', () => {
    expect(detectDltbSchema([field('DLBM'), field('TBMJ', 'number'), field('XZDWMJ', 'number')])).toBe('erdiao-dltb');
    expect(detectDltbSchema([field('DLBM'), field('TBMJ', 'number'), field('TKXS', 'number')])).toBe('erdiao-dltb');
  });
  it('maps the aliases of §2.1', () => {
    expect(['TKXS', 'tkmj', 'GDPDJ', 'PDJB', 'KCDLDM', 'GDZZSXDM', '扣除地类系数', '座落单位名称', 'ZZZ'].map(canonicalDltbField)).toEqual(['KCXS', 'KCMJ', 'GDPDJB', 'GDPDJB', 'KCDLBM', 'ZZSXDM', 'KCXS', 'ZLDWMC', null]);
  });
});

describe('validateDltb', () => {
  const report = validateDltb(input.features, input.fields);

  it('reports exactly the expected issues for each patch', () => {
    const perFeature = input.features.map((_, i) => report.issues.filter((x) => x.path === `features[${i}]`).map((x) => x.code));
    expect(perFeature).toEqual(expected.issues);
    expect(report.issues.filter((x) => x.path.startsWith('fields.'))).toEqual([]);
  });

  it('counts features per code, sums TBMJ per code, and names the patch by BSM', () => {
    expect(report.schema).toBe('sandiao-dltb');
    expect(report.featureCount).toBe(input.features.length);
    expect(report.countsByCode).toEqual(expected.countsByCode);
    // 0103: 2345.67 + 2345.67 + 800 + 800 + 800 = 7091.34
    expect(report.tbmjByCode['0103']).toBe(7091.34);
    const kcmj = report.issues.find((x) => x.code === 'DLTB_KCMJ_MISMATCH')!;
    expect(formatMessage(kcmj.code, kcmj.details, 'en')).toBe('Patch 3 (BSM 3): KCMJ 160 should be TBMJ 2345.67 × KCXS 0.068 = 159.51');
    expect(formatMessage(kcmj.code, kcmj.details, 'zh')).toBe('第 3 个图斑（BSM 3）：扣除地类面积 160 应为 图斑面积 2345.67 × 系数 0.068 = 159.51');
  });

  it('caps each list but counts everything', () => {
    const many: Feature[] = Array.from({ length: 250 }, (_, i) => ({ type: 'Feature', id: i, geometry: null, properties: { BSM: String(i), DLBM: '9999', TBMJ: 1 } }));
    const r = validateDltb(many, [field('BSM'), field('DLBM'), field('TBMJ', 'number')], { maxPerCode: 20 });
    expect(r.issueCounts.DLTB_UNKNOWN_CODE).toBe(250);
    expect(r.issues.filter((x) => x.code === 'DLTB_UNKNOWN_CODE')).toHaveLength(20);
    expect(r.issues.filter((x) => x.code === 'DLTB_FIELD_ABSENT').map((x) => x.details.field)).toEqual(['DLMC', 'ZLDWDM', 'KCDLBM', 'KCXS', 'KCMJ', 'TBDLMJ', 'GDLX', 'GDPDJB']);
  });

  it('reports missing required fields and stops', () => {
    const r = validateDltb([{ type: 'Feature', geometry: null, properties: { TBMJ: 1 } }], [field('TBMJ', 'number')]);
    expect(r.issues.filter((x) => x.severity === 'error').map((x) => x.details.field)).toEqual(['DLBM']);
    expect(r.featureCount).toBe(0);
  });

  it('reads Chinese field names', () => {
    const r = validateDltb(
      [{ type: 'Feature', geometry: null, properties: { 地类编码: '0301', 地类名称: '乔木林地', 图斑面积: 500 } }],
      [field('地类编码'), field('地类名称'), field('图斑面积', 'number')],
    );
    expect(r.issues.filter((x) => x.severity !== 'info')).toEqual([]);
    expect(r.countsByCode).toEqual({ '0301': 1 });
  });
});
