/**
 * Which mode each service runs in (docs/design/cli.md `--mode`): by default model mode for every service whose
 * model-mode rasters are all given, coefficient mode for the rest; the user may force either.
 */
import type { ParameterSetOptions } from '../params/parameter-set';
import { inputDef } from './inputs';
import { SERVICE_IDS, type ServiceId } from './service-ids';
import type { Mode, ServiceSpec } from './service-spec';
import { serviceDefinition } from './services';

export type ModeChoice = Mode | 'auto';

/** The rasters a service needs in model mode under these options (the ones whose absence rules model mode out). */
export function modelRasters(spec: ServiceSpec, options: ParameterSetOptions): string[] {
  const ids = spec.inputs
    .filter((ref) => ref.requiredIf.model === 'required' && inputDef(ref.input).type === 'raster')
    .filter((ref) => ref.when === undefined || Object.entries(ref.when).every(([k, v]) => options[k as keyof ParameterSetOptions] === v))
    .map((ref) => ref.input);
  return [...new Set(ids)];
}

/**
 * The mode of every service.
 * @param choices per service: 'model', 'coefficient' or 'auto' (the default).
 * @param rasterIds the rasters sampled for the run.
 * @returns the mode per service, and for each forced model mode the rasters that are missing (validation reports them).
 */
export function resolveModes(
  choices: Partial<Record<ServiceId, ModeChoice>>,
  rasterIds: ReadonlySet<string>,
  options: ParameterSetOptions,
): { modes: Record<ServiceId, Mode>; missing: Partial<Record<ServiceId, string[]>> } {
  const modes = {} as Record<ServiceId, Mode>;
  const missing: Partial<Record<ServiceId, string[]>> = {};
  for (const id of SERVICE_IDS) {
    const need = modelRasters(serviceDefinition(id).spec, options);
    const absent = need.filter((r) => !rasterIds.has(r));
    const choice = choices[id] ?? 'auto';
    if (choice === 'model' && absent.length > 0) missing[id] = absent;
    modes[id] = choice === 'auto' ? (absent.length === 0 ? 'model' : 'coefficient') : choice;
  }
  return { modes, missing };
}
