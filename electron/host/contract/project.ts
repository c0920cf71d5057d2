/**
 * The `project:` and `layers:` domains: the open project, its layers, the attribute table, identify, snapping
 * geometry and the UI state saved in the project file. Geometries cross to the UI in WGS84 lon/lat (what MapLibre
 * draws); the host converts from the layer CRS with the same proj4 transforms the store uses.
 */
import type { CrsInfo, ErrorShape, Extent, Feature, Properties, PropertyValue } from '#core';
import type { ClassCount, LayerInfo } from '../store/store-types';
import type { Call } from './call';

/** A layer as the UI lists it: the store's description plus its extent in lon/lat for fitting the map. */
export interface LayerView extends LayerInfo {
  /** [west, south, east, north] in degrees, or null for a table. */
  extentLonLat: Extent | null;
}

export interface ProjectView {
  path: string;
  name: string;
  /** The project CRS (red lines, zones), else the first layer's; null for an empty project. */
  crs: CrsInfo | null;
  layers: LayerView[];
}

/** The open project, or why there is none. */
export interface ProjectStatus {
  project: ProjectView | null;
  error: ErrorShape | null;
}

export type AttributeFilterRequest =
  | { field: string; op: 'eq'; value: PropertyValue }
  | { field: string; op: 'in'; values: PropertyValue[] }
  | { field: string; op: 'contains'; text: string };

export interface AttributeQueryRequest {
  layerId: string;
  filters?: AttributeFilterRequest[];
  sort?: { field: string; direction: 'asc' | 'desc' };
  offset?: number;
  limit?: number;
}

export interface AttributePageView {
  total: number;
  rows: { id: number; properties: Properties }[];
}

/** One feature for identify and zoom-to: attributes, lon/lat geometry, its bounding box and computed area. */
export interface FeatureView {
  layerId: string;
  id: number;
  properties: Properties;
  geometry: Feature['geometry'];
  bboxLonLat: Extent | null;
  /** The 三调 ellipsoidal area computed at import (m²), or null when the layer has none. */
  areaM2: number | null;
}

/** A distinct value of a field with its count (land classes for the legend and the table filter). */
export type { ClassCount } from '../store/store-types';

/** Parcel boundaries near the cursor, for snapping: each ring as lon/lat vertices, exact from the store. */
export interface SnapGeometry {
  rings: number[][][];
  /** True when more features met the box than were returned. */
  truncated: boolean;
}

export interface ProjectCalls {
  'project:status': Call<void, ProjectStatus>;
  'project:getState': Call<{ key: string }, unknown>;
  'project:setState': Call<{ key: string; value: unknown }, void>;
  'layers:list': Call<void, LayerView[]>;
  'layers:query': Call<AttributeQueryRequest, AttributePageView>;
  'layers:feature': Call<{ layerId: string; id: number }, FeatureView>;
  'layers:classes': Call<{ layerId: string; field: string; labelField?: string }, ClassCount[]>;
  'layers:snap': Call<{ layerId: string; bboxLonLat: Extent; maxFeatures?: number }, SnapGeometry>;
  'layers:delete': Call<{ layerId: string }, void>;
}

export const PROJECT_CHANNELS = [
  'project:status', 'project:getState', 'project:setState',
  'layers:list', 'layers:query', 'layers:feature', 'layers:classes', 'layers:snap', 'layers:delete',
] as const satisfies readonly (keyof ProjectCalls)[];
