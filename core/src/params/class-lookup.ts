/**
 * Looking a land class up in a parameter set through the class chain (`0301K` → `0301` → `03`,
 * core/src/landclass/land-class.ts): K/A codes map like their base code, level-1 rows apply to their children, and
 * the most specific row that states a field wins, field by field.
 */
import { landClassLookupChain } from '../landclass/land-class';
import type { ServiceId } from '../services/service-ids';
import type { ClassRow, ClimateForm, CoefficientRow, FloodForm, ParameterSet, ParamValue } from './parameter-set';

/** A class input found in the set, with the JSON path it came from (for provenance and the unverified list). */
export interface FoundValue {
  value: ParamValue;
  path: string;
}

/** The merged view of one DLBM's class rows. */
export interface ResolvedClass {
  dlbm: string;
  /** The codes tried, most specific first. */
  chain: string[];
  /** Codes of the rows that matched, most specific first (empty when the set knows nothing of this class). */
  rowCodes: string[];
  /** Bases of the matched rows, most specific first. */
  bases: string[];
  zero: readonly ServiceId[];
  flood: FloodForm;
  climate: ClimateForm;
  input(id: string): FoundValue | undefined;
}

/** Indexes a parameter set's class rows and coefficient rows for repeated lookups. */
export class ClassIndex {
  private readonly rows = new Map<string, { row: ClassRow }>();
  private readonly coefficients = new Map<string, { row: CoefficientRow }>();
  private readonly cache = new Map<string, ResolvedClass>();

  constructor(set: ParameterSet) {
    for (const row of set.classes) this.rows.set(row.code, { row });
    for (const row of set.coefficients) this.coefficients.set(`${row.code}|${row.service}`, { row });
  }

  /** The merged class rows of a DLBM (cached). */
  resolve(dlbm: string): ResolvedClass {
    const hit = this.cache.get(dlbm);
    if (hit) return hit;
    const chain = landClassLookupChain(dlbm);
    const matched = chain.flatMap((code) => {
      const r = this.rows.get(code);
      return r ? [r] : [];
    });
    const first = <K extends 'zero' | 'flood' | 'climate'>(key: K): ClassRow[K] | undefined => matched.find((m) => m.row[key] !== undefined)?.row[key];
    const resolved: ResolvedClass = {
      dlbm,
      chain,
      rowCodes: matched.map((m) => m.row.code),
      bases: matched.map((m) => m.row.basis),
      zero: first('zero') ?? [],
      flood: first('flood') ?? 'vegetation',
      climate: first('climate') ?? 'vegetation',
      input(id) {
        for (const m of matched) {
          const value = m.row.inputs[id];
          if (value !== undefined) return { value, path: `classes.${m.row.code}.inputs.${id}` };
        }
        return undefined;
      },
    };
    this.cache.set(dlbm, resolved);
    return resolved;
  }

  /** The directly entered coefficient of a DLBM for a service, most specific code first. */
  coefficient(dlbm: string, service: ServiceId): { row: CoefficientRow; path: string } | undefined {
    for (const code of landClassLookupChain(dlbm)) {
      const c = this.coefficients.get(`${code}|${service}`);
      if (c) return { row: c.row, path: `coefficients.${code}.${service}` };
    }
    return undefined;
  }
}
