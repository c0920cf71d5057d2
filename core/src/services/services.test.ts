/**
 * The services beyond §9: the declarations are consistent data, unit traps are closed (percent, NPP in carbon units,
 * carbon price per t C), the NEP basis, flood storage of lakes, reservoirs, marshes and ponds, C from vegetation
 * cover, entered coefficients, and validation of what a run lacks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseParameterSet } from '../params/parameter-set-schema';
import type { ParameterSet } from '../params/parameter-set';
import { ServiceEvaluator, type PieceInput } from './evaluate-piece';
import { INPUT_DEFS, inputDef } from './inputs';
import { resolveModes } from './modes';
import { serviceFormFields } from './service-form';
import { prepareRun, type RunOptions } from './prepare-run';
import { SERVICE_IDS, type ServiceId } from './service-ids';
import type { Mode } from './service-spec';
import { SERVICE_SPECS, serviceDefinition } from './services';
import { convertUnit } from './units';
import { validateParameterSet, validateRasterUnits, validateServiceInputs } from './validate';
import { vegetationCoverToC } from './vegetation-cover';

const SET = parseParameterSet(readFileSync(new URL('../../fixtures/services/section9.params.json', import.meta.url), 'utf8'));

function run(service: ServiceId, mode: Mode, piece: PieceInput, options: RunOptions = {}, set: ParameterSet = SET) {
  return new ServiceEvaluator(serviceDefinition(service), mode, prepareRun(set, options)).evaluate(piece);
}

function withSet(change: (s: ParameterSet) => void): ParameterSet {
  const s = structuredClone(SET);
  change(s);
  return s;
}

const FOREST: PieceInput = { dlbm: '0301', areaM2: 10_000 };

describe('service declarations', () => {
  it('are the six services in output order, each input known, forms and names consistent', () => {
    expect(SERVICE_SPECS.map((s) => s.id)).toEqual([...SERVICE_IDS]);
    for (const spec of SERVICE_SPECS) {
      for (const ref of spec.inputs) {
        expect(() => inputDef(ref.input), `${spec.id}: ${ref.input}`).not.toThrow();
        for (const f of ref.forms ?? []) expect(spec.forms, `${spec.id}: ${ref.input}`).toContain(f);
        expect(Object.keys(ref.requiredIf).length, `${spec.id}: ${ref.input}`).toBeGreaterThan(0);
      }
      expect(spec.outputs.valueUnit).toBe('元/a');
      expect(spec.method).toMatch(/^docs\/methods\/regulating-services\.md §3\.\d$/);
    }
    expect(new Set(INPUT_DEFS.map((d) => d.id)).size).toBe(INPUT_DEFS.length);
  });

  it('are plain data (what the UI builds its form from)', () => {
    expect(JSON.parse(JSON.stringify(SERVICE_SPECS))).toEqual(SERVICE_SPECS);
  });

  it('give the parameter form its fields per mode: required, optional, by sub-model', () => {
    const coef = serviceFormFields('water_retention', 'coefficient', SET.options);
    expect(coef.map((f) => [f.id, f.type, f.unit, f.required])).toEqual([
      ['precipitation', 'zone', 'mm/a', true],
      ['evapotranspiration', 'class', 'mm/a', true],
      ['runoffCoefficient', 'class', '1', true],
      ['reservoirCost', 'price', '元/m³', true],
    ]);
    const model = serviceFormFields('water_retention', 'model', SET.options, new Set(['runoff']));
    expect(model.map((f) => [f.id, f.required])).toEqual([
      ['rainfall', true],
      ['et', true],
      ['runoff', false],
      ['runoffCoefficient', false], // a runoff raster makes α unnecessary
      ['reservoirCost', true],
    ]);
    expect(serviceFormFields('carbon_sequestration', 'model', { ...SET.options, carbonBasis: 'nep' }).map((f) => f.id)).toEqual(['nep', 'co2PerDryMatter', 'carbonShareOfCo2', 'carbonPrice']);
    expect(serviceFormFields('flood_storage', 'coefficient', SET.options).find((f) => f.id === 'pondDepth')?.forms).toEqual(['pond']);
  });

  it('pick model mode where all model rasters are given, coefficient mode elsewhere; forcing model without them is reported', () => {
    const { modes, missing } = resolveModes({ soil_conservation: 'model' }, new Set(['rainfall', 'et', 'npp']), SET.options);
    expect(modes).toEqual({ water_retention: 'model', soil_conservation: 'model', flood_storage: 'coefficient', carbon_sequestration: 'model', oxygen_release: 'model', climate_regulation: 'coefficient' });
    expect(missing).toEqual({ soil_conservation: ['ls'] });
  });
});

describe('unit traps', () => {
  it('percent is divided by 100: α = 2.67 % and α = 0.0267 give the same water retention', () => {
    const asFraction = withSet((s) => (s.classes.find((c) => c.code === '0301')!.inputs.runoffCoefficient = { ...s.classes[1].inputs.runoffCoefficient, value: 0.0267, unit: '1' }));
    expect(run('water_retention', 'coefficient', FOREST, {}, asFraction).quantity).toBeCloseTo(7099.5, 9);
    expect(convertUnit(2.67, '%', '1')).toBeCloseTo(0.0267, 15);
  });

  it('NPP declared in carbon units is converted to dry matter, never multiplied by 1.63 as it stands', () => {
    // 12 t DM/hm² ≡ 12 × 1.63 × 0.2727 = 5.334012 t C/hm² = 533.4012 g C/m²
    const samples = { weights: new Float64Array([1]), values: { npp: new Float64Array([533.4012]) } };
    const r = run('carbon_sequestration', 'model', { ...FOREST, samples }, { rasters: { npp: 'g C/(m²·a)' } });
    expect(r.quantity).toBeCloseTo(19.56, 9); // t CO₂, not 1.63 × 5.334 = 8.69
    const o = run('oxygen_release', 'model', { ...FOREST, samples }, { rasters: { npp: 'g C/(m²·a)' } });
    expect(o.quantity).toBeCloseTo(14.28, 9); // 1.19 × 12 t DM
  });

  it('an NPP raster must declare its unit; a carbon price must say per t C or per t CO₂', () => {
    expect(validateRasterUnits({ npp: undefined }).map((i) => i.code)).toEqual(['RASTER_UNIT_REQUIRED']);
    expect(validateRasterUnits({ rainfall: undefined, npp: 'kg C/(m²·a)' })).toEqual([]);
    expect(validateRasterUnits({ rainfall: 'kg C/(m²·a)' }).map((i) => i.code)).toEqual(['PARAM_UNIT_NOT_ACCEPTED']);
    const bare = withSet((s) => (s.prices.carbonPrice.unit = '元/t'));
    expect(validateParameterSet(bare)).toEqual([expect.objectContaining({ code: 'CARBON_PRICE_UNIT_AMBIGUOUS', path: 'prices.carbonPrice.unit', severity: 'error' })]);
    expect(() => run('carbon_sequestration', 'coefficient', FOREST, {}, bare)).toThrow(expect.objectContaining({ code: 'UNIT_NOT_ACCEPTED' }));
  });

  it('out-of-range and unknown units are errors with the path', () => {
    const bad = withSet((s) => {
      s.classes.find((c) => c.code === '0301')!.inputs.runoffCoefficient.value = 267; // 267 % > 1
      s.constants.eer.unit = 'W/W';
    });
    expect(validateParameterSet(bad).map((i) => [i.code, i.path])).toEqual([
      ['PARAM_UNIT_UNKNOWN', 'constants.eer.unit'],
      ['PARAM_OUT_OF_RANGE', 'classes.0301.inputs.runoffCoefficient.value'],
    ]);
  });
});

describe('carbon and oxygen on the NEP basis', () => {
  const nep = withSet((s) => {
    s.options.carbonBasis = 'nep';
    s.classes.find((c) => c.code === '0301')!.inputs.netEcosystemProduction = { value: 5.334012, unit: 't C/(hm²·a)', source: null, tag: 'D', verified: false };
  });
  it('Q_CO2 = NEP / R_C; Q_O2 = 32/44 × Q_CO2', () => {
    expect(run('carbon_sequestration', 'coefficient', FOREST, {}, nep).quantity).toBeCloseTo(5.334012 / 0.2727, 9); // 19.56 t CO₂
    expect(run('oxygen_release', 'coefficient', FOREST, {}, nep).quantity).toBeCloseTo((32 / 44) * 19.56, 9); // 14.2255 t O₂
  });
  it('a negative NEP (a net source) is clipped to 0 and recorded', () => {
    const source = withSet((s) => {
      s.options.carbonBasis = 'nep';
      s.classes.find((c) => c.code === '0301')!.inputs.netEcosystemProduction = { value: -1, unit: 't C/(hm²·a)', source: null, tag: 'D', verified: false };
    });
    const r = run('carbon_sequestration', 'coefficient', FOREST, {}, source);
    expect([r.quantity, r.value, r.status]).toEqual([0, 0, 'clipped']);
  });
  it('without NEP inputs the service is unavailable, not 0', () => {
    const r = run('carbon_sequestration', 'coefficient', FOREST, {}, withSet((s) => (s.options.carbonBasis = 'nep')));
    expect(r).toMatchObject({ status: 'unavailable', quantity: null, value: null });
  });
});

describe('flood storage of water bodies (§3.3)', () => {
  const lakeSet = withSet((s) => {
    s.classes.push({ code: '1102', basis: 'test', zero: ['water_retention', 'soil_conservation', 'carbon_sequestration', 'oxygen_release'], flood: 'lake', climate: 'water', inputs: {} });
    s.classes.push({ code: '1103', basis: 'test', zero: ['water_retention', 'soil_conservation', 'carbon_sequestration', 'oxygen_release'], flood: 'reservoir', climate: 'water', inputs: {} });
    s.classes.push({ code: '1104', basis: 'test', zero: ['water_retention', 'soil_conservation', 'carbon_sequestration', 'oxygen_release'], flood: 'pond', climate: 'water', inputs: {} });
    s.classes.push({ code: '1108', basis: 'test', flood: 'marsh', climate: 'water', inputs: {} });
  });
  const bodies = [
    { id: 'L1', kind: 'lake' as const, surfaceAreaM2: 2e6 },
    { id: 'R1', kind: 'reservoir' as const, surfaceAreaM2: 1e6, totalCapacityM3: 2e7 },
  ];

  it('lake: C = 10⁴ × e^6.636 × A_km²^0.678 over the whole lake, shared by area', () => {
    // A = 2 km²: C = 10⁴ × 762.2 × 2^0.678 = 12 221 386 m³ → 6.110693 m³ per m² of lake; a 1000 m² piece holds 6110.69 m³
    const r = run('flood_storage', 'coefficient', { dlbm: '1102', areaM2: 1000, waterBodyId: 'L1' }, { waterBodies: bodies }, lakeSet);
    const perM2 = (1e4 * Math.exp(6.636) * Math.pow(2, 0.678)) / 2e6;
    expect(r.coefficient).toBeCloseTo(perM2, 12);
    expect(r.quantity).toBeCloseTo(perM2 * 1000, 9);
    expect(r.value).toBeCloseTo(perM2 * 1000 * 7.06, 9);
    expect(r.notes[0]).toMatchObject({ code: 'FLOOD_LAKE_POWER_LAW', details: { body: 'L1', areaKm2: 2 } });
  });

  it('the power law is non-linear: per lake, not per piece (two pieces of one lake = the lake)', () => {
    const pieceA = run('flood_storage', 'coefficient', { dlbm: '1102', areaM2: 1.5e6, waterBodyId: 'L1' }, { waterBodies: bodies }, lakeSet).quantity!;
    const pieceB = run('flood_storage', 'coefficient', { dlbm: '1102', areaM2: 0.5e6, waterBodyId: 'L1' }, { waterBodies: bodies }, lakeSet).quantity!;
    expect(pieceA + pieceB).toBeCloseTo(1e4 * Math.exp(6.636) * Math.pow(2, 0.678), 3);
  });

  it('a user depth replaces the power law', () => {
    const r = run('flood_storage', 'coefficient', { dlbm: '1102', areaM2: 100, waterBodyId: 'L2' }, { waterBodies: [{ id: 'L2', kind: 'lake', surfaceAreaM2: 5000, depthM: 1.2 }] }, lakeSet);
    expect(r.quantity).toBeCloseTo(120, 12); // 1.2 m × 100 m²
    expect(r.notes).toEqual([]);
  });

  it('reservoir: 0.35 × total capacity, shared by water-surface area', () => {
    const r = run('flood_storage', 'coefficient', { dlbm: '1103', areaM2: 250_000, waterBodyId: 'R1' }, { waterBodies: bodies }, lakeSet);
    expect(r.quantity).toBeCloseTo(0.35 * 2e7 * 0.25, 6); // 1 750 000 m³: a quarter of 7 000 000
  });

  it('a lake or reservoir piece without its register entry is unavailable, with the reason', () => {
    expect(run('flood_storage', 'coefficient', { dlbm: '1102', areaM2: 10 }, {}, lakeSet)).toMatchObject({ status: 'unavailable', notes: [{ code: 'FLOOD_WATER_BODY_MISSING' }] });
    expect(run('flood_storage', 'coefficient', { dlbm: '1103', areaM2: 10, waterBodyId: 'L1' }, { waterBodies: bodies }, lakeSet).notes[0].code).toBe('FLOOD_WATER_BODY_KIND');
    const noCap = run('flood_storage', 'coefficient', { dlbm: '1103', areaM2: 10, waterBodyId: 'R2' }, { waterBodies: [{ id: 'R2', kind: 'reservoir', surfaceAreaM2: 100 }] }, lakeSet);
    expect(noCap.notes[0].code).toBe('FLOOD_RESERVOIR_CAPACITY_MISSING');
  });

  it('ponds need a user depth (no lake power law on 1104); marshes hold 0.3 m', () => {
    expect(run('flood_storage', 'coefficient', { dlbm: '1104A', areaM2: 10 }, {}, lakeSet)).toMatchObject({ status: 'unavailable', notes: [{ code: 'FLOOD_POND_DEPTH_REQUIRED', details: { dlbm: '1104A' } }] });
    const withDepth = withSet((s) => Object.assign(s, lakeSet)).classes.find((c) => c.code === '1104')!;
    withDepth.inputs.pondDepth = { value: 0.5, unit: 'm', source: null, tag: 'D', verified: false };
    const ponds = { ...lakeSet, classes: lakeSet.classes.map((c) => (c.code === '1104' ? withDepth : c)) };
    expect(run('flood_storage', 'coefficient', { dlbm: '1104A', areaM2: 10 }, {}, ponds).quantity).toBeCloseTo(5, 12); // 0.5 m × 10 m²
    expect(run('flood_storage', 'coefficient', { dlbm: '1108', areaM2: 10 }, {}, lakeSet).quantity).toBeCloseTo(3, 12); // 0.3 m × 10 m²
  });
});

describe('soil conservation in model mode', () => {
  it('C from vegetation cover by 蔡崇法 2000, f in percent (a fraction raster declares unit 1)', () => {
    expect(vegetationCoverToC(0)).toBe(1);
    expect(vegetationCoverToC(78.3)).toBe(0);
    expect(vegetationCoverToC(50)).toBeCloseTo(0.6508 - 0.3436 * Math.log10(50), 15); // 0.06703
    expect(vegetationCoverToC(0.05)).toBe(1); // the log branch exceeds 1 below 0.096 %: clamped
    const samples = { weights: new Float64Array([1]), values: { ls: new Float64Array([2]), fvc: new Float64Array([0.5]) } };
    const r = run('soil_conservation', 'model', { ...FOREST, samples }, { rasters: { ls: '1', fvc: '1' } });
    const c = 0.6508 - 0.3436 * Math.log10(50);
    expect(r.quantity).toBeCloseTo(4000 * 0.03 * 2 * (1 - c * 1), 9); // R̄, K̄ from the zone; P = 1 for forest
  });
});

describe('coefficients entered in the parameter set', () => {
  it('a functional coefficient is priced by the service prices; a value coefficient is used as it is', () => {
    const set = withSet((s) => {
      s.coefficients = [
        { code: '03', service: 'carbon_sequestration', kind: 'functional', value: 20, unit: 't CO₂/(hm²·a)', source: null, tag: 'D', verified: false },
        { code: '0301', service: 'water_retention', kind: 'value', value: 4.5, unit: '元/(m²·a)', source: null, tag: 'D', verified: false },
      ];
    });
    const c = run('carbon_sequestration', 'coefficient', FOREST, {}, set);
    expect(c).toMatchObject({ source: 'functional' });
    expect(c.quantity).toBeCloseTo(20, 12); // 20 t CO₂/hm² × 1 hm²
    expect(c.value).toBeCloseTo(20 * 0.2727 * 1200, 9); // per t C price applied to t C
    expect(run('water_retention', 'coefficient', FOREST, {}, set)).toMatchObject({ source: 'value', quantity: null, value: 45_000 });
    expect(run('water_retention', 'model', { ...FOREST, samples: { weights: new Float64Array([1]), values: { rainfall: new Float64Array([1500]), et: new Float64Array([750]) } } }, { rasters: { rainfall: 'mm/a', et: 'mm/a' } }, set).source).toBe('model');
  });
});

describe('validateServiceInputs', () => {
  it('lists, per class and service, what the set lacks for the chosen modes', () => {
    const { modes } = resolveModes({}, new Set(), SET.options);
    const issues = validateServiceInputs(SET, ['0301', '0404', '0702'], modes, new Map());
    expect(issues.map((i) => [i.details.dlbm, i.details.service])).toEqual(SERVICE_IDS.map((s) => ['0404', s]));
    expect(issues[0]).toMatchObject({ severity: 'warning', code: 'SERVICE_INPUT_MISSING', details: { inputs: ['evapotranspiration', 'runoffCoefficient'] } }); // the §9 set has no 04 row; P̄ is a zone input
  });
});
