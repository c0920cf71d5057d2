/**
 * A parameter set is data: every number the services use, each with its unit, source, confidence tag and whether
 * its provenance was verified (docs/methods/regulating-services.md §0.1, §2 convention 7). The runtime schema is in
 * parameter-set-schema.ts; the built-in set in default-set.ts.
 */
import type { Bilingual, ServiceId } from '../services/service-ids';

/** Confidence tags of docs/methods/regulating-services.md §0.1. */
export type ConfidenceTag = 'C' | 'R' | 'R-low' | 'U' | 'D';

/** One number with its provenance. */
export interface ParamValue {
  value: number;
  /** A unit of services/units.ts; converted to the unit the formula uses. */
  unit: string;
  /** A key of {@link ParameterSet.sources}, or null for a user value without a citation. */
  source: string | null;
  tag: ConfidenceTag;
  /** True only when the value was read in its source ([C] tags); outputs list every unverified value they used. */
  verified: boolean;
  /** True for a hypothetical input that makes the engine run, not a recommendation (e.g. the §9 inputs). */
  illustrative?: boolean;
  note?: string;
}

/** A price: a {@link ParamValue} with the year its money is worth (§2 convention 5). */
export interface PriceValue extends ParamValue {
  /** null when the source gives no year; such a price cannot be indexed and the output says so. */
  priceYear: number | null;
}

/** Which flood-storage sub-model a water or vegetated class gets (§3.3). */
export type FloodForm = 'vegetation' | 'marsh' | 'pond' | 'lake' | 'reservoir';
/** Which climate-regulation term a class gets: transpiration or water-surface evaporation, never both (§3.6). */
export type ClimateForm = 'vegetation' | 'water';

/**
 * Inputs of one land class. `code` is a DLBM or a level-1 code; a field missing here is looked up on the next code
 * of the class chain (`0301K` → `0301` → `03`), so a row may override a single input of its level-1 class.
 */
export interface ClassRow {
  code: string;
  /** How the row was made (which worked example, which analogy). */
  basis: string;
  /** Services that are 0 for this class by the rule of §4.4 (built land, water bodies for soil …). */
  zero?: ServiceId[];
  flood?: FloodForm;
  climate?: ClimateForm;
  /** Class input id (services/inputs.ts, type 'class') → value. */
  inputs: Record<string, ParamValue>;
}

/**
 * A class coefficient entered directly (§4.3 item 2): a functional coefficient (quantity per m² per year in the
 * service's coefficient unit, priced by the service's prices, which are indexed) or a value coefficient in
 * 元/(m²·a), taken as money of the accounting year (index it before entering it).
 */
export interface CoefficientRow extends ParamValue {
  code: string;
  service: ServiceId;
  kind: 'functional' | 'value';
}

/** A user-supplied price index (CPI or construction-cost), year → index value (§2 convention 5). */
export interface PriceIndex {
  name: string;
  values: Record<string, number>;
}

export interface ParameterSetOptions {
  /** Carbon and oxygen from NPP (dry matter) or from NEP (§3.4, §3.5). */
  carbonBasis: 'npp' | 'nep';
  /** S5's soil-carbon add-on F (§3.4); off by default. */
  soilCarbonAddOn: boolean;
  /** Divide the water-surface cooling term by the EER as well (§3.6); the published form does not. */
  divideWaterCoolingByEER: boolean;
}

/** Documentation carried by `vep params --template` (the engine ignores it): the raster inputs a run may bind. */
export interface ParameterSetDocumentation {
  rasters: { id: string; unit: string; label: Bilingual; about: Bilingual }[];
}

export interface ParameterSet {
  format: 'vep-parameter-set';
  formatVersion: 1;
  id: string;
  label: Bilingual;
  /** Printed in every output that uses this set (e.g. "coefficients are illustrative, not Anji's"); null for none. */
  notice: Bilingual | null;
  /** True when class coefficients or zone inputs are illustrative rather than calibrated. */
  illustrative: boolean;
  /** Source id → citation (docs/methods/regulating-services.md §0.2). */
  sources: Record<string, string>;
  options: ParameterSetOptions;
  prices: Record<string, PriceValue>;
  constants: Record<string, ParamValue>;
  /** Zone-level climate inputs of the class-coefficient variants. */
  zone: Record<string, ParamValue>;
  classes: ClassRow[];
  coefficients: CoefficientRow[];
  priceIndex: PriceIndex | null;
  documentation?: ParameterSetDocumentation;
}
