/**
 * Cases per CI run for each fuzz target, sized so the whole fuzz suite stays within about a minute on two cores
 * (VEP_FUZZ_SCALE or VEP_FUZZ_CASES for longer local runs). Kept apart from fuzz-targets.ts so the test process
 * never loads the readers outside the guarded worker.
 */
export const TARGET_CASES = {
  shapefile: 1500,
  dbf: 1500,
  zip: 800,
  wkt: 2500,
  geotiff: 1200,
  'coordinates-txt': 2000,
  geojson: 2000,
  kml: 2000,
  'gpkg-geometry': 4000,
} as const;
