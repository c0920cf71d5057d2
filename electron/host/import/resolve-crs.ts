/**
 * The CRS of an import source from what its files say (a .prj, a GeoPackage SRS row). Turning EPSG codes, .prj text
 * and OGC WKT into a CrsInfo is core's CRS module's job; until it offers that, these return null and a source whose
 * CRS is not given with `--crs` (ImportOptions.crs) is refused with IMPORT_NO_CRS, which names the flag.
 */
import type { CrsInfo } from '#core';
import type { GpkgSrs } from './gpkg-source';

/** The CrsInfo of a shapefile's .prj text, or null when it cannot be told. */
export function resolvePrjCrs(_prj: string): CrsInfo | null {
  return null;
}

/** The CrsInfo of a GeoPackage layer's SRS row, or null when it cannot be told. */
export function resolveGpkgCrs(_srs: GpkgSrs): CrsInfo | null {
  return null;
}
