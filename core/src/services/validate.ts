/**
 * Validation derived from the input catalogue and the service specs: issues as data, never thrown.
 *
 *  - validateParameterSet: every value has a known unit of an accepted dimension and lies in range; ids are known;
 *    a carbon price says per t C or per t CO₂; class and coefficient rows are not duplicated.
 *  - validateServiceInputs: for the classes of a run and the chosen modes, which required inputs are missing
 *    (warnings: the service is then unavailable for that class, and the output marks it).
 */
import { findLandClass } from '../landclass/land-class';
import { ClassIndex } from '../params/class-lookup';
import type { ParameterSet, ParamValue } from '../params/parameter-set';
import { INPUT_DEFS, type InputDef, type InputType } from './inputs';
import { issue, type Issue } from './issue';
import { bindInputs, type RunInputs } from './resolve-inputs';
import { SERVICE_IDS, type ServiceId } from './service-ids';
import type { Mode } from './service-spec';
import { serviceDefinition } from './services';
import { convertUnit, normalizeUnit, unitDimension } from './units';

const defsByType = (type: InputType) => new Map(INPUT_DEFS.filter((d) => d.type === type).map((d) => [d.id, d]));
const PRICE_DEFS = defsByType('price');
const CONSTANT_DEFS = defsByType('constant');
const ZONE_DEFS = defsByType('zone');
const CLASS_DEFS = defsByType('class');

/** Checks a parameter set's values against the input catalogue. */
export function validateParameterSet(set: ParameterSet): Issue[] {
  const issues: Issue[] = [];
  checkRecord(set.prices, PRICE_DEFS, 'prices', set, issues);
  checkRecord(set.constants, CONSTANT_DEFS, 'constants', set, issues);
  checkRecord(set.zone, ZONE_DEFS, 'zone', set, issues);
  const seen = new Set<string>();
  for (const row of set.classes) {
    const path = `classes.${row.code}`;
    if (seen.has(row.code)) issues.push(issue(path, 'PARAM_DUPLICATE_CLASS', 'error', { code: row.code }));
    seen.add(row.code);
    if (findLandClass(row.code) === undefined) issues.push(issue(path, 'PARAM_CLASS_UNKNOWN', 'warning', { code: row.code }));
    checkRecord(row.inputs, CLASS_DEFS, `${path}.inputs`, set, issues);
  }
  const seenCoef = new Set<string>();
  for (const row of set.coefficients) {
    const path = `coefficients.${row.code}.${row.service}`;
    if (seenCoef.has(`${row.code}|${row.service}`)) issues.push(issue(path, 'PARAM_DUPLICATE_COEFFICIENT', 'error', { code: row.code, service: row.service }));
    seenCoef.add(`${row.code}|${row.service}`);
    if (findLandClass(row.code) === undefined) issues.push(issue(path, 'PARAM_CLASS_UNKNOWN', 'warning', { code: row.code }));
    const expected = row.kind === 'value' ? '元/(m²·a)' : serviceDefinition(row.service).spec.outputs.coefficientUnit;
    if (unitDimension(row.unit) !== unitDimension(expected)) {
      issues.push(issue(`${path}.unit`, 'PARAM_UNIT_NOT_ACCEPTED', 'error', { path, unit: row.unit, expected }));
    }
    checkSource(row, path, set, issues);
  }
  if (set.options.soilCarbonAddOn && set.options.carbonBasis === 'nep') {
    issues.push(issue('options.soilCarbonAddOn', 'PARAM_SOIL_CARBON_WITH_NEP', 'warning'));
  }
  return issues;
}

function checkRecord(record: Record<string, ParamValue>, defs: Map<string, InputDef>, prefix: string, set: ParameterSet, issues: Issue[]): void {
  for (const key of Object.keys(record).sort()) {
    const path = `${prefix}.${key}`;
    const d = defs.get(key);
    if (d === undefined) {
      issues.push(issue(path, 'PARAM_UNKNOWN_INPUT', 'warning', { path, known: [...defs.keys()].join(', ') }));
      continue;
    }
    checkValue(record[key], d, path, issues);
    checkSource(record[key], path, set, issues);
  }
}

function checkValue(v: ParamValue, d: InputDef, path: string, issues: Issue[]): void {
  const dimension = unitDimension(v.unit);
  if (dimension === undefined) {
    // A carbon price in bare 元/t is the §3.4 trap: say which choice is needed, not only that the unit is unknown.
    const code = d.id === 'carbonPrice' && normalizeUnit(v.unit) === normalizeUnit('元/t') ? 'CARBON_PRICE_UNIT_AMBIGUOUS' : 'PARAM_UNIT_UNKNOWN';
    issues.push(issue(`${path}.unit`, code, 'error', { path, unit: v.unit, expected: d.unit }));
    return;
  }
  if (!d.accepts.includes(dimension)) {
    const code = d.id === 'carbonPrice' ? 'CARBON_PRICE_UNIT_AMBIGUOUS' : 'PARAM_UNIT_NOT_ACCEPTED';
    issues.push(issue(`${path}.unit`, code, 'error', { path, unit: v.unit, expected: d.unit }));
    return;
  }
  if (d.range === undefined || dimension !== unitDimension(d.unit)) return;
  const x = convertUnit(v.value, v.unit, d.unit);
  const { min, max } = d.range;
  if ((min !== undefined && x < min) || (max !== undefined && x > max)) {
    issues.push(issue(`${path}.value`, 'PARAM_OUT_OF_RANGE', 'error', { path, value: v.value, unit: v.unit, min: min ?? '−∞', max: max ?? '∞', rangeUnit: d.unit }));
  }
}

function checkSource(v: ParamValue, path: string, set: ParameterSet, issues: Issue[]): void {
  if (v.source !== null && set.sources[v.source] === undefined) issues.push(issue(`${path}.source`, 'PARAM_SOURCE_UNKNOWN', 'warning', { path, source: v.source }));
}

/**
 * Checks a raster's declared unit: known, of a dimension the input accepts. NPP must declare its unit (dry matter
 * or carbon, §3.4); the other rasters default to the catalogue unit.
 */
export function validateRasterUnits(rasterUnits: Readonly<Record<string, string | undefined>>): Issue[] {
  const issues: Issue[] = [];
  for (const id of Object.keys(rasterUnits).sort()) {
    const path = `rasters.${id}`;
    const d = INPUT_DEFS.find((x) => x.id === id && x.type === 'raster');
    if (d === undefined) {
      issues.push(issue(path, 'RASTER_INPUT_UNKNOWN', 'warning', { id, known: INPUT_DEFS.filter((x) => x.type === 'raster').map((x) => x.id).join(', ') }));
      continue;
    }
    const unit = rasterUnits[id];
    if (unit === undefined) {
      if (d.accepts.length > 1) issues.push(issue(`${path}.unit`, 'RASTER_UNIT_REQUIRED', 'error', { id, units: 't DM/(hm²·a), g C/(m²·a), kg C/(m²·a) …' }));
      continue;
    }
    const dimension = unitDimension(unit);
    if (dimension === undefined || !d.accepts.includes(dimension)) {
      issues.push(issue(`${path}.unit`, dimension === undefined ? 'PARAM_UNIT_UNKNOWN' : 'PARAM_UNIT_NOT_ACCEPTED', 'error', { path, unit, expected: d.unit }));
    }
  }
  return issues;
}

/**
 * For every land class of a run and every service in its mode, the required inputs the set lacks (one warning per
 * class and service: the service is unavailable for that class). Run {@link validateParameterSet} first: a value
 * with a bad unit throws here.
 */
export function validateServiceInputs(set: ParameterSet, dlbms: readonly string[], modes: Record<ServiceId, Mode>, rasterUnits: ReadonlyMap<string, string>): Issue[] {
  const run: RunInputs = { set, classes: new ClassIndex(set), rasterUnits, prices: {}, waterBodies: new Map(), used: new Set() };
  const issues: Issue[] = [];
  for (const dlbm of [...new Set(dlbms)].sort()) {
    const cls = run.classes.resolve(dlbm);
    for (const id of SERVICE_IDS) {
      if (cls.zero.includes(id) || (modes[id] === 'coefficient' && run.classes.coefficient(dlbm, id) !== undefined)) continue;
      const b = bindInputs(serviceDefinition(id), modes[id], cls, run);
      if (b.missing.length > 0) issues.push(issue(`classes.${dlbm}`, 'SERVICE_INPUT_MISSING', 'warning', { service: id, dlbm, inputs: b.missing }));
    }
  }
  return issues;
}
