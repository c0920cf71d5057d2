/**
 * The 三调 ellipsoidal area (docs/methods/sandiao-data.md §6.1) stored with each imported polygon (column
 * vep_area_m2). Core's geometry module computes it; until it offers `ellipsoidalAreaM2`, imports store no area
 * column (LayerWriterSpec.areaM2 stays undefined) and the accounting computes areas itself.
 */
import type { CrsInfo, PolygonalGeometry } from '#core';

/** The area function for a layer in `crs`, or undefined when none is available. */
export function areaFunctionFor(_crs: CrsInfo | null): ((g: PolygonalGeometry) => number) | undefined {
  return undefined;
}
