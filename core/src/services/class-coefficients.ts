/**
 * The class-coefficient table a parameter set implies (docs/methods/regulating-services.md §4.3 item 2, §4.4): for
 * every land class and service, the functional coefficient (quantity per m² per year) and the value coefficient
 * (元/(m²·a)) that coefficient mode would use — derived from the zone and class inputs, or entered directly.
 * docs/methods/parameters.md prints it; `coefficientTableFromClasses` turns it into a `--coefficients` CSV.
 */
import { LAND_CLASSES } from '../landclass/land-class-table';
import type { CoefficientTable } from '../params/coefficient-table';
import type { ParameterSet } from '../params/parameter-set';
import { ServiceEvaluator, type PieceStatus } from './evaluate-piece';
import { prepareRun } from './prepare-run';
import { SERVICE_IDS, type ServiceId } from './service-ids';
import { serviceDefinition } from './services';

export interface ClassCoefficient {
  /** In the service's coefficient unit; null when unavailable or entered as a value. */
  coefficient: number | null;
  coefficientUnit: string;
  /** 元/(m²·a); null when unavailable (a missing input, or a lake/reservoir that needs its register). */
  valuePerM2: number | null;
  status: PieceStatus;
  form: string;
}

export interface ClassCoefficientRow {
  code: string;
  nameZh: string;
  services: Record<ServiceId, ClassCoefficient>;
}

/**
 * Derives the class coefficients of a set for the given codes (default: every level-1 and level-2 code of the 三调
 * table, K/A/H codes included). Prices are taken at their own years.
 */
export function deriveClassCoefficients(set: ParameterSet, codes: readonly string[] = LAND_CLASSES.filter((c) => c.kind !== 'czcsxm').map((c) => c.code)): ClassCoefficientRow[] {
  const run = prepareRun(set);
  const evaluators = SERVICE_IDS.map((id) => new ServiceEvaluator(serviceDefinition(id), 'coefficient', run));
  return codes.map((code) => {
    const services = {} as Record<ServiceId, ClassCoefficient>;
    SERVICE_IDS.forEach((id, k) => {
      const r = evaluators[k].evaluate({ dlbm: code, areaM2: 1 });
      services[id] = { coefficient: r.coefficient, coefficientUnit: serviceDefinition(id).spec.outputs.coefficientUnit, valuePerM2: r.value, status: r.status, form: r.form };
    });
    return { code, nameZh: LAND_CLASSES.find((c) => c.code === code)?.nameZh ?? '', services };
  });
}

/** The value coefficients as a `--coefficients` table (null where unavailable). */
export function coefficientTableFromClasses(rows: readonly ClassCoefficientRow[], name: string): CoefficientTable {
  return {
    name,
    rows: rows.map((r) => {
      const values = {} as Record<ServiceId, number | null>;
      for (const id of SERVICE_IDS) values[id] = r.services[id].valuePerM2;
      return { code: r.code, values };
    }),
  };
}
