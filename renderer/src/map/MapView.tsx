import { useEffect, useRef } from 'react';
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl, type MapMouseEvent, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { parcelLayerOf } from '#core';
import { invoke, transport } from '../api';
import { DrawController } from '../draw/draw-controller';
import { attachController, drawHistory, onControllerChange, snapController } from '../draw/draw-session';
import { errorText, langOf } from '../format/error-text';
import { i18n } from '../i18n/index';
import { layersOf, workspace, type WorkspaceState } from '../state/workspace';
import { quantileBreaks } from './choropleth';
import { mapStore } from './map-instance';
import { installOverlays, showDraft, showIssues, showRedLines, showResult, showRing } from './overlays';
import { identifiableLayers, setHighlight, setHover, syncLayers } from './sync-layers';

// MapLibre cannot find its worker by itself under app:// or a bundler: tell it where the built file is.
setWorkerUrl(workerUrl);

/**
 * No `glyphs` URL: MapLibre 6 then draws every label glyph (Chinese, Latin and digits alike) locally with TinySDF
 * from the system fonts named here, so labels work offline with no glyph server and no bundled glyph ranges.
 */
const LABEL_FONTS = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

const BASE_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f3f4f1' } }],
};

/** Snap rings are fetched from this zoom on (below it a parcel is a few pixels wide: nothing to snap to). */
const SNAP_MIN_ZOOM = 15;

/** The MapLibre canvas with the project's layers, the overlays, drawing, hover and identify. */
export function MapView() {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Created once the project is known, so the first camera is the saved view or the parcel layer's extent, and
    // no tiles are asked for anywhere else first.
    const initial = workspace.get();
    const extent = parcelLayerOf(layersOf(initial))?.extentLonLat ?? null;
    const camera = initial.center !== null && initial.zoom !== null
      ? { center: initial.center, zoom: initial.zoom }
      : extent ? { bounds: [[extent[0], extent[1]], [extent[2], extent[3]]] as [[number, number], [number, number]], fitBoundsOptions: { padding: 40 } } : { center: [120, 30.5] as [number, number], zoom: 8 };
    const map = new MapLibreMap({
      container: container.current!,
      style: BASE_STYLE,
      ...camera,
      attributionControl: false,
      transformRequest: (url) => (url.startsWith(window.location.origin) || url.startsWith('app://') ? { url, headers: transport.tileHeaders } : { url }),
      localIdeographFontFamily: LABEL_FONTS,
      canvasContextAttributes: { preserveDrawingBuffer: true },
      dragRotate: false,
      pitchWithRotate: false,
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    // Exposed for end-to-end tests and debugging; the UI never reads it.
    (window as unknown as { __vepMap?: MapLibreMap }).__vepMap = map;

    let unsubscribe: (() => void) | null = null;
    let controller: DrawController | null = null;
    map.once('load', () => {
      // The layers' tiles first: everything below only adds (empty) sources that would queue ahead of them.
      const first = workspace.get();
      syncLayers(map, layersOf(first), first.layerOrder, first.layerDisplay);
      installOverlays(map);
      controller = new DrawController(map, {
        onChange: onControllerChange,
        onHistory: (canUndo, canRedo) => drawHistory.set({ canUndo, canRedo }),
      });
      attachController(controller);
      mapStore.set({ map, zoom: map.getZoom(), lat: map.getCenter().lat });
      let previous: WorkspaceState | null = null;
      const sync = () => {
        const s = workspace.get();
        syncMap(map, s, previous);
        previous = s;
      };
      unsubscribe = workspace.subscribe(sync);
      sync();
    });

    // Hover and the status bar's cursor, at most once per frame.
    let frame = 0;
    let lastMove: MapMouseEvent | null = null;
    map.on('mousemove', (e) => {
      lastMove = e;
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (!lastMove) return;
        mapStore.set({ cursor: { lon: lastMove.lngLat.lng, lat: lastMove.lngLat.lat } });
        hover(map, lastMove);
      });
    });
    map.on('mouseout', () => mapStore.set({ cursor: null }));
    map.on('move', () => mapStore.set({ zoom: map.getZoom(), lat: map.getCenter().lat }));
    map.on('moveend', () => {
      const c = map.getCenter();
      workspace.set({ center: [round(c.lng, 7), round(c.lat, 7)], zoom: round(map.getZoom(), 3) });
      void refreshSnapRings(map);
    });
    map.on('click', (e) => void onClick(map, e));

    return () => {
      unsubscribe?.();
      attachController(null);
      controller?.destroy();
      mapStore.set({ map: null });
      map.remove();
    };
  }, []);

  return <div ref={container} className="map" data-testid="map" role="application" aria-label="map" />;
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** Applies what changed in the workspace to the map. */
function syncMap(map: MapLibreMap, s: WorkspaceState, prev: WorkspaceState | null): void {
  const layers = s.project?.layers ?? [];
  if (!prev || prev.project !== s.project || prev.layerOrder !== s.layerOrder || prev.layerDisplay !== s.layerDisplay) {
    syncLayers(map, layers, s.layerOrder, s.layerDisplay);
  }
  if (!prev || prev.redLines !== s.redLines || prev.activeRedLineId !== s.activeRedLineId || prev.drawMode !== s.drawMode) {
    // While a red line is edited, terra-draw shows it: hide the saved copy.
    showRedLines(map, s.redLines, s.activeRedLineId, s.drawMode === 'edit' ? s.activeRedLineId : null);
  }
  if (!prev || prev.draft !== s.draft || prev.drawMode !== s.drawMode) showDraft(map, s.drawMode === 'idle' || s.drawMode === 'pick' ? s.draft : null);
  if (!prev || prev.ring !== s.ring) showRing(map, s.ring);
  if (!prev || prev.issues !== s.issues || prev.repaired !== s.repaired) showIssues(map, s.issues, s.repaired);
  if (!prev || prev.selection !== s.selection || prev.identify !== s.identify || prev.project !== s.project) {
    const sel = s.selection ?? (s.identify ? { layerId: s.identify.layerId, ids: [s.identify.id] } : null);
    setHighlight(map, sel?.layerId ?? null, sel?.ids ?? [], layers);
  }
  if (!prev || prev.result !== s.result) {
    showResult(map, s.result?.runId ?? null, s.result ? quantileBreaks(s.result.result.parcels.map((p) => p.unitValue)) : []);
  }
}

function topFeature(map: MapLibreMap, point: { x: number; y: number }) {
  const s = workspace.get();
  const layers = identifiableLayers(map, s.layerOrder, s.layerDisplay);
  if (layers.length === 0) return null;
  const hit = map.queryRenderedFeatures([point.x, point.y], { layers }).find((f) => f.id !== undefined && f.id !== null);
  return hit ? { layerId: hit.sourceLayer ?? '', id: Number(hit.id) } : null;
}

function hover(map: MapLibreMap, e: MapMouseEvent): void {
  const s = workspace.get();
  if (s.drawMode === 'draw' || s.drawMode === 'edit') return;
  const hit = topFeature(map, e.point);
  setHover(map, hit?.layerId ?? null, hit?.id ?? null, s.project?.layers ?? []);
  map.getCanvas().style.cursor = hit ? 'pointer' : '';
}

async function onClick(map: MapLibreMap, e: MapMouseEvent): Promise<void> {
  const s = workspace.get();
  if (s.drawMode === 'draw' || s.drawMode === 'edit') return;
  const hit = topFeature(map, e.point);
  if (s.drawMode === 'pick') {
    if (!hit) return;
    const current = s.selection?.layerId === hit.layerId ? s.selection.ids : [];
    const ids = current.includes(hit.id) ? current.filter((i) => i !== hit.id) : [...current, hit.id];
    workspace.set({ selection: { layerId: hit.layerId, ids } });
    return;
  }
  if (!hit) {
    workspace.set({ identify: null });
    return;
  }
  try {
    const feature = await invoke('layers:feature', hit);
    workspace.set({ identify: feature, rightTab: 'identify', selection: null });
  } catch (err) {
    workspace.set({ toast: errorText(err, langOf(i18n.language)) });
  }
}

let snapRequest = 0;
/** While drawing or editing at a close zoom, loads the stored parcel rings in view for snapping. */
async function refreshSnapRings(map: MapLibreMap): Promise<void> {
  const s = workspace.get();
  const controller = snapController();
  if (!controller || (s.drawMode !== 'draw' && s.drawMode !== 'edit')) return;
  const layerId = s.activeLayerId;
  if (!layerId || map.getZoom() < SNAP_MIN_ZOOM) {
    controller.setSnapRings([]);
    return;
  }
  const b = map.getBounds();
  const seq = ++snapRequest;
  try {
    const { rings } = await invoke('layers:snap', { layerId, bboxLonLat: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], maxFeatures: 1500 });
    if (seq === snapRequest) controller.setSnapRings(rings);
  } catch {
    controller.setSnapRings([]);
  }
}

/** Loads snap rings now (when a drawing starts). */
export function loadSnapRings(): void {
  const map = mapStore.get().map;
  if (map) void refreshSnapRings(map);
}
