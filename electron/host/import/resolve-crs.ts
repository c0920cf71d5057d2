/**
 * The CRS of an import source from what its files say, through core's CRS module: a .prj (ESRI or OGC WKT), a
 * GeoPackage SRS row (its EPSG code, else its WKT definition). A source that says nothing usable and gets no `--crs`
 * (ImportOptions.crs) is refused by the import with IMPORT_NO_CRS, which names the flag.
 */
import { crsFromEpsg, crsFromWkt, type CrsInfo } from '#core';
import type { GpkgSrs } from './gpkg-source';

/**
 * The CrsInfo of a shapefile's .prj text.
 * @throws InputError CRS_UNPARSEABLE / CRS_UNSUPPORTED naming the .prj (both messages point to `--crs`).
 */
export function resolvePrjCrs(prj: string, file: string): CrsInfo | null {
  return prj.trim() === '' ? null : crsFromWkt(prj, { source: file });
}

/**
 * The CrsInfo of a GeoPackage layer's SRS row, or null when it cannot be told.
 * @throws InputError CRS_* when the row's WKT is present but unusable.
 */
export function resolveGpkgCrs(srs: GpkgSrs, file: string): CrsInfo | null {
  if (srs.organization.toUpperCase() === 'EPSG') {
    const known = crsFromEpsg(srs.organizationCoordsysId);
    if (known) return known;
  }
  const wkt = srs.definition.trim();
  return wkt === '' || wkt === 'undefined' ? null : crsFromWkt(wkt, { source: `${file} (srs_id ${srs.srsId})` });
}
