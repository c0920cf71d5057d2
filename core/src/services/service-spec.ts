/**
 * The shape of a service declaration (InVEST's MODEL_SPEC idea): each service states once which inputs it reads, in
 * which mode and for which sub-model, what it outputs and in which units, and gives its formulas over named values.
 * Execution (evaluate-piece.ts), validation (validate.ts) and the parameter form all derive from this.
 */
import type { ParameterSetOptions } from '../params/parameter-set';
import type { Bilingual, ServiceId } from './service-ids';
import type { Dimension } from './units';

/** Model mode reads rasters sampled over each piece; coefficient mode uses one coefficient per land class. */
export type Mode = 'model' | 'coefficient';

/** How an input is needed in one mode. An input with no entry for a mode is not used in that mode. */
export type Requirement = 'required' | 'optional' | { requiredUnlessRaster: readonly string[] };

/** One input of one service. */
export interface ServiceInputRef {
  /** An id of services/inputs.ts. */
  input: string;
  /** The name the formulas read it by. Several inputs may share a name: the first available one is used. */
  as: string;
  requiredIf: Partial<Record<Mode, Requirement>>;
  /** The sub-models that read it; absent = all. */
  forms?: readonly string[];
  /** Used only when the parameter-set options match (e.g. carbonBasis 'npp'). */
  when?: Partial<ParameterSetOptions>;
  /** A named conversion applied after the unit conversion (vegetation-cover.ts). */
  transform?: 'vegetationCoverToC';
}

export interface ServiceOutputSpec {
  /** The physical quantity per year, e.g. 'm³/a'. */
  quantityUnit: string;
  /** The unit of the per-m² coefficient the formulas return, e.g. 'm³/(m²·a)'. */
  coefficientUnit: string;
  /** Further quantities proportional to the main one (e.g. t C beside t CO₂). */
  secondary: readonly { id: string; unit: string; label: Bilingual }[];
  /** Named parts of the value (e.g. sediment and nutrients); their sum is the value. */
  valueParts: readonly { id: string; label: Bilingual }[];
  valueUnit: '元/a';
}

/** The declaration of a service: data only, exported for the UI and the docs. */
export interface ServiceSpec {
  id: ServiceId;
  label: Bilingual;
  about: Bilingual;
  /** Where the formulas come from, e.g. 'docs/methods/regulating-services.md §3.1'. */
  method: string;
  /** Sub-models, e.g. flood storage: vegetation, marsh, pond, lake, reservoir. */
  forms: readonly string[];
  inputs: readonly ServiceInputRef[];
  outputs: ServiceOutputSpec;
}

/** Named values of one sample (or of a class, in coefficient mode), in the units of services/inputs.ts. */
export type Vars = Record<string, number>;

export interface FormulaContext {
  form: string;
  options: ParameterSetOptions;
  /** Whether a named value is bound (e.g. a runoff raster instead of α × P). */
  has(name: string): boolean;
  /** The declared dimension of a bound value (NPP in dry matter or in carbon; a carbon price per t C or t CO₂). */
  dimension(name: string): Dimension | undefined;
}

/** A service: its declaration plus the formulas over named values. */
export interface ServiceDefinition {
  spec: ServiceSpec;
  /**
   * The coefficient in spec.outputs.coefficientUnit for one sample or one class, before the clip at 0
   * (the engine clips it, docs/methods/regulating-services.md §2 convention 6).
   */
  coefficient(v: Vars, ctx: FormulaContext): number;
  /** 元 per unit of coefficient (e.g. 元/m³), split into spec.outputs.valueParts. Reads scalars only. */
  unitPrices(v: Vars, ctx: FormulaContext): Record<string, number>;
  /** Secondary quantities per unit of coefficient (e.g. t C per t CO₂). */
  secondary?(v: Vars, ctx: FormulaContext): Record<string, number>;
}
