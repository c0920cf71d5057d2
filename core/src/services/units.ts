/**
 * The units a parameter or raster may declare, and conversion between units of one dimension.
 *
 * Every number that enters a service carries its unit ({value, unit}); the service spec names the unit its formula
 * expects and the engine converts. This is where the unit traps of docs/methods/regulating-services.md are closed:
 *  - a fraction written in percent ('%', e.g. α = 2.67 %) is divided by 100, never read as 2.67 (§3.1, §3.2);
 *  - NPP in carbon units and NPP as dry matter are different dimensions, so one cannot silently stand for the
 *    other (§3.4 "Unit trap"); the carbon and oxygen services convert between them explicitly;
 *  - a carbon price is per t C or per t CO₂, two different dimensions; a bare '元/t' is not a carbon price (§3.4).
 */
import { InputError } from '../errors';

/** A physical dimension; units convert only within one. */
export type Dimension =
  | 'ratio'
  | 'length'
  | 'depthRate'
  | 'erosivity'
  | 'erodibility'
  | 'dryMatterRate'
  | 'carbonRate'
  | 'energyFlux'
  | 'time'
  | 'density'
  | 'specificEnergy'
  | 'energyPerVolume'
  | 'volumeRatePerArea'
  | 'massRatePerArea'
  | 'co2RatePerArea'
  | 'carbonRatePerArea'
  | 'energyRatePerArea'
  | 'pricePerVolume'
  | 'pricePerMass'
  | 'pricePerTonneC'
  | 'pricePerTonneCo2'
  | 'pricePerEnergy'
  | 'valueRatePerArea'
  | 'index';

interface UnitDef {
  dimension: Dimension;
  /** Multiply a value in this unit by `factor` to get it in the dimension's reference unit (the first listed). */
  factor: number;
}

// Written with the symbols users type; keys are normalised by normalizeUnit (NFKC folds ² ³ ₂ to digits).
const UNIT_TABLE: [string, Dimension, number][] = [
  ['1', 'ratio', 1],
  ['%', 'ratio', 0.01],
  ['m', 'length', 1],
  ['mm', 'length', 0.001],
  ['cm', 'length', 0.01],
  ['mm/a', 'depthRate', 1],
  ['m/a', 'depthRate', 1000],
  // Erosivity R and erodibility K in SI (docs/methods/regulating-services.md §3.2): R·K = t/(hm²·a).
  ['MJ·mm/(hm²·h·a)', 'erosivity', 1],
  ['t·hm²·h/(hm²·MJ·mm)', 'erodibility', 1],
  // NPP: 1 g/(m²·a) = 0.01 t/(hm²·a); 1 kg/(m²·a) = 10 t/(hm²·a) (§2 convention 2).
  ['t DM/(hm²·a)', 'dryMatterRate', 1],
  ['g DM/(m²·a)', 'dryMatterRate', 0.01],
  ['kg DM/(m²·a)', 'dryMatterRate', 10],
  ['t C/(hm²·a)', 'carbonRate', 1],
  ['g C/(m²·a)', 'carbonRate', 0.01],
  ['kg C/(m²·a)', 'carbonRate', 10],
  ['kJ/(m²·d)', 'energyFlux', 1],
  ['d', 'time', 1],
  ['t/m³', 'density', 1],
  ['g/cm³', 'density', 1],
  ['kg/m³', 'density', 0.001],
  ['kJ/kg', 'specificEnergy', 1],
  ['J/g', 'specificEnergy', 1],
  ['MJ/kg', 'specificEnergy', 1000],
  ['kWh/m³', 'energyPerVolume', 1],
  // Functional coefficients per m² per year (§4.4).
  ['m³/(m²·a)', 'volumeRatePerArea', 1],
  ['t/(m²·a)', 'massRatePerArea', 1],
  ['t/(hm²·a)', 'massRatePerArea', 1e-4],
  ['t CO₂/(m²·a)', 'co2RatePerArea', 1],
  ['t CO₂/(hm²·a)', 'co2RatePerArea', 1e-4],
  ['t C/(m²·a)', 'carbonRatePerArea', 1],
  ['t O₂/(m²·a)', 'massRatePerArea', 1],
  ['t O₂/(hm²·a)', 'massRatePerArea', 1e-4],
  ['kWh/(m²·a)', 'energyRatePerArea', 1],
  ['元/m³', 'pricePerVolume', 1],
  ['元/t', 'pricePerMass', 1],
  ['元/kg', 'pricePerMass', 1000],
  ['元/t C', 'pricePerTonneC', 1],
  ['元/t CO₂', 'pricePerTonneCo2', 1],
  ['元/t O₂', 'pricePerMass', 1],
  ['元/kWh', 'pricePerEnergy', 1],
  ['元/(m²·a)', 'valueRatePerArea', 1],
  ['index', 'index', 1],
];

const UNITS = new Map<string, UnitDef>(UNIT_TABLE.map(([symbol, dimension, factor]) => [normalizeUnit(symbol), { dimension, factor }]));

/** Every unit symbol the engine accepts, as written in the table (for the parameter form and the docs). */
export const KNOWN_UNITS: readonly string[] = UNIT_TABLE.map(([symbol]) => symbol);

/**
 * The lookup key of a unit as users write it: NFKC folds `m²`→`m2`, `CO₂`→`CO2`; spaces are dropped; `·`, `*` and
 * `.` are the same product sign; `yuan`/`CNY` are 元. Case is kept (`Mm` is not `mm`).
 */
export function normalizeUnit(unit: string): string {
  return unit
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[·*⋅]/g, '.')
    .replace(/^(yuan|CNY|RMB)(?=\/)/i, '元');
}

/** The dimension of a unit, or undefined when the engine does not know it. */
export function unitDimension(unit: string): Dimension | undefined {
  return UNITS.get(normalizeUnit(unit))?.dimension;
}

/** Whether `unit` is a known unit of one of `dimensions`. */
export function unitIsOneOf(unit: string, dimensions: readonly Dimension[]): boolean {
  const d = unitDimension(unit);
  return d !== undefined && dimensions.includes(d);
}

/**
 * Converts `value` to the reference unit of its own dimension (the first unit listed for it, e.g. 't C/(hm²·a)'),
 * for inputs that accept more than one dimension (NPP as dry matter or as carbon).
 * @throws InputError UNIT_UNKNOWN for an unknown unit.
 */
export function toReferenceUnit(value: number, unit: string, name = ''): { value: number; dimension: Dimension } {
  const a = UNITS.get(normalizeUnit(unit));
  if (a === undefined) throw new InputError('UNIT_UNKNOWN', { name, unit, known: KNOWN_UNITS.join(' ') });
  return { value: value * a.factor, dimension: a.dimension };
}

/**
 * Converts `value` from unit `from` to unit `to` (same dimension).
 * @throws InputError UNIT_UNKNOWN when either unit is unknown, UNIT_MISMATCH when the dimensions differ.
 */
export function convertUnit(value: number, from: string, to: string, name = ''): number {
  const a = UNITS.get(normalizeUnit(from));
  const b = UNITS.get(normalizeUnit(to));
  if (a === undefined) throw new InputError('UNIT_UNKNOWN', { name, unit: from, known: KNOWN_UNITS.join(' ') });
  if (b === undefined) throw new InputError('UNIT_UNKNOWN', { name, unit: to, known: KNOWN_UNITS.join(' ') });
  if (a.dimension !== b.dimension) throw new InputError('UNIT_MISMATCH', { name, unit: from, expected: to });
  return a.factor === b.factor ? value : (value * a.factor) / b.factor;
}
