/**
 * Keeps the map's sources and style layers in step with the project's layers and their display settings:
 * one vector-tile source per layer (tiles cut by the host), a fill/line/label/highlight set per polygon layer, in
 * the panel's order, under the overlays (red lines, ring, drawing).
 */
import type { FilterSpecification, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { LayerView } from '../../../electron/host/api';
import { transport } from '../api';
import type { LayerDisplay } from '../state/workspace';
import { landClassColourExpression } from './land-class-style';

/** The first overlay layer: project layers are kept below it. */
export const OVERLAY_ANCHOR = 'ov-anchor';
const TILE_MAX_ZOOM = 18;
/** Labels from this zoom on (about 1:18 000 at 30°N): below it parcels are too small to label. */
export const LABEL_MIN_ZOOM = 15;

const sourceId = (id: string) => `src-${id}`;
export const fillLayerId = (id: string) => `lyr-${id}-fill`;
const lineLayerId = (id: string) => `lyr-${id}-line`;
const labelLayerId = (id: string) => `lyr-${id}-label`;
const highlightLayerId = (id: string) => `lyr-${id}-hl`;
const hoverLayerId = (id: string) => `lyr-${id}-hover`;

function isPolygonal(l: LayerView): boolean {
  return l.geometryType === 'Polygon' || l.geometryType === 'MultiPolygon';
}

function hasField(l: LayerView, name: string): boolean {
  return l.fields.some((f) => f.name.toUpperCase() === name);
}

const NO_FEATURE: FilterSpecification = ['==', ['id'], -1];

function layersFor(l: LayerView): LayerSpecification[] {
  const source = sourceId(l.id);
  const base = { source, 'source-layer': l.id };
  if (isPolygonal(l)) {
    const classified = hasField(l, 'DLBM');
    const specs: LayerSpecification[] = [
      { ...base, id: fillLayerId(l.id), type: 'fill', paint: { 'fill-color': classified ? landClassColourExpression() : '#9ec3e6', 'fill-antialias': false } },
      {
        ...base, id: lineLayerId(l.id), type: 'line', minzoom: 14,
        paint: { 'line-color': classified ? '#5b5b5b' : '#2b6cb0', 'line-width': ['interpolate', ['linear'], ['zoom'], 14, 0.3, 16, 0.8, 19, 1.4], 'line-opacity': 0.55 },
      },
      { ...base, id: hoverLayerId(l.id), type: 'line', filter: NO_FEATURE, paint: { 'line-color': '#1f6feb', 'line-width': 2 } },
      { ...base, id: highlightLayerId(l.id), type: 'line', filter: NO_FEATURE, paint: { 'line-color': '#00e5ff', 'line-width': 3 } },
    ];
    if (hasField(l, 'DLMC') || hasField(l, 'TBBH')) {
      specs.push({
        ...base, id: labelLayerId(l.id), type: 'symbol', minzoom: LABEL_MIN_ZOOM,
        layout: {
          'text-field': ['format', ['coalesce', ['get', 'DLMC'], ''], {}, '\n', {}, ['coalesce', ['get', 'TBBH'], ''], { 'font-scale': 0.9 }],
          'text-font': ['Noto Sans CJK SC Regular'],
          'text-size': 12,
          'text-max-width': 8,
          'symbol-placement': 'point',
          'text-padding': 4,
        },
        paint: { 'text-color': '#1d2a20', 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.4 },
      });
    }
    return specs;
  }
  if (l.geometryType === 'LineString' || l.geometryType === 'MultiLineString') {
    return [{ ...base, id: lineLayerId(l.id), type: 'line', paint: { 'line-color': '#1565c0', 'line-width': 1.5 } }];
  }
  if (l.geometryType === 'Point' || l.geometryType === 'MultiPoint') {
    return [{ ...base, id: fillLayerId(l.id), type: 'circle', paint: { 'circle-color': '#1565c0', 'circle-radius': 4, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 } }];
  }
  return [];
}

/**
 * Brings the map in line with `layers` in `order` (top first) and their display settings. Idempotent: called on
 * every relevant state change.
 */
export function syncLayers(map: MapLibreMap, layers: readonly LayerView[], order: readonly string[], display: Record<string, LayerDisplay>): void {
  const byId = new Map(layers.map((l) => [l.id, l]));
  // Remove sources of layers that are gone.
  for (const id of Object.keys(map.getStyle().sources)) {
    if (!id.startsWith('src-') || byId.has(id.slice(4))) continue;
    for (const layer of map.getStyle().layers) if ('source' in layer && layer.source === id) map.removeLayer(layer.id);
    map.removeSource(id);
  }
  // Bottom to top, each moved just under the overlays: the last moved ends up on top.
  for (const id of [...order].reverse()) {
    const l = byId.get(id);
    if (!l || !l.geometryType) continue;
    if (!map.getSource(sourceId(id))) {
      map.addSource(sourceId(id), { type: 'vector', tiles: [transport.tileUrl(id)], minzoom: 0, maxzoom: TILE_MAX_ZOOM });
    }
    const d = display[id] ?? { visible: true, opacity: 1 };
    for (const spec of layersFor(l)) {
      if (!map.getLayer(spec.id)) map.addLayer(spec, map.getLayer(OVERLAY_ANCHOR) ? OVERLAY_ANCHOR : undefined);
      else map.moveLayer(spec.id, map.getLayer(OVERLAY_ANCHOR) ? OVERLAY_ANCHOR : undefined);
      map.setLayoutProperty(spec.id, 'visibility', d.visible ? 'visible' : 'none');
      if (spec.type === 'fill') map.setPaintProperty(spec.id, 'fill-opacity', 0.9 * d.opacity);
      if (spec.type === 'line' && spec.id === lineLayerId(id)) map.setPaintProperty(spec.id, 'line-opacity', 0.55 * d.opacity);
    }
  }
}

/** Outlines the features `ids` of a layer (table selection, identify, picked parcels); [] clears. */
export function setHighlight(map: MapLibreMap, layerId: string | null, ids: readonly number[], layers: readonly LayerView[]): void {
  for (const l of layers) {
    const hl = highlightLayerId(l.id);
    if (!map.getLayer(hl)) continue;
    map.setFilter(hl, l.id === layerId && ids.length ? ['in', ['id'], ['literal', [...ids]]] : NO_FEATURE);
  }
}

/** Outlines the feature under the cursor. */
export function setHover(map: MapLibreMap, layerId: string | null, id: number | null, layers: readonly LayerView[]): void {
  for (const l of layers) {
    const hv = hoverLayerId(l.id);
    if (!map.getLayer(hv)) continue;
    map.setFilter(hv, l.id === layerId && id !== null ? ['==', ['id'], id] : NO_FEATURE);
  }
}

/** The fill layers that can be identified, top first. */
export function identifiableLayers(map: MapLibreMap, order: readonly string[], display: Record<string, LayerDisplay>): string[] {
  return order.filter((id) => (display[id]?.visible ?? true) && map.getLayer(fillLayerId(id))).map(fillLayerId);
}
