/**
 * Binds a service's declared inputs for one land class and mode: which value each formula name reads, converted
 * from its declared unit to the unit of the input catalogue, and which required inputs are missing. This is the
 * "execute derives from the spec" half: the formulas never see a unit or a parameter path.
 */
import { InputError } from '../errors';
import type { ClassIndex, ResolvedClass } from '../params/class-lookup';
import type { ParameterSet, ParamValue } from '../params/parameter-set';
import type { IndexedPrice } from '../params/price-index';
import { inputDef, type InputDef } from './inputs';
import type { Mode, Requirement, ServiceDefinition, ServiceInputRef, Vars } from './service-spec';
import { convertUnit, toReferenceUnit, unitDimension, type Dimension } from './units';
import { vegetationCoverToC } from './vegetation-cover';
import type { WaterBody } from './water-bodies';

/** What a run provides besides the pieces. */
export interface RunInputs {
  set: ParameterSet;
  classes: ClassIndex;
  /** Raster ids sampled for this run → their declared unit. */
  rasterUnits: ReadonlyMap<string, string>;
  /** Prices after indexing to the accounting year (price-index.ts), by input id. */
  prices: Readonly<Record<string, IndexedPrice>>;
  waterBodies: ReadonlyMap<string, WaterBody>;
  /** Parameter paths read so far; the run lists the unverified ones. */
  used: Set<string>;
}

/** A raster a formula name reads, with the factor from its declared unit. */
export interface RasterBinding {
  name: string;
  rasterId: string;
  factor: number;
  transform?: ServiceInputRef['transform'];
}

/** The bindings of one service for one class and mode. */
export interface ClassBindings {
  form: string;
  scalars: Vars;
  rasters: RasterBinding[];
  dimensions: Record<string, Dimension>;
  /** Required input ids with no value. */
  missing: string[];
  /** Whether the form reads the lake/reservoir register (bound per piece). */
  needsWaterBody: boolean;
}

/** The sub-model a class gets for a service (its flood or climate form; one form for the others). */
export function formFor(def: ServiceDefinition, cls: ResolvedClass): string {
  if (def.spec.id === 'flood_storage') return cls.flood;
  if (def.spec.id === 'climate_regulation') return cls.climate;
  return def.spec.forms[0];
}

/** Whether an input ref is read in this mode, for this form and these options. */
export function refApplies(ref: ServiceInputRef, mode: Mode, form: string, options: ParameterSet['options']): boolean {
  if (ref.requiredIf[mode] === undefined) return false;
  if (ref.forms !== undefined && !ref.forms.includes(form)) return false;
  if (ref.when !== undefined) {
    for (const [k, v] of Object.entries(ref.when)) if (options[k as keyof typeof options] !== v) return false;
  }
  return true;
}

/** Whether a missing input of this requirement makes the service unavailable, given the run's rasters. */
export function isRequired(req: Requirement, rasters: ReadonlyMap<string, string>): boolean {
  if (req === 'required') return true;
  if (req === 'optional') return false;
  return !req.requiredUnlessRaster.some((id) => rasters.has(id));
}

/**
 * Binds the inputs of `def` for one class.
 * @param only restricts binding to these input types (e.g. prices and constants for a directly entered coefficient).
 * @throws InputError UNIT_UNKNOWN / UNIT_MISMATCH for a value whose unit does not fit (validate first to get issues).
 */
export function bindInputs(def: ServiceDefinition, mode: Mode, cls: ResolvedClass, run: RunInputs, only?: readonly InputDef['type'][]): ClassBindings {
  const form = formFor(def, cls);
  const out: ClassBindings = { form, scalars: {}, rasters: [], dimensions: {}, missing: [], needsWaterBody: false };
  const bound = new Set<string>();
  for (const ref of def.spec.inputs) {
    if (!refApplies(ref, mode, form, run.set.options) || bound.has(ref.as)) continue;
    const d = inputDef(ref.input);
    if (only !== undefined && !only.includes(d.type)) continue;
    if (d.type === 'register') {
      out.needsWaterBody = true;
      bound.add(ref.as);
      continue;
    }
    if (d.type === 'raster') {
      const unit = run.rasterUnits.get(d.id);
      if (unit === undefined) continue;
      const { factor, dimension } = conversion(d, unit, d.id);
      out.rasters.push({ name: ref.as, rasterId: d.id, factor, ...(ref.transform ? { transform: ref.transform } : {}) });
      out.dimensions[ref.as] = dimension;
      bound.add(ref.as);
      continue;
    }
    const found = lookup(d, cls, run);
    if (found === undefined) {
      if (isRequired(ref.requiredIf[mode]!, run.rasterUnits)) out.missing.push(d.id);
      continue;
    }
    run.used.add(found.path);
    const { factor, dimension } = conversion(d, found.value.unit, found.path);
    let value = found.priceValue ?? found.value.value;
    value *= factor;
    if (ref.transform === 'vegetationCoverToC') value = vegetationCoverToC(value);
    out.scalars[ref.as] = value;
    out.dimensions[ref.as] = dimension;
    bound.add(ref.as);
  }
  return out;
}

interface Found {
  value: ParamValue;
  path: string;
  /** For prices: the value after indexing. */
  priceValue?: number;
}

function lookup(d: InputDef, cls: ResolvedClass, run: RunInputs): Found | undefined {
  switch (d.type) {
    case 'class':
      return cls.input(d.id);
    case 'zone':
      return at(run.set.zone[d.id], `zone.${d.id}`);
    case 'constant':
      return at(run.set.constants[d.id], `constants.${d.id}`);
    case 'price': {
      const p = run.set.prices[d.id];
      if (p === undefined) return undefined;
      return { value: p, path: `prices.${d.id}`, priceValue: run.prices[d.id]?.value ?? p.value };
    }
    default:
      return undefined;
  }
}

function at(value: ParamValue | undefined, path: string): Found | undefined {
  return value === undefined ? undefined : { value, path };
}

/**
 * The factor from a declared unit to the catalogue unit. An input that accepts several dimensions (NPP: dry matter
 * or carbon; a carbon price: per t C or per t CO₂) is brought to the reference unit of its declared dimension and
 * the formula converts between dimensions itself.
 */
function conversion(d: InputDef, unit: string, name: string): { factor: number; dimension: Dimension } {
  const dimension = unitDimension(unit);
  if (dimension === undefined || !d.accepts.includes(dimension)) {
    throw new InputError(dimension === undefined ? 'UNIT_UNKNOWN' : 'UNIT_NOT_ACCEPTED', { name, unit, expected: d.unit, known: '' });
  }
  if (dimension === unitDimension(d.unit)) return { factor: convertUnit(1, unit, d.unit, name), dimension };
  return { factor: toReferenceUnit(1, unit, name).value, dimension };
}
