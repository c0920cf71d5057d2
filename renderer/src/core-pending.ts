/**
 * Core pieces the renderer uses that core's public index (`#core`) does not list yet. Kept in this one file so the
 * switch to `#core` is one edit when they are exported. Everything here is pure core code or types.
 */
export { LAND_CLASSES, type LandClass } from '../../core/src/landclass/land-class-table';
export { findLandClass, landClassLevel1, landClassLookupChain } from '../../core/src/landclass/land-class';

/**
 * Fill colour of a 三调 land class. Until core's official colour table (landclass/land-class-colors.ts) is in,
 * each level-1 class gets one colour close to the 三调 cartographic convention; every code of the class shares it.
 */
const LEVEL1_COLOURS: Record<string, string> = {
  '00': '#7fd4e0', '01': '#f5e48c', '02': '#e6b3e6', '03': '#41a85f', '04': '#b4d77a', '05': '#ef6b6b', '06': '#b08a6e',
  '07': '#f29b74', '08': '#f07fb0', '09': '#9a7fd1', '10': '#a9a9a9', '11': '#5aa6e0', '12': '#d9cfa7',
};

import { landClassLevel1 as level1Of } from '../../core/src/landclass/land-class';

export function landClassColor(dlbm: string): string {
  return LEVEL1_COLOURS[level1Of(dlbm) ?? ''] ?? '#cccccc';
}
