/**
 * The six services in output order, and their declarations as plain data for the parameter form and the docs.
 */
import { carbonSequestration } from './carbon-sequestration';
import { climateRegulation } from './climate-regulation';
import { floodStorage } from './flood-storage';
import { oxygenRelease } from './oxygen-release';
import type { ServiceId } from './service-ids';
import type { ServiceDefinition, ServiceSpec } from './service-spec';
import { soilConservation } from './soil-conservation';
import { waterRetention } from './water-retention';

/** Service definitions (spec + formulas) in the fixed output order. */
export const SERVICES: readonly ServiceDefinition[] = [waterRetention, soilConservation, floodStorage, carbonSequestration, oxygenRelease, climateRegulation];

/** The service declarations as data: what the UI builds its parameter form from. */
export const SERVICE_SPECS: readonly ServiceSpec[] = SERVICES.map((s) => s.spec);

const byId = new Map(SERVICES.map((s) => [s.spec.id, s]));

export function serviceDefinition(id: ServiceId): ServiceDefinition {
  return byId.get(id)!; // every ServiceId is in SERVICES (services.test.ts)
}
