/**
 * The worked example of docs/methods/regulating-services.md §9, service by service, in both modes. The inputs are in
 * core/fixtures/services/section9.params.json; every expected number is computed beside its assertion.
 * Tolerance: relative 1e-6 on unrounded values (§9 "Suggested tolerance").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseParameterSet } from '../params/parameter-set-schema';
import type { ParameterSet } from '../params/parameter-set';
import type { PieceSamples } from '../raster/samples';
import { ServiceEvaluator, type PieceInput, type PieceServiceResult } from './evaluate-piece';
import { prepareRun, type RunOptions } from './prepare-run';
import type { ServiceId } from './service-ids';
import type { Mode } from './service-spec';
import { serviceDefinition } from './services';
import { validateParameterSet } from './validate';

const SET = parseParameterSet(readFileSync(new URL('../../fixtures/services/section9.params.json', import.meta.url), 'utf8'), 'section9.params.json');

function run(service: ServiceId, mode: Mode, piece: PieceInput, options: RunOptions = {}, set: ParameterSet = SET): PieceServiceResult {
  return new ServiceEvaluator(serviceDefinition(service), mode, prepareRun(set, options)).evaluate(piece);
}

function close(actual: number | null, expected: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-6 * Math.abs(expected) + 1e-12);
}

/** Three samples with unequal weights and the same value everywhere: a constant raster over the piece. */
function constant(values: Record<string, number>): PieceSamples {
  const weights = new Float64Array([0.5, 0.3, 0.2]);
  return { weights, values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, new Float64Array([v, v, v])])) };
}

const FOREST: PieceInput = { dlbm: '0301', areaM2: 10_000 };
const PADDY: PieceInput = { dlbm: '0101', areaM2: 5_000 };

// Model mode: the §9 zone and class inputs as constant rasters. ET_hot = EPP/(ρq) × D: forest 1.0 mm/d × 60 d = 60 mm,
// paddy 0.8 mm/d × 60 d = 48 mm. α, C, P and α_storm stay per class (no runoff, C or storm-runoff raster).
const RASTERS: RunOptions = { rasters: { rainfall: 'mm/a', et: 'mm/a', r_factor: undefined, k_factor: undefined, ls: '1', storm_rainfall: 'mm/a', npp: 't DM/(hm²·a)', et_hot: 'mm' } };
const FOREST_MODEL: PieceInput = { ...FOREST, samples: constant({ rainfall: 1500, et: 750, r_factor: 4000, k_factor: 0.03, ls: 2.0, storm_rainfall: 200, npp: 12, et_hot: 60 }) };
const PADDY_MODEL: PieceInput = { ...PADDY, samples: constant({ rainfall: 1500, et: 900, r_factor: 4000, k_factor: 0.03, ls: 0.3, storm_rainfall: 200, npp: 8, et_hot: 48 }) };

const cases: [string, Mode, PieceInput, PieceInput, RunOptions][] = [
  ['class-coefficient mode (coefficients derived from the §9 inputs)', 'coefficient', FOREST, PADDY, {}],
  ['model mode (constant rasters)', 'model', FOREST_MODEL, PADDY_MODEL, RASTERS],
];

describe('§9 worked example', () => {
  it('the §9 parameter set is valid', () => {
    expect(validateParameterSet(SET).filter((i) => i.severity === 'error')).toEqual([]);
  });

  describe.each(cases)('%s', (_name, mode, forest, paddy, options) => {
    it('forest F, 水源涵养: 1500 − 1500×0.0267 − 750 = 709.95 mm → 7099.5 m³ × 7.06 = 50122.47 元', () => {
      const r = run('water_retention', mode, forest, options);
      close(r.quantity, 709.95 * 10_000 * 1e-3); // 7099.5 m³/a
      close(r.value, 7099.5 * 7.06); // 50122.47 元/a
      expect(r.status).toBe('ok');
      expect(r.quantityUnit).toBe('m³/a');
    });

    it('forest F, 土壤保持: 4000×0.03×2.0×(1 − 0.01×1) = 237.6 t; V_sd + V_dpd = 955.31 + 1487.73', () => {
      const r = run('soil_conservation', mode, forest, options);
      close(r.quantity, 4000 * 0.03 * 2.0 * (1 - 0.01 * 1) * 1); // 237.6 t/a over 1 hm²
      close(r.valueParts.sediment, ((0.24 * 237.6) / 0.93) * 15.58); // 61.316 m³ × 15.58 = 955.31 元
      close(r.valueParts.nutrients, 237.6 * (0.0037 * 875 + 0.00108 * 2800)); // 237.6 × 6.2615 = 1487.73 元
      close(r.value, ((0.24 * 237.6) / 0.93) * 15.58 + 237.6 * 6.2615); // 955.31 + 1487.73 = 2443.04 元/a
    });

    it('forest F, 洪水调蓄: 200 × (1 − 0.10) = 180 mm → 1800 m³ × 7.06 = 12708 元', () => {
      const r = run('flood_storage', mode, forest, options);
      close(r.quantity, 180 * 10_000 * 1e-3); // 1800 m³/a
      close(r.value, 1800 * 7.06); // 12708 元/a
    });

    it('forest F, 固碳: 1.63 × 12 = 19.56 t CO₂; × 0.2727 = 5.334012 t C × 1200 元/t C = 6400.81 元', () => {
      const r = run('carbon_sequestration', mode, forest, options);
      close(r.quantity, 1.63 * 12 * 1); // 19.56 t CO₂/a
      close(r.secondary.carbon, 19.56 * 0.2727); // 5.334012 t C/a
      close(r.value, 5.334012 * 1200); // 6400.8144 元/a — not 19.56 × 1200 = 23472 (the §9.2 bug detector)
      expect(Math.abs(r.value! - 23_472)).toBeGreaterThan(17_000);
    });

    it('forest F, 释氧: 1.19 × 12 = 14.28 t O₂ × 1000 = 14280 元', () => {
      const r = run('oxygen_release', mode, forest, options);
      close(r.quantity, 1.19 * 12 * 1); // 14.28 t O₂/a
      close(r.value, 14.28 * 1000); // 14280 元/a
    });

    it('forest F, 气候调节: 2450 × 60 / (3600 × 3) = 13.6111 kWh/m² → 136111.11 kWh × 0.53 = 72138.89 元', () => {
      const r = run('climate_regulation', mode, forest, options);
      close(r.coefficient, (2450 * 60) / (3600 * 3)); // 13.6111 kWh/(m²·a)
      close(r.quantity, ((2450 * 60) / (3600 * 3)) * 10_000); // 136111.11 kWh/a
      close(r.value, ((2450 * 60) / (3600 * 3)) * 10_000 * 0.53); // 136111.11 kWh × 0.53 = 72138.89 元/a
    });

    it('paddy W, all six services (§9.3)', () => {
      const wr = run('water_retention', mode, paddy, options);
      close(wr.quantity, (1500 - 150 - 900) * 5_000 * 1e-3); // 450 mm → 2250 m³/a
      close(wr.value, 2250 * 7.06); // 15885 元/a
      const sc = run('soil_conservation', mode, paddy, options);
      close(sc.quantity, 4000 * 0.03 * 0.3 * (1 - 0.15 * 0.15) * 0.5); // 36 × 0.9775 = 35.19 t/hm² × 0.5 hm² = 17.595 t/a
      close(sc.valueParts.sediment, ((0.24 * 17.595) / 0.93) * 15.58); // 4.5406 m³ × 15.58 = 70.74 元
      close(sc.valueParts.nutrients, 17.595 * 6.2615); // 110.17 元
      close(sc.value, ((0.24 * 17.595) / 0.93) * 15.58 + 17.595 * 6.2615); // 70.74 + 110.17 = 180.91 元/a
      const fs = run('flood_storage', mode, paddy, options);
      close(fs.quantity, 200 * (1 - 0.3) * 5_000 * 1e-3); // 140 mm → 700 m³/a
      close(fs.value, 700 * 7.06); // 4942 元/a
      const cs = run('carbon_sequestration', mode, paddy, options);
      close(cs.quantity, 1.63 * 8 * 0.5); // 6.52 t CO₂/a
      close(cs.secondary.carbon, 6.52 * 0.2727); // 1.778004 t C/a
      close(cs.value, 1.778004 * 1200); // 2133.60 元/a
      const ox = run('oxygen_release', mode, paddy, options);
      close(ox.quantity, 1.19 * 8 * 0.5); // 4.76 t O₂/a
      close(ox.value, 4760); // 4.76 × 1000
      const cl = run('climate_regulation', mode, paddy, options);
      close(cl.quantity, ((1960 * 60) / (3600 * 3)) * 5_000); // 10.8889 kWh/m² → 54444.44 kWh/a
      close(cl.value, ((1960 * 60) / (3600 * 3)) * 5_000 * 0.53); // 54444.44 kWh × 0.53 = 28855.56 元/a
    });
  });

  it('model mode and class mode agree to the last bit on constant rasters', () => {
    for (const service of ['water_retention', 'soil_conservation', 'flood_storage', 'carbon_sequestration', 'oxygen_release', 'climate_regulation'] as const) {
      const a = run(service, 'coefficient', FOREST);
      const b = run(service, 'model', FOREST_MODEL, RASTERS);
      close(b.value, a.value!);
      expect(b.source).toBe('model');
      expect(a.source).toBe('derived');
    }
  });
});

describe('§9.4 extra vectors', () => {
  it('clip vector: ET = 1600 mm gives 1500 − 40.05 − 1600 = −140.05 mm → Q_wr = 0, recorded', () => {
    const set = structuredClone(SET);
    set.classes.find((c) => c.code === '0301')!.inputs.evapotranspiration.value = 1600;
    const r = run('water_retention', 'coefficient', FOREST, {}, set);
    expect(r.quantity).toBe(0);
    expect(r.value).toBe(0);
    expect(r.status).toBe('clipped');
    expect(r.notes.map((n) => n.code)).toContain('SERVICE_CLIPPED');
  });

  it('model mode clips per pixel before the mean: half at ET 1600, half at 750 → (0 + 709.95)/2 mm, not (−140.05 + 709.95)/2', () => {
    const samples: PieceSamples = {
      weights: new Float64Array([0.5, 0.5]),
      values: { rainfall: new Float64Array([1500, 1500]), et: new Float64Array([1600, 750]) },
    };
    const r = run('water_retention', 'model', { ...FOREST, samples }, { rasters: { rainfall: 'mm/a', et: 'mm/a' } });
    close(r.quantity, ((0 + 709.95) / 2) * 10); // 354.975 mm × 10 000 m² × 10⁻³ = 3549.75 m³
    expect(r.status).toBe('clipped');
  });

  it('pixels with NaN are left out and the other weights renormalised', () => {
    const samples: PieceSamples = {
      weights: new Float64Array([0.25, 0.75]),
      values: { rainfall: new Float64Array([1500, NaN]), et: new Float64Array([750, 750]) },
    };
    const r = run('water_retention', 'model', { ...FOREST, samples }, { rasters: { rainfall: 'mm/a', et: 'mm/a' } });
    close(r.quantity, 7099.5); // only the first sample: 709.95 mm over the whole piece
    close(r.coverage, 0.25);
    expect(r.notes.map((n) => n.code)).toContain('RASTER_PARTIAL_COVERAGE');
  });

  it('a piece no raster covers is null, never a 0 that looks like data', () => {
    const samples: PieceSamples = { weights: new Float64Array([1]), values: { rainfall: new Float64Array([NaN]), et: new Float64Array([750]) } };
    const r = run('water_retention', 'model', { ...FOREST, samples }, { rasters: { rainfall: 'mm/a', et: 'mm/a' } });
    expect(r.status).toBe('noCoverage');
    expect(r.quantity).toBeNull();
    expect(r.value).toBeNull();
    const none = run('water_retention', 'model', FOREST, { rasters: { rainfall: 'mm/a', et: 'mm/a' } });
    expect(none.status).toBe('noCoverage');
  });

  it('water-surface vector: e_w = 0.30 m → 0.30 × (1000 × 2450/3600 + 120) = 240.17 kWh/m², × 0.53 = 127.29 元/m²', () => {
    const r = run('climate_regulation', 'coefficient', { dlbm: '1101', areaM2: 1 });
    close(r.quantity, 0.3 * ((1000 * 2450) / 3600 + 120)); // 240.1667 kWh
    close(r.value, 0.3 * ((1000 * 2450) / 3600 + 120) * 0.53); // 240.17 kWh × 0.53 = 127.29 元
    close(r.secondary.waterCooling, 0.3 * ((1000 * 2450) / 3600)); // 204.1667 kWh of the 240.17
    close(r.secondary.humidification, 0.3 * 120); // 36 kWh
  });

  it('with divideWaterCoolingByEER: 0.30 × (680.556/3 + 120) = 104.06 kWh/m²', () => {
    const set = structuredClone(SET);
    set.options.divideWaterCoolingByEER = true;
    const r = run('climate_regulation', 'coefficient', { dlbm: '1101', areaM2: 1 }, {}, set);
    close(r.quantity, 0.3 * ((1000 * 2450) / 3600 / 3 + 120)); // 104.0556 kWh
  });

  it('the ET form of climate regulation carries the 10⁻³: 60 mm × 10⁻³ × 10 000 m² × 1000 × 2450 / (3600 × 3) = 136111.11 kWh', () => {
    const r = run('climate_regulation', 'model', { ...FOREST, samples: constant({ et_hot: 60 }) }, { rasters: { et_hot: 'mm' } });
    close(r.quantity, (60 * 1e-3 * 10_000 * 1000 * 2450) / (3600 * 3)); // 136111.11, not 1000× that
  });
});
