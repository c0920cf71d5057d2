/**
 * Parameter sets as data: the built-in set is valid and cites every number; JSON and CSV round trips; canonical JSON;
 * the JSON Schema document; docs/methods/parameters.md regenerated from the data.
 */
import { describe, expect, it } from 'vitest';
import { formatMessage, type MessageCode } from '../messages/index';
import { INPUT_DEFS } from '../services/inputs';
import { validateParameterSet } from '../services/validate';
import { canonicalJson } from './canonical-json';
import { DEFAULT_PARAMETER_SET, paramsTemplate } from './default-set';
import type { ParameterSet } from './parameter-set';
import { parameterSetJsonSchema, parameterSetSchema, parameterSetToJson, parseParameterSet } from './parameter-set-schema';
import { parameterSetFromCsv, parameterSetToCsv } from './params-csv';
import { renderParametersMarkdown } from './parameters-doc';
import { indexPrice } from './price-index';

function allValues(set: ParameterSet) {
  return [
    ...Object.entries(set.prices).map(([k, v]) => [`prices.${k}`, v] as const),
    ...Object.entries(set.constants).map(([k, v]) => [`constants.${k}`, v] as const),
    ...Object.entries(set.zone).map(([k, v]) => [`zone.${k}`, v] as const),
    ...set.classes.flatMap((c) => Object.entries(c.inputs).map(([k, v]) => [`classes.${c.code}.${k}`, v] as const)),
  ];
}

function thrown(f: () => unknown): { code: MessageCode; details: Record<string, unknown> } {
  try {
    f();
  } catch (e) {
    return e as { code: MessageCode; details: Record<string, unknown> };
  }
  throw new Error('expected an error');
}

describe('the built-in parameter set', () => {
  it('passes its own schema and validation without errors or warnings', () => {
    expect(parameterSetSchema.safeParse(DEFAULT_PARAMETER_SET).success).toBe(true);
    expect(validateParameterSet(DEFAULT_PARAMETER_SET)).toEqual([]);
  });

  it('cites every number to a known source, and marks only [C] values verified', () => {
    for (const [path, v] of allValues(DEFAULT_PARAMETER_SET)) {
      expect(v.source, path).not.toBeNull();
      expect(DEFAULT_PARAMETER_SET.sources[v.source!], path).toBeDefined();
      if (v.verified) expect(v.tag, path).toBe('C');
      expect(v.tag, `${path} must not ship an unknown [U] value`).not.toBe('U');
    }
  });

  it('labels its illustrative inputs and says so in a notice', () => {
    expect(DEFAULT_PARAMETER_SET.illustrative).toBe(true);
    expect(DEFAULT_PARAMETER_SET.notice?.en).toMatch(/illustrative.*not Anji/);
    for (const v of Object.values(DEFAULT_PARAMETER_SET.zone)) expect(v).toMatchObject({ illustrative: true, verified: false, source: 'M9' });
  });

  it('leaves the [U] parameters out: EPP of grassland, pond depth, hot days are not invented', () => {
    const grass = DEFAULT_PARAMETER_SET.classes.find((c) => c.code === '04')!;
    expect(Object.keys(grass.inputs)).toEqual(['runoffCoefficient']);
    expect(DEFAULT_PARAMETER_SET.classes.find((c) => c.code === '1104')?.inputs.pondDepth).toBeUndefined();
    expect(DEFAULT_PARAMETER_SET.priceIndex).toBeNull();
  });

  it('paramsTemplate returns a fresh copy that documents the raster inputs and parses as a set', () => {
    const t = paramsTemplate();
    t.prices.reservoirCost.value = 1;
    expect(DEFAULT_PARAMETER_SET.prices.reservoirCost.value).toBe(7.06);
    expect(t.documentation?.rasters.map((r) => r.id)).toEqual(INPUT_DEFS.filter((d) => d.type === 'raster').map((d) => d.id));
    expect(t.documentation?.rasters.find((r) => r.id === 'npp')?.about.en).toMatch(/declare dry matter or carbon/);
    expect(parseParameterSet(JSON.stringify(t))).toEqual(t);
  });
});

describe('JSON', () => {
  it('round-trips through canonical JSON byte for byte', () => {
    const text = parameterSetToJson(DEFAULT_PARAMETER_SET);
    expect(parseParameterSet(text, 'default.json')).toEqual(DEFAULT_PARAMETER_SET);
    expect(parameterSetToJson(parseParameterSet(text))).toBe(text);
    expect(parseParameterSet('\uFEFF' + JSON.stringify(DEFAULT_PARAMETER_SET, null, 2))).toEqual(DEFAULT_PARAMETER_SET);
  });

  it('names the file and the path of a bad document', () => {
    expect(thrown(() => parseParameterSet('{"format":', 'p.json'))).toMatchObject({ code: 'PARAMS_JSON_INVALID', details: { name: 'p.json' } });
    const doc = JSON.parse(JSON.stringify(DEFAULT_PARAMETER_SET));
    doc.prices.reservoirCost.value = 'seven';
    const e = thrown(() => parseParameterSet(JSON.stringify(doc), 'p.json'));
    expect(e).toMatchObject({ code: 'PARAMS_INVALID', details: { name: 'p.json', path: 'prices.reservoirCost.value' } });
    expect(formatMessage(e.code, e.details, 'zh')).toContain('prices.reservoirCost.value');
  });

  it('canonical JSON sorts keys, drops whitespace and undefined, and refuses non-finite numbers', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: undefined, c: 'x' }], é: null })).toBe('{"a":[1,{"c":"x"}],"b":1,"é":null}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(thrown(() => canonicalJson({ a: NaN })).code).toBe('INVALID_ARGUMENT');
  });

  it('emits a JSON Schema document that matches the checked-in copy', async () => {
    const schema = parameterSetJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect((schema.properties as Record<string, unknown>).prices).toBeDefined();
    await expect(JSON.stringify(schema, null, 2) + '\n').toMatchFileSnapshot('../../fixtures/params/parameter-set.schema.json');
  });
});

describe('CSV tables', () => {
  it('round-trip the whole set', () => {
    const tables = parameterSetToCsv(DEFAULT_PARAMETER_SET);
    const empty: ParameterSet = { ...DEFAULT_PARAMETER_SET, prices: {}, constants: {}, zone: {}, classes: [], coefficients: [] };
    expect(parameterSetFromCsv(empty, tables)).toEqual(DEFAULT_PARAMETER_SET);
    expect(tables.prices.split('\r\n')[0]).toBe('group,id,value,unit,price_year,source,tag,verified,illustrative,note');
    expect(tables.prices).toContain('prices,carbonPrice,1200,元/t C,,S5,C,true,false,');
  });

  it('round-trip entered coefficients', () => {
    const set: ParameterSet = {
      ...DEFAULT_PARAMETER_SET,
      coefficients: [
        { code: '0301', service: 'carbon_sequestration', kind: 'functional', value: 0.002, unit: 't CO₂/(m²·a)', source: null, tag: 'D', verified: false, note: 'county report, "table 4"' },
        { code: '03', service: 'water_retention', kind: 'value', value: 4.5, unit: '元/(m²·a)', source: null, tag: 'D', verified: false },
      ],
    };
    const csv = parameterSetToCsv(set).coefficients;
    expect(csv).toContain('"county report, ""table 4"""');
    expect(parameterSetFromCsv(DEFAULT_PARAMETER_SET, { coefficients: csv })).toEqual(set);
  });

  it('names file, line and column of a bad cell, in Chinese and English', () => {
    const tables = parameterSetToCsv(DEFAULT_PARAMETER_SET);
    const lines = tables.prices.split('\r\n');
    lines[2] = lines[2].replace(',15.58,', ',15,58,'); // dredgingCost: one field too many
    const e1 = thrown(() => parameterSetFromCsv(DEFAULT_PARAMETER_SET, { prices: lines.join('\r\n') }, { prices: 'prices.csv' }));
    expect(e1).toMatchObject({ code: 'CSV_FIELD_COUNT', details: { file: 'prices.csv', line: 3, expected: 10, found: 11 } });
    lines[2] = lines[2].replace(',15,58,', ',15.5x,');
    const e2 = thrown(() => parameterSetFromCsv(DEFAULT_PARAMETER_SET, { prices: lines.join('\r\n') }, { prices: 'prices.csv' }));
    expect(e2).toMatchObject({ code: 'CSV_NUMBER_INVALID', details: { line: 3, column: 3, field: 'value', value: '15.5x' } });
    expect(formatMessage(e2.code, e2.details, 'en')).toBe('prices.csv, line 3, column 3 (value): "15.5x" is not a number');
    expect(formatMessage(e2.code, e2.details, 'zh')).toBe('prices.csv 第 3 行第 3 列（value）“15.5x”不是数字');
    const e3 = thrown(() => parameterSetFromCsv(DEFAULT_PARAMETER_SET, { classes: 'dlbm,basis,zero,flood,climate\n03,x,,river,\n' }, { classes: 'classes.csv' }));
    expect(e3).toMatchObject({ code: 'PARAMS_CSV_VALUE_INVALID', details: { line: 2, column: 4, field: 'flood', value: 'river' } });
  });
});

describe('price indexing', () => {
  const index = { name: 'CPI (test)', values: { '2010': 100, '2023': 125 } };
  it('P_t = P_base × index_t / index_base', () => {
    expect(indexPrice(7.06, 2010, 2023, index)).toEqual({ indexed: true, value: 7.06 * (125 / 100), factor: 1.25 }); // 8.825 元/m³
  });
  it('says why a price is not indexed', () => {
    expect(indexPrice(7.06, 2010, null, index)).toMatchObject({ indexed: false, reason: 'noAccountingYear' });
    expect(indexPrice(7.06, 2010, 2023, null)).toMatchObject({ indexed: false, reason: 'noIndexTable', value: 7.06 });
    expect(indexPrice(1200, null, 2023, index)).toMatchObject({ indexed: false, reason: 'noPriceYear' });
    expect(indexPrice(1000, 2007, 2023, index)).toMatchObject({ indexed: false, reason: 'yearNotInIndex', missingYear: 2007 });
    expect(indexPrice(7.06, 2023, 2023, null)).toMatchObject({ indexed: true, value: 7.06 });
  });
});

describe('docs/methods/parameters.md', () => {
  it('is generated from the built-in set (regenerate with -u)', async () => {
    const md = renderParametersMarkdown(DEFAULT_PARAMETER_SET);
    for (const id of Object.keys(DEFAULT_PARAMETER_SET.prices)) expect(md).toContain(`\`${id}\``);
    await expect(md).toMatchFileSnapshot('../../../docs/methods/parameters.md');
  });

  it('every catalogue input has labels in both languages and a known unit', () => {
    for (const d of INPUT_DEFS) {
      expect(d.label.zh.length * d.label.en.length, d.id).toBeGreaterThan(0);
      expect(d.about.zh.length * d.about.en.length, d.id).toBeGreaterThan(0);
    }
  });
});
