/**
 * The `reports:` domain: what an appraisal is filed with. A stored accounting run as the appraisal report (.pdf),
 * workbook (.xlsx), GeoPackage, CSV or JSON (the files `vep account --out` writes); a project layer or the red
 * lines as data (.gpkg, .shp, .geojson, .kml, .txt); the map of the current view as PNG or PDF; and the batch
 * workbook of many red lines. Every call is a job (progress, cancel) writing to a path the user chose in the save
 * dialog; the host refuses to write over the open project.
 */
import type { Lang } from '#core';
import type { Call } from './call';
import type { ServiceModeChoice } from './account';

/** Files a stored run can be written as (by the target's extension). */
export const RUN_EXPORT_EXTENSIONS = ['.pdf', '.xlsx', '.gpkg', '.csv', '.json'] as const;
/** Files a layer or the red lines can be written as. */
export const LAYER_EXPORT_EXTENSIONS = ['.gpkg', '.shp', '.geojson', '.kml', '.txt'] as const;
/** Files a map can be written as. */
export const MAP_EXPORT_EXTENSIONS = ['.png', '.pdf'] as const;

export interface ExportedFiles {
  /** Every file written, main file first (absolute paths). */
  files: string[];
}

export interface RunExportRequest {
  jobId: string;
  runId: number;
  /** Absolute target path; its extension picks the format. */
  path: string;
  lang: Lang;
}

export interface LayerExportRequest {
  jobId: string;
  /** A layer of the project, or the project's red lines. */
  source: { kind: 'layer'; layerId: string } | { kind: 'redlines'; ids?: number[] };
  path: string;
  /** Shapefile and coordinate-text attribute encoding (default GBK, as 三调 data is delivered). */
  encoding?: 'GBK' | 'UTF-8';
}

export interface MapExportView {
  /** The visible extent, [west, south, east, north] in degrees (WGS 84). */
  extentLonLat: [number, number, number, number];
  /** The view's size in CSS pixels. */
  widthPx: number;
  heightPx: number;
}

export interface MapViewExportRequest {
  jobId: string;
  path: string;
  view: MapExportView;
  /** PNG resolution (default 192: twice the screen's 96). */
  dpi?: number;
  lang: Lang;
  title?: string;
  /** Draw this run's pieces, red line and ring; else the parcel layer with `redLineId`'s red line. */
  runId?: number | null;
  redLineId?: number | null;
  /** The parcel layer drawn when no run is given (default: the project's first polygon layer). */
  layerId?: string | null;
}

export interface BatchExportRequest {
  jobId: string;
  /** Absolute target path of the workbook (.xlsx). */
  path: string;
  lang: Lang;
  /** The red lines to account, in this order (default: all, oldest first). */
  redLineIds?: number[];
  layerId?: string;
  parameterSetId?: number | null;
  bufferM: number;
  mode: ServiceModeChoice;
}

export interface BatchEntryView {
  redLineId: number;
  name: string;
  /** The stored run, or null when the red line could not be accounted. */
  runId: number | null;
  error: string | null;
}

export interface ReportsCalls {
  'reports:run': Call<RunExportRequest, ExportedFiles>;
  'reports:layer': Call<LayerExportRequest, ExportedFiles & { featureCount: number }>;
  'reports:map': Call<MapViewExportRequest, ExportedFiles & { widthPx: number | null; heightPx: number | null; scaleDenominator: number }>;
  'reports:batch': Call<BatchExportRequest, ExportedFiles & { entries: BatchEntryView[] }>;
}

export const REPORTS_CHANNELS = ['reports:run', 'reports:layer', 'reports:map', 'reports:batch'] as const satisfies readonly (keyof ReportsCalls)[];
