/**
 * The public API of the VEP Studio engine. Everything not exported here is internal to core.
 * Bytes in, data out: no DOM, no Node, no Electron (see core/README.md).
 */

// Lingua franca and errors
export * from './types';
export * from './errors';
export { formatMessage, isMessageCode, type Lang, type MessageCode, type MessageDetails } from './messages/index';
export type { CrsInfo, TransverseMercatorParams } from './crs/crs-info';
export { ELLIPSOIDS, type Ellipsoid, type EllipsoidId } from './crs/ellipsoid';
export type { VectorFormat, VectorLayerInfo, VectorSource } from './io/vector-source';
export type { PieceSamples } from './raster/samples';

// io: vector formats
export { DEFAULT_KML_MAX_BYTES, openKml, type KmlOptions } from './io/kml/kml-reader';
export { kmlChunks, writeKml, type WriteKmlOptions } from './io/kml/kml-writer';
export { DEFAULT_GEOJSON_MAX_BYTES, geoJsonChunks, openGeoJson, writeGeoJson, type GeoJsonOptions, type WriteGeoJsonOptions } from './io/geojson';
export { canonicalDltbField, detectDltbSchema, mapDltbFields, type DltbSchema } from './io/dltb-schema/dltb-fields';
export { validateDltb, type DltbReport, type ValidateDltbOptions } from './io/dltb-schema/validate-dltb';
export { openCoordinatesTxt, PARCEL_FIELDS, type CoordinatesTxtOptions, type CoordinatesTxtSource } from './io/coordinates-txt/coordinates-txt-reader';
export { formatCoordinatesTxt, writeCoordinatesTxt, type CoordinatesTxtParcel, type WriteCoordinatesTxtOptions } from './io/coordinates-txt/coordinates-txt-writer';
export { openShapefile, type ShapeRecord, type ShapefileFiles, type ShapefileOptions, type ShapefileSource } from './io/shapefile/shapefile-reader';
export type { ShapeGeometry } from './io/shapefile/shape-geometry';
export { writeShapefile, type WriteShapefileOptions, type WrittenShapefile } from './io/shapefile/shapefile-writer';
export { openDbfTable } from './io/dbf/dbf-table';
export type { DbfOptions } from './io/dbf/dbf-reader';
export { writeDbf, type WriteDbfOptions, type WriteDbfResult } from './io/dbf/dbf-writer';
export { DEFAULT_ZIP_LIMITS, listZipLayers, readZipShapefile, type ZipLimits, type ZipOptions, type ZipShapefileFiles, type ZipShapefileLayer } from './io/zip';
export { encodingFromLabel, type TextEncoding } from './io/text-codec';

// crs
export { createTransform, transformGeometry, type CrsTransform } from './crs/transform';
export { reconcileCrsWithExtent, type CrsReconciliation } from './crs/reconcile-crs-extent';
export { crsFromWkt, type CrsSourceOptions } from './crs/crs-from-wkt';
export { crsFromUserInput, epsgCodeOf } from './crs/crs-from-user-input';
export { crsFromEpsg, utmCrs } from './crs/crs-from-epsg';
export { crsToOgcWkt } from './crs/crs-to-ogc-wkt';
export { crsToEsriWkt } from './crs/crs-to-esri-wkt';
export { gaussKrugerCrs, geographicCrs, knownCrsFromEpsg, WEB_MERCATOR, zoneOfEpsg, type ChineseDatum, type GaussKrugerZone } from './crs/zone-table';

// io: rasters and raster analysis
export { openGeoTiff, type GeoTiffFormat, type GeoTiffReader, type OpenGeoTiffOptions } from './io/geotiff/geotiff-reader';
export { writeGeoTiff, type WriteGeoTiffOptions } from './io/geotiff/geotiff-writer';
export { createRasterArray, DATA_TYPE_BYTES, type Raster, type RasterArray, type RasterDataType, type RasterInfo, type RasterSource, type RasterWarning, type RasterWindow } from './raster/raster';
export { cellArea, invertGeoTransform, isNorthUp, pixelToWorld, rasterExtent, worldToPixel, type GeoTransform } from './raster/geo-transform';
export { memoryRasterSource } from './raster/memory-raster';
export { CELL_PRODUCT_NODATA, cellProduct, type RasterGrid } from './raster/cell-product';
export { readRaster } from './raster/read-raster';
export { noDataTest } from './raster/no-data';
export { computeStatistics, type BandStatistics } from './raster/statistics';
export { createPieceSampler, samplePiece, type PieceSamplerOptions, type SampledRaster, type SamplingRule } from './raster/piece-sampler';
export { weightedMean, type WeightedMean } from './raster/weighted-mean';
export { slope, SLOPE_NODATA, type SlopeOptions } from './raster/terrain/slope';
export { D8_NODATA, D8_NONE, D8_OFFSETS, flowDirectionD8 } from './raster/terrain/flow-direction';
export { ACCUMULATION_NODATA, flowAccumulationD8 } from './raster/terrain/flow-accumulation';
export { LS_NODATA, lsFactor, type LsFactorOptions, type LsFactorResult } from './raster/terrain/ls-factor';
export { coverManagementCai, slopeLengthExponentM, slopeLengthL, slopeSteepnessS } from './raster/terrain/rusle-factors';

// geometry
export { DENSIFY_STEP_M, ellipsoidalAreaFunction, ellipsoidalAreaM2, measureArea, type AreaMeasure, type EllipsoidalAreaOptions } from './geometry/ellipsoidal-area';
export { planarAreaM2 } from './geometry/planar-area';
export { BUFFER_ARC_TOLERANCE_M, bufferM, impactRing, MAX_BUFFER_DISTANCE_M, quadrantSegmentsFor } from './geometry/buffer';
export { clipToZones, type ClipIssue, type ClipOptions, type ClipPiece, type ClipResult, type ClipStats, type ClipZone } from './geometry/clip';
export { indexParcels, type ParcelIndex } from './geometry/parcel-index';
export type { OverlayRetries } from './geometry/robust-overlay';
export type { GeometryIssue, IssueSeverity } from './geometry/geometry-issue';
export { validateRedline, type RedlineValidationOptions } from './geometry/validate-redline';
export { repairRedline, type RedlineRepair, type RepairAction } from './geometry/repair-redline';
export { auditTbmj, type TbmjAudit, type TbmjAuditOptions, type TbmjAuditRow, type TbmjAuditSummary, type TbmjCause } from './geometry/audit-tbmj';
export { landClassAreas, type LandClassArea, type LandClassAreaOptions, type PieceAreas } from './geometry/land-class-areas';

// services and accounting
export { accountParcels } from './accounting/account';
export { AREA_DP, MONEY_DP, roundNumber, UNIT_VALUE_DP } from './accounting/money';
export { accountRedline, type AccountedPiece, type ModelRasters, type RedlineAccount, type RedlineAccountInput } from './accounting/account-redline';
export type { AccountPiece, AccountRequest, AccountResult, AccountWarning, ParcelRow, ProvenanceInput, ZoneId } from './accounting/account-types';
export { validateAccountRequest } from './accounting/validate-request';
export type { CapitalisationFactor, CombineRule, PremiumBase, PremiumOptions, PremiumResult } from './accounting/premium';
export { ILLUSTRATIVE_TIERS, lookupTier, validateTiers, type TierMode, type TierRow, type TierTable } from './accounting/tiers';
export { parseTiersCsv, tiersToCsv } from './accounting/tiers-csv';
export { annuityFactor, beijingVep, DEFAULT_VEP_YEARS, huzhouVep, presentValue, type BeijingInput, type HuzhouCase, type PaymentTiming, type VepDelta } from './accounting/vep';
export { SERVICE_IDS, type Bilingual, type ServiceId } from './services/service-ids';
export { SERVICE_SPECS } from './services/services';
export type { Mode, Requirement, ServiceInputRef, ServiceSpec } from './services/service-spec';
export type { ModeChoice } from './services/modes';
export { serviceFormFields, type FormField } from './services/service-form';
export { INPUT_DEFS, type InputDef, type InputType } from './services/inputs';
export { KNOWN_UNITS } from './services/units';
export { issueMessage, type Issue, type Severity } from './services/issue';
export { validateParameterSet, validateRasterUnits, validateServiceInputs } from './services/validate';
export { coefficientTableFromClasses, deriveClassCoefficients, type ClassCoefficientRow } from './services/class-coefficients';
export type { WaterBody } from './services/water-bodies';
export { DEFAULT_PARAMETER_SET, paramsTemplate } from './params/default-set';
export type { ClassRow, CoefficientRow, ConfidenceTag, ParameterSet, ParameterSetDocumentation, ParamValue, PriceIndex, PriceValue } from './params/parameter-set';
export { checkParameterSetShape, parameterSetJsonSchema, parameterSetToJson, parseParameterSet } from './params/parameter-set-schema';
export { canonicalJson } from './params/canonical-json';
export { parameterSetFromCsv, parameterSetToCsv, type ParameterCsvTables } from './params/params-csv';
export { coefficientsToCsv, parseCoefficientsCsv } from './params/coefficients-csv';
export type { CoefficientTable } from './params/coefficient-table';
export { renderParametersMarkdown } from './params/parameters-doc';

// land classes
export { landClassColor, landClassColorSource, UNKNOWN_LAND_CLASS_COLOR } from './landclass/land-class-colors';
export { findLandClass, normalizeDlbm } from './landclass/land-class';
export { LAND_CLASSES, type LandClass } from './landclass/land-class-table';
export { parcelLayerOf } from './landclass/parcel-layer';

// store encodings and vector tiles
export { decodeGpkgGeometry, encodeGpkgFlatGeometry, encodeGpkgGeometry, geometryExtent, gpkgGeometryExtent, isEmptyGeometry, isGpkgGeometryEmpty, type FlatGeometry, type GpkgGeometry } from './io/gpkg-geometry';
export { cutTileLayer, type CutTileOptions, type TileSourceFeature } from './tiles/cut-tile';
export { CellAccumulator } from './tiles/cell-accumulator';
export { fitView, tilesAround, SOURCE_TILE_PX, TYPICAL_MAP_VIEWPORTS_PX } from './tiles/first-view';
export { encodeMvt, MVT_LINESTRING, MVT_POINT, MVT_POLYGON, type MvtFeature, type MvtLayer } from './tiles/mvt-encode';
export { checkTile, lonLatToMercator, mercatorToLonLat, mercatorToTile, tileBoundsMercator, tileSizeM, MERCATOR_HALF_WIDTH_M, type TileId } from './tiles/tile-grid';
