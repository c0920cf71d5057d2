/**
 * The overlays above the project layers: the accounting result (choropleth of clipped pieces), the impact ring,
 * the saved red lines (the active one bold), a repaired shape offered to the user, and validation markers.
 * Small data as GeoJSON; the result pieces come as vector tiles of the project's result table.
 */
import type { GeoJSONSource, Map as MapLibreMap, VectorTileSource } from 'maplibre-gl';
import type { MultiPolygon } from '#core';
import type { LonLatPolygonal, RedLineIssue, RedLineView } from '../../../electron/host/api';
import { transport } from '../api';
import { choroplethExpression } from './choropleth';
import { OVERLAY_ANCHOR } from './sync-layers';

const EMPTY = { type: 'FeatureCollection' as const, features: [] };
const RESULT_SOURCE = 'ov-result';
const RESULT_LAYER = 'ov-result-fill';
/** The project table of clipped, valued parcel pieces (also the MVT layer name). */
const RESULT_TABLE = 'vep_result_pieces';

/** Adds the overlay sources and layers once, after the style loaded. */
export function installOverlays(map: MapLibreMap): void {
  for (const id of ['ov-ring', 'ov-redlines', 'ov-repaired', 'ov-issues', 'ov-draft']) map.addSource(id, { type: 'geojson', data: EMPTY });
  map.addLayer({ id: OVERLAY_ANCHOR, type: 'line', source: 'ov-draft', filter: ['==', ['get', 'never'], 1] });
  map.addLayer({ id: 'ov-ring-fill', type: 'fill', source: 'ov-ring', paint: { 'fill-color': '#f59e0b', 'fill-opacity': 0.12 } });
  map.addLayer({ id: 'ov-ring-line', type: 'line', source: 'ov-ring', paint: { 'line-color': '#d97706', 'line-width': 1.5, 'line-dasharray': [3, 2] } });
  map.addLayer({ id: 'ov-redlines-fill', type: 'fill', source: 'ov-redlines', paint: { 'fill-color': '#e11d48', 'fill-opacity': ['case', ['get', 'active'], 0.08, 0.03] } });
  map.addLayer({ id: 'ov-redlines-line', type: 'line', source: 'ov-redlines', paint: { 'line-color': '#e11d48', 'line-width': ['case', ['get', 'active'], 3, 1.5] } });
  map.addLayer({ id: 'ov-draft-line', type: 'line', source: 'ov-draft', paint: { 'line-color': '#e11d48', 'line-width': 2.5, 'line-dasharray': [2, 1] } });
  map.addLayer({ id: 'ov-repaired-line', type: 'line', source: 'ov-repaired', paint: { 'line-color': '#7c3aed', 'line-width': 2, 'line-dasharray': [1, 1] } });
  map.addLayer({ id: 'ov-issues', type: 'circle', source: 'ov-issues', paint: { 'circle-radius': 7, 'circle-color': ['case', ['==', ['get', 'severity'], 'error'], '#dc2626', '#f59e0b'], 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } });
}

function setData(map: MapLibreMap, id: string, data: GeoJSON.FeatureCollection): void {
  (map.getSource(id) as GeoJSONSource | undefined)?.setData(data);
}

function feature(geometry: GeoJSON.Geometry, properties: Record<string, unknown> = {}): GeoJSON.Feature {
  return { type: 'Feature', geometry, properties };
}

export function showRedLines(map: MapLibreMap, redLines: readonly RedLineView[], activeId: number | null, hideId: number | null): void {
  setData(map, 'ov-redlines', {
    type: 'FeatureCollection',
    features: redLines.filter((r) => r.id !== hideId).map((r) => feature(r.geometry as GeoJSON.Geometry, { id: r.id, name: r.name, active: r.id === activeId })),
  });
}

export function showDraft(map: MapLibreMap, draft: LonLatPolygonal | null): void {
  setData(map, 'ov-draft', { type: 'FeatureCollection', features: draft ? [feature(draft as GeoJSON.Geometry)] : [] });
}

export function showRing(map: MapLibreMap, ring: MultiPolygon | null): void {
  setData(map, 'ov-ring', { type: 'FeatureCollection', features: ring ? [feature(ring as GeoJSON.Geometry)] : [] });
}

export function showIssues(map: MapLibreMap, issues: readonly RedLineIssue[], repaired: LonLatPolygonal | null): void {
  setData(map, 'ov-issues', {
    type: 'FeatureCollection',
    features: issues.filter((i) => i.location).map((i) => feature({ type: 'Point', coordinates: i.location! }, { code: i.code, severity: i.severity })),
  });
  setData(map, 'ov-repaired', { type: 'FeatureCollection', features: repaired ? [feature(repaired as GeoJSON.Geometry)] : [] });
}

/**
 * Shows the pieces of run `runId` coloured by unit value (or removes the result layer for null). The fill is opaque
 * and drawn over the ring's tint (under its outline and the red lines): a ramp blended with the land-class colours
 * or the amber ring would show colours that are not in its legend.
 */
export function showResult(map: MapLibreMap, runId: number | null, breaks: readonly number[]): void {
  if (runId === null) {
    if (map.getLayer(RESULT_LAYER)) map.removeLayer(RESULT_LAYER);
    return;
  }
  // The run id in the URL keeps MapLibre from reusing tiles of an earlier run (the host ignores the query).
  const tiles = [`${transport.tileUrl(RESULT_TABLE)}?run=${runId}`];
  const source = map.getSource(RESULT_SOURCE) as VectorTileSource | undefined;
  if (!source) map.addSource(RESULT_SOURCE, { type: 'vector', tiles, minzoom: 0, maxzoom: 18 });
  else if (source.tiles?.[0] !== tiles[0]) source.setTiles(tiles);
  if (!map.getLayer(RESULT_LAYER)) {
    map.addLayer({ id: RESULT_LAYER, type: 'fill', source: RESULT_SOURCE, 'source-layer': RESULT_TABLE, paint: { 'fill-opacity': 1, 'fill-outline-color': '#ffffff' } }, 'ov-ring-line');
  }
  map.setFilter(RESULT_LAYER, ['==', ['get', 'run_id'], runId]);
  map.setPaintProperty(RESULT_LAYER, 'fill-color', choroplethExpression(breaks));
}
