/**
 * What the parameter form shows for one service in one mode: the catalogue entries of the inputs the service reads
 * there, with whether each is required (services/inputs.ts + the service spec, joined). Derived, never written twice.
 */
import type { ParameterSetOptions } from '../params/parameter-set';
import { inputDef, type InputDef } from './inputs';
import { isRequired } from './resolve-inputs';
import type { ServiceId } from './service-ids';
import type { Mode } from './service-spec';
import { serviceDefinition } from './services';

export interface FormField extends InputDef {
  /** The name the formulas read it by. */
  as: string;
  required: boolean;
  /** Sub-models that read it (all when absent). */
  forms?: readonly string[];
}

/**
 * The fields of a service's form.
 * @param rasterIds the rasters the user has given (an input required "unless a raster" is then optional).
 */
export function serviceFormFields(service: ServiceId, mode: Mode, options: ParameterSetOptions, rasterIds: ReadonlySet<string> = new Set()): FormField[] {
  const rasters = new Map([...rasterIds].map((id) => [id, '']));
  return serviceDefinition(service)
    .spec.inputs.filter((ref) => ref.requiredIf[mode] !== undefined)
    .filter((ref) => ref.when === undefined || Object.entries(ref.when).every(([k, v]) => options[k as keyof ParameterSetOptions] === v))
    .map((ref) => ({ ...inputDef(ref.input), as: ref.as, required: isRequired(ref.requiredIf[mode]!, rasters), ...(ref.forms ? { forms: ref.forms } : {}) }));
}
