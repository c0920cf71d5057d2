/**
 * The six regulating services of the Anji land-transfer method (docs/methods/regulating-services.md §1, §5.1), in the
 * fixed order of the `vep account` output (docs/design/cli.md).
 */
export const SERVICE_IDS = [
  'water_retention',
  'soil_conservation',
  'flood_storage',
  'carbon_sequestration',
  'oxygen_release',
  'climate_regulation',
] as const;

export type ServiceId = (typeof SERVICE_IDS)[number];

export function isServiceId(s: string): s is ServiceId {
  return (SERVICE_IDS as readonly string[]).includes(s);
}

/** A text in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}
