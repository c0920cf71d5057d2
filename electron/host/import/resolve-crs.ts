/**
 * The CRS of an import source from what its files say. Core's CRS module turns EPSG codes, `.prj` text and OGC WKT
 * into CrsInfo; until it offers that, a source whose CRS is not given with `--crs` (ImportOptions.crs) is refused
 * with IMPORT_NO_CRS, which names the flag.
 */
import type { CrsInfo } from '#core';
import type { GpkgSrs } from './gpkg-source';

/** The CrsInfo of a GeoPackage layer's SRS row, or null when it cannot be told. */
export function resolveGpkgCrs(_srs: GpkgSrs): CrsInfo | null {
  return null;
}
