/**
 * The `redlines:` domain: the project's red lines (several per project, for batch appraisal), their validation and
 * repair, the impact ring, and red lines taken from files or from selected parcels. Geometries cross in WGS84
 * lon/lat; the store keeps them in the project CRS.
 */
import type { MultiPolygon, Polygon } from '#core';
import type { Call } from './call';

export type LonLatPolygonal = Polygon | MultiPolygon;

export interface RedLineView {
  id: number;
  name: string;
  geometry: MultiPolygon;
  source: string | null;
  notes: string | null;
  updatedAt: string;
}

/** A validation finding: a catalogued code (text from core's messages), where it is, and whether a repair exists. */
export interface RedLineIssue {
  code: string;
  /** error: repair before accounting; warning: usable but suspicious; info: normalised by the engine. */
  severity: 'error' | 'warning' | 'info';
  details: Record<string, string | number>;
  /** Where to put the marker, lon/lat; null for whole-geometry findings. */
  location: [number, number] | null;
}

export interface ValidationView {
  issues: RedLineIssue[];
  /** The repaired geometry when there are errors or warnings and a repair exists (offered, never applied silently). */
  repaired: LonLatPolygonal | null;
  /** What the repair did, for the user to read before accepting it (catalogued codes). */
  repairActions: { code: string; details: Record<string, string | number> }[];
}

export interface RingView {
  /** The red line buffered by `bufferM`, minus the red line: the 影响区 ring, lon/lat. */
  ring: MultiPolygon;
  bufferM: number;
}

export interface RedLinesCalls {
  'redlines:list': Call<void, RedLineView[]>;
  'redlines:save': Call<{ id?: number; name: string; geometry: LonLatPolygonal; source?: string | null; notes?: string | null }, RedLineView>;
  'redlines:delete': Call<{ id: number }, void>;
  'redlines:validate': Call<{ geometry: LonLatPolygonal }, ValidationView>;
  'redlines:ring': Call<{ geometry: LonLatPolygonal; bufferM: number }, RingView>;
  'redlines:fromFile': Call<{ path: string; crs?: string | null; encoding?: string | null }, { geometry: LonLatPolygonal; count: number }>;
  'redlines:fromParcels': Call<{ layerId: string; ids: number[] }, { geometry: LonLatPolygonal }>;
}

export const REDLINES_CHANNELS = [
  'redlines:list', 'redlines:save', 'redlines:delete', 'redlines:validate', 'redlines:ring', 'redlines:fromFile', 'redlines:fromParcels',
] as const satisfies readonly (keyof RedLinesCalls)[];
