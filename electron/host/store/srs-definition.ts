/**
 * The OGC WKT written into gpkg_spatial_ref_sys.definition.
 *
 * Core does not write WKT yet. Until it does, the definition is the GeoPackage placeholder "undefined" and readers
 * resolve the CRS through organization/organization_coordsys_id (GDAL, QGIS and ArcGIS all look up "EPSG", n);
 * callers that have a WKT (tests use the one PROJ gives) pass their own {@link SrsDefinition} to the store.
 */
import type { CrsInfo } from '#core';
import type { SrsDefinition } from './spatial-ref-sys';

export const defaultSrsDefinition: SrsDefinition = (_crs: CrsInfo) => 'undefined';
