/**
 * The `fs:` and `import:` domains: the in-app file browser (web mode has no native dialog), inspecting a file
 * before import, and the import itself as a cancellable job. The host reads only paths the user chose: a path
 * arrives here because the user picked it in the browser, the native dialog or by dropping the file.
 */
import type { CrsInfo, FieldDef, GeometryType } from '#core';
import type { Call } from './call';
import type { LayerView } from './project';

export interface DirEntry {
  name: string;
  kind: 'dir' | 'file';
  sizeBytes: number;
  /** A file VEP Studio can import (by extension). */
  importable: boolean;
}

export interface DirListing {
  /** The absolute path listed. */
  path: string;
  /** Its parent, or null at a root. */
  parent: string | null;
  entries: DirEntry[];
  /** Useful starting points: home, the sample data folder, the project's folder. */
  places: { label: 'home' | 'samples' | 'project'; path: string }[];
}

/** What a file holds, as read before importing it (the user may change the encoding and CRS). */
export interface InspectView {
  path: string;
  kind: 'vector' | 'raster';
  format: string;
  featureCount: number | null;
  geometryType: GeometryType | null;
  crs: CrsInfo | null;
  encoding: { name: string; source: string } | null;
  fields: FieldDef[];
  schema: string | null;
  warnings: { code: string; details: Record<string, unknown> }[];
  /** GeoPackage sources: the tables to choose from. */
  layers?: string[];
}

export interface ImportRequest {
  jobId: string;
  path: string;
  title?: string;
  /** EPSG code or proj4/WKT text the user chose; null keeps what the file says. */
  crs?: string | null;
  encoding?: string | null;
  layer?: string | null;
}

export interface FilesCalls {
  'fs:list': Call<{ path?: string }, DirListing>;
  'import:inspect': Call<{ path: string; encoding?: string | null; crs?: string | null; layer?: string | null }, InspectView>;
  'import:run': Call<ImportRequest, LayerView>;
}

export const FILES_CHANNELS = ['fs:list', 'import:inspect', 'import:run'] as const satisfies readonly (keyof FilesCalls)[];
