/**
 * The OGC WKT written into gpkg_spatial_ref_sys.definition (GeoPackage 1.3 §1.1.2.1.1): core's crsToOgcWkt, the
 * form GDAL writes (`gdalsrsinfo -o wkt1`), so GDAL, QGIS and ArcGIS read the same CRS from the definition as from
 * the EPSG code beside it.
 */
import { crsToOgcWkt } from '#core';
import type { SrsDefinition } from './spatial-ref-sys';

export const defaultSrsDefinition: SrsDefinition = crsToOgcWkt;
