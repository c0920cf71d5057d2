/**
 * Accounting end to end: the §9.4 zone aggregates in both modes, and a tiny layer of square parcels
 * (core/fixtures/accounting/in/squares.geojson, areas = planar areas of the squares, as `ogrinfo ST_Area` gives them)
 * through the built-in parameter set to values, unit values and tier, with the arithmetic beside each assertion.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETER_SET } from '../params/default-set';
import { parseParameterSet } from '../params/parameter-set-schema';
import type { PieceSamples } from '../raster/samples';
import { coefficientsToCsv, parseCoefficientsCsv } from '../params/coefficients-csv';
import { coefficientTableFromClasses, deriveClassCoefficients } from '../services/class-coefficients';
import { accountParcels, naturalCompare } from './account';
import type { AccountPiece, AccountRequest } from './account-types';

const SECTION9 = parseParameterSet(readFileSync(new URL('../../fixtures/services/section9.params.json', import.meta.url), 'utf8'), 'section9.params.json');

function constant(values: Record<string, number>): PieceSamples {
  return { weights: new Float64Array([0.6, 0.4]), values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, new Float64Array([v, v])])) };
}

describe('§9.4 zone aggregate', () => {
  const classPieces: AccountPiece[] = [
    { parcelId: 'F', dlbm: '0301', zone: 'redline', areaM2: 10_000 },
    { parcelId: 'W', dlbm: '0101', zone: 'redline', areaM2: 5_000 },
    { parcelId: 'B', dlbm: '0702', zone: 'buffer', areaM2: 5_000 },
  ];
  const modelPieces: AccountPiece[] = [
    { ...classPieces[0], samples: constant({ rainfall: 1500, et: 750, r_factor: 4000, k_factor: 0.03, ls: 2.0, storm_rainfall: 200, npp: 12, et_hot: 60 }) },
    { ...classPieces[1], samples: constant({ rainfall: 1500, et: 900, r_factor: 4000, k_factor: 0.03, ls: 0.3, storm_rainfall: 200, npp: 8, et_hot: 48 }) },
    classPieces[2],
  ];
  const rasters = { rainfall: 'mm/a', et: 'mm/a', r_factor: undefined, k_factor: undefined, ls: '1', storm_rainfall: 'mm/a', npp: 't DM/(hm²·a)', et_hot: 'mm' };

  it.each([
    ['class-coefficient mode', { pieces: classPieces, params: SECTION9 }],
    ['model mode', { pieces: modelPieces, params: SECTION9, rasters }],
  ] as [string, AccountRequest][])('%s: U(F ∪ W) = 14.3234, with 5000 m² of built land 10.7425', (_name, req) => {
    const r = accountParcels(req);
    // (158 093.21 + 56 757.07) / 15 000 = 214 850.28 / 15 000 = 14.3234 元/(m²·a)
    expect(r.zones.redline.area).toBe(15_000);
    expect(r.zones.redline.value).toBe(214_850.29); // unrounded 214 850.2857: F 158 093.2110 + W 56 757.0747
    expect(r.zones.redline.unitValue).toBe(14.3234);
    // The built land stays in the denominator: 214 850.2857 / 20 000 = 10.7425
    expect(r.zones.total.area).toBe(20_000);
    expect(r.zones.total.unitValue).toBe(10.7425);
    expect(r.zones.buffer.value).toBe(0);
    expect(r.zones.buffer.unitValue).toBe(0);
    // Per service over F ∪ W (÷ 15 000 m²): 水源涵养 (50 122.47 + 15 885)/15 000 = 4.4005, 土壤保持 (2443.04 + 180.91)/15 000 = 0.1749,
    // 洪水调蓄 (12 708 + 4942)/15 000 = 1.1767, 固碳 (6400.81 + 2133.60)/15 000 = 0.5690, 释氧 (14 280 + 4760)/15 000 = 1.2693,
    // 气候调节 (72 138.89 + 28 855.56)/15 000 = 6.7330
    const perService = Object.values(r.zones.redline.services).map((s) => s.unitValue);
    expect(perService).toEqual([4.4005, 0.1749, 1.1767, 0.569, 1.2693, 6.733]);
    expect(r.parcels.map((p) => [p.id, p.value, p.unitValue])).toEqual([
      ['F', 158_093.21, 15.8093],
      ['W', 56_757.07, 11.3514],
      ['B', 0, 0],
    ]);
    expect(r.services.carbon_sequestration).toMatchObject({ quantity: 26.08, unit: 't CO₂/a', value: 8534.42 }); // 19.56 + 6.52 t; 6400.8144 + 2133.6048 元
  });

  it('says which mode each service used', () => {
    const model = accountParcels({ pieces: modelPieces, params: SECTION9, rasters });
    expect(Object.values(model.modes)).toEqual(Array(6).fill('model'));
    expect(model.services.water_retention.source).toBe('rasters');
    const mixed = accountParcels({ pieces: modelPieces, params: SECTION9, rasters: { rainfall: 'mm/a', et: 'mm/a' } });
    expect(mixed.modes).toEqual({ water_retention: 'model', soil_conservation: 'coefficient', flood_storage: 'coefficient', carbon_sequestration: 'coefficient', oxygen_release: 'coefficient', climate_regulation: 'coefficient' });
    expect(mixed.zones.redline.unitValue).toBe(14.3234);
  });

  it('a per-t-C carbon price is never applied to t CO₂; a bare 元/t carbon price is rejected', () => {
    const perCo2 = structuredClone(SECTION9);
    perCo2.prices.carbonPrice.unit = '元/t CO₂';
    // Read as per t CO₂ the same 1200 would give 19.56 × 1200 = 23 472 元 for F: the number the §9.2 bug detector names.
    expect(accountParcels({ pieces: [classPieces[0]], params: perCo2 }).services.carbon_sequestration.value).toBe(23_472);
    expect(accountParcels({ pieces: [classPieces[0]], params: SECTION9 }).services.carbon_sequestration.value).toBe(6400.81);
    const bare = structuredClone(SECTION9);
    bare.prices.carbonPrice.unit = '元/t';
    expect(() => accountParcels({ pieces: [classPieces[0]], params: bare })).toThrow(expect.objectContaining({ code: 'CARBON_PRICE_UNIT_AMBIGUOUS' }));
  });
});

interface SquareFeature {
  properties: { parcelId: string; dlbm: string; dlmc: string; zone: 'redline' | 'buffer'; areaM2: number };
}

const SQUARES: AccountPiece[] = (JSON.parse(readFileSync(new URL('../../fixtures/accounting/in/squares.geojson', import.meta.url), 'utf8')) as { features: SquareFeature[] }).features.map(
  (f) => ({ ...f.properties }),
);

// Per-m² values of the built-in (illustrative) set, from §9: forest F 15.809321, paddy W 11.351415 元/(m²·a).
const soilPerM2 = (ls: number, c: number, p: number) => ((4000 * 0.03 * ls * (1 - c * p)) / 1e4) * ((0.24 / 0.93) * 15.58 + 0.0037 * 875 + 0.00108 * 2800);
const FOREST = [((1500 - 40.05 - 750) / 1000) * 7.06, soilPerM2(2.0, 0.01, 1), 0.18 * 7.06, ((1.63 * 12) / 1e4) * 0.2727 * 1200, ((1.19 * 12) / 1e4) * 1000, ((2450 * 60) / (3600 * 3)) * 0.53];
const PADDY = [((1500 - 150 - 900) / 1000) * 7.06, soilPerM2(0.3, 0.15, 0.15), 0.14 * 7.06, ((1.63 * 8) / 1e4) * 0.2727 * 1200, ((1.19 * 8) / 1e4) * 1000, ((1960 * 60) / (3600 * 3)) * 0.53];
// 0202 茶园 takes the forest inputs with the α of 常绿阔叶灌丛 (4.26 %): (1500 − 63.9 − 750)/1000 × 7.06 = 4.843866
const TEA = [((1500 - 1500 * 0.0426 - 750) / 1000) * 7.06, ...FOREST.slice(1)];
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('a tiny layer of square parcels through the built-in parameter set', () => {
  const r = accountParcels({ pieces: SQUARES, params: DEFAULT_PARAMETER_SET, provenance: { version: '0.1.0', params: { id: 'vep-studio-default-1', sha256: 'ab'.repeat(32) } } });

  it('values each piece by its class', () => {
    const byId = Object.fromEntries(r.parcels.map((p) => [p.id, p]));
    expect(byId.R1.value).toBe(Math.round(sum(FOREST) * 2500 * 100) / 100); // 15.809321 × 2500 = 39 523.30
    expect(byId.R1.unitValue).toBe(15.8093);
    expect(byId.R2.unitValue).toBe(11.3514); // 11.351415
    expect(byId.R3.unitValue).toBe(15.6409); // 15.809321 − 5.012247 + 4.843866 = 15.640940
    expect(byId.R4.value).toBe(0); // 0702 住宅: 0 by the built-up rule
    expect(byId.B2.value).toBe(0); // 1203 田坎: 0
    expect(byId.B4.value).toBe(0); // 1003 公路: 0
    // 0404 草地: the set gives only α; every service lacks inputs, so every value is null (not 0) and is listed.
    expect(Object.values(byId.B3.services).map((s) => [s.value, s.status])).toEqual(Array(6).fill([null, 'unavailable']));
    expect(byId.B3.value).toBe(0);
    expect(r.warnings.filter((w) => w.code === 'SERVICE_INPUT_MISSING').every((w) => w.pieces.includes('B3'))).toBe(true);
  });

  it('unit values per zone keep zero-value and unavailable classes in the denominator', () => {
    // red line: 2500 × (15.809321 + 11.351415 + 15.640940 + 0) / 10 000 = 10.700419
    expect(r.zones.redline.unitValue).toBe(Math.round(((2500 * (sum(FOREST) + sum(PADDY) + sum(TEA))) / 10_000) * 1e4) / 1e4);
    expect(r.zones.redline.unitValue).toBe(10.7004);
    // ring: 5000 × 15.809321 / 12 500 = 6.323728
    expect(r.zones.buffer.unitValue).toBe(6.3237);
    // union: (107 004.19 + 79 046.61) / 22 500 = 8.268924
    expect(r.zones.total.unitValue).toBe(8.2689);
    expect(r.perClass.total.map((c) => c.dlbm)).toEqual(['0101', '0202', '0301', '0404', '0702', '1003', '1203']);
    expect(r.perClass.total.find((c) => c.dlbm === '0301')).toMatchObject({ area: 7500, unitValue: 15.8093 });
  });

  it('picks the illustrative tier by the union unit value and says it is illustrative', () => {
    expect(r.premium).toMatchObject({ unitValue: 8.2689, tier: 2, rate: 0.02, combine: 'union', illustrative: true }); // 5 ≤ 8.2689 < 10
    expect(r.warnings.map((w) => w.code)).toContain('TIERS_ILLUSTRATIVE');
    expect(r.warnings.map((w) => w.code)).toContain('PARAMS_ILLUSTRATIVE');
    expect(r.notices).toHaveLength(2);
    expect(r.illustrative).toBe(true);
  });

  it('lists the unverified parameters it used', () => {
    const paths = r.unverified.map((u) => u.path);
    expect(paths).toContain('zone.precipitation');
    expect(paths).toContain('classes.03.inputs.runoffCoefficient');
    expect(paths).not.toContain('prices.reservoirCost'); // [C:S3], verified
    expect(paths).toEqual([...paths].sort());
  });

  it('keeps the contract: keys, order, six services in the fixed order, provenance', () => {
    expect(Object.keys(r).slice(0, 6)).toEqual(['redline', 'zones', 'services', 'premium', 'parcels', 'provenance']);
    expect(Object.keys(r.services)).toEqual(['water_retention', 'soil_conservation', 'flood_storage', 'carbon_sequestration', 'oxygen_release', 'climate_regulation']);
    expect(Object.keys(r.parcels[0].services)).toEqual(Object.keys(r.services));
    expect(r.redline.area).toBe(10_000);
    expect(r.provenance).toEqual({ version: '0.1.0', params: { id: 'vep-studio-default-1', sha256: 'ab'.repeat(32) }, inputs: [] });
    expect(r.parcels.map((p) => p.id)).toEqual(['R1', 'R2', 'R3', 'R4', 'B1', 'B2', 'B3', 'B4']);
  });

  it('is byte-identical across runs and input orders, and matches the golden file', async () => {
    const again = accountParcels({ pieces: [...SQUARES].reverse(), params: DEFAULT_PARAMETER_SET, provenance: { version: '0.1.0', params: { id: 'vep-studio-default-1', sha256: 'ab'.repeat(32) } } });
    expect(JSON.stringify(again)).toBe(JSON.stringify(r));
    await expect(JSON.stringify(r, null, 1) + '\n').toMatchFileSnapshot('../../fixtures/accounting/out/squares.json');
  });
});

describe('natural order of parcel ids', () => {
  it('orders digits as numbers', () => {
    expect(['10', '9', 'A2', 'A10', '009', 'B'].sort(naturalCompare)).toEqual(['9', '009', '10', 'A2', 'A10', 'B']);
  });
});

describe('options of a run', () => {
  const pieces: AccountPiece[] = [
    { parcelId: 1, dlbm: '0301K', zone: 'redline', areaM2: 1000 },
    { parcelId: 2, dlbm: '0702', zone: 'redline', areaM2: 1000 },
    { parcelId: 3, dlbm: '0404', zone: 'buffer', areaM2: 2000 },
  ];

  it('--coefficients: a level-1 row applies to codes under it; a class with no row is 0 and listed', () => {
    const coefficients = {
      name: 'c.csv',
      rows: [{ code: '03', values: { water_retention: 5, soil_conservation: 0.25, flood_storage: 1.25, carbon_sequestration: 0.5, oxygen_release: 1.5, climate_regulation: 7.5 } }],
    };
    const r = accountParcels({ pieces, params: DEFAULT_PARAMETER_SET, coefficients });
    // 0301K → 03: 16 元/(m²·a) × 1000 m² = 16 000 元; 0702 and 0404 have no row: 0, warned once per class and service
    expect(r.parcels.map((p) => p.value)).toEqual([16_000, 0, 0]);
    expect(r.zones.total.unitValue).toBe(4); // 16 000 / 4000
    expect(r.services.water_retention).toMatchObject({ quantity: null, value: 5000, source: 'coefficientTable' });
    const missing = r.warnings.filter((w) => w.code === 'COEFFICIENT_CLASS_MISSING');
    expect(missing.map((w) => [w.details.dlbm, w.details.service, w.pieces])).toEqual([
      ...['water_retention', 'soil_conservation', 'flood_storage', 'carbon_sequestration', 'oxygen_release', 'climate_regulation'].map((s) => ['0702', s, [2]]),
      ...['water_retention', 'soil_conservation', 'flood_storage', 'carbon_sequestration', 'oxygen_release', 'climate_regulation'].map((s) => ['0404', s, [3]]),
    ]);
  });

  it('the class-coefficient table a set implies, exported as CSV and read back, gives the same zone values', () => {
    const csv = coefficientsToCsv(coefficientTableFromClasses(deriveClassCoefficients(DEFAULT_PARAMETER_SET), 'derived.csv'));
    const fromCsv = accountParcels({ pieces: SQUARES, params: DEFAULT_PARAMETER_SET, coefficients: parseCoefficientsCsv(csv, 'derived.csv') });
    const derived = accountParcels({ pieces: SQUARES, params: DEFAULT_PARAMETER_SET });
    for (const z of ['redline', 'buffer', 'total'] as const) {
      expect(Math.abs(fromCsv.zones[z].value - derived.zones[z].value)).toBeLessThanOrEqual(0.01); // c·P·A vs c·A·P in binary
      expect(fromCsv.zones[z].unitValue).toBe(derived.zones[z].unitValue);
    }
  });

  it('indexes prices to the accounting year with the set\'s index, and says which it could not', () => {
    const params = structuredClone(DEFAULT_PARAMETER_SET);
    params.priceIndex = { name: 'test index', values: { '2010': 100, '2024': 120 } };
    const r = accountParcels({ pieces: [pieces[0]], params, accountingYear: 2024 });
    const reservoir = r.prices.items.find((p) => p.id === 'reservoirCost');
    expect(reservoir).toMatchObject({ value: 8.472, indexed: true }); // 7.06 × 120/100
    // water retention of 0301K: 0.70995 m³/m² × 1000 m² × 8.472 = 6014.70 元
    expect(r.parcels[0].services.water_retention.value).toBe(6014.7);
    const notIndexed = r.warnings.filter((w) => w.code === 'PRICE_NOT_INDEXED').map((w) => [w.details.price, w.details.reason]);
    expect(notIndexed).toEqual([
      ['carbonPrice', 'noPriceYear'],
      ['oxygenPrice', 'yearNotInIndex'],
    ]);
  });

  it('weighted combine and a base amount give the premium', () => {
    const r = accountParcels({
      pieces: SQUARES,
      params: DEFAULT_PARAMETER_SET,
      premium: { combine: { kind: 'weighted', parcelWeight: 0.6, ringWeight: 0.4 }, base: { kind: 'amount', yuan: 1_000_000 } },
    });
    // U* = 0.6 × 10.700419 + 0.4 × 6.323728 = 6.420251 + 2.529491 = 8.949743 → tier 2 (5–10), rate 0.02
    expect(r.premium).toMatchObject({ unitValue: 8.9497, tier: 2, rate: 0.02, combine: 'weighted', amount: 20_000 });
  });

  it('a red line its pieces do not cover is reported', () => {
    const r = accountParcels({ pieces, params: DEFAULT_PARAMETER_SET, redlineAreaM2: 2500 });
    expect(r.redline.area).toBe(2500);
    expect(r.warnings.find((w) => w.code === 'REDLINE_AREA_MISMATCH')?.details).toEqual({ redline: 2500, pieces: 2000 });
  });

  it('bad requests are InputErrors naming the problem', () => {
    expect(() => accountParcels({ pieces: [], params: DEFAULT_PARAMETER_SET })).toThrow(expect.objectContaining({ code: 'ACCOUNT_NO_PIECES' }));
    expect(() => accountParcels({ pieces: [{ ...pieces[0], areaM2: -1 }], params: DEFAULT_PARAMETER_SET })).toThrow(expect.objectContaining({ code: 'PIECE_AREA_INVALID' }));
    expect(() => accountParcels({ pieces, params: DEFAULT_PARAMETER_SET, modes: { climate_regulation: 'model' } })).toThrow(
      expect.objectContaining({ code: 'MODEL_RASTERS_MISSING', details: expect.objectContaining({ service: 'climate_regulation', rasters: ['et_hot'] }) }),
    );
  });

  it('stops when cancelled and reports progress', () => {
    const phases: number[] = [];
    accountParcels({ pieces, params: DEFAULT_PARAMETER_SET }, { onProgress: (p) => phases.push(p.done) });
    expect(phases).toEqual([0, 3]);
    expect(() => accountParcels({ pieces, params: DEFAULT_PARAMETER_SET }, { signal: { aborted: true } })).toThrow(expect.objectContaining({ code: 'CANCELLED' }));
  });
});
