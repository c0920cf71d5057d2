import type { UiStrings } from './zh';

/** English UI strings; the type makes a missing key a compile error. */
export const en: UiStrings = {
  app: { title: 'VEP Studio — ecosystem product value accounting', loading: 'Loading…' },
  status: { lonLat: 'Lon/Lat', projected: 'Projected' },
};
