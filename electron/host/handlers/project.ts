/** The `project:` and `layers:` calls: the open project, its layers, attribute pages, identify and snapping. */
import { InputError, type Polygon, type MultiPolygon } from '#core';
import type { LayerView, ProjectCalls } from '../contract/project';
import type { LayerInfo } from '../store/store-types';
import type { Handlers, HostContext } from './context';
import { extentFromLonLat, extentToLonLat, toLonLat } from './lon-lat';
import { requireStore } from './require-store';

const DEFAULT_SNAP_FEATURES = 400;

function layerView(layer: LayerInfo): LayerView {
  return { ...layer, extentLonLat: layer.extent && layer.crs ? extentToLonLat(layer.extent, layer.crs) : null };
}

export function projectHandlers(ctx: HostContext): Handlers<ProjectCalls> {
  return {
    'project:status': async () => {
      if (!ctx.store) return { project: null, error: ctx.projectError };
      const info = ctx.store.info();
      const layers = ctx.store.layers.list().map(layerView);
      return { project: { path: info.path, name: info.name, crs: info.crs ?? layers.find((l) => l.crs)?.crs ?? null, layers }, error: null };
    },
    'project:getState': async ({ key }) => requireStore(ctx).uiState.get(key) ?? null,
    'project:setState': async ({ key, value }) => {
      requireStore(ctx).uiState.set(key, value);
    },
    'layers:list': async () => requireStore(ctx).layers.list().map(layerView),
    'layers:query': async ({ layerId, ...query }) => requireStore(ctx).layers.query(layerId, query),
    'layers:feature': async ({ layerId, id }) => {
      const store = requireStore(ctx);
      const layer = store.layers.info(layerId);
      const f = store.layers.feature(layerId, id);
      const geometry = f.geometry && layer.crs ? toLonLat(f.geometry, layer.crs) : null;
      const areaM2 = layer.areaColumn ? (f.properties[layer.areaColumn] as number | null) : null;
      const properties = { ...f.properties };
      if (layer.areaColumn) delete properties[layer.areaColumn];
      return { layerId, id, properties, geometry, bboxLonLat: geometry ? boxOf(geometry) : null, areaM2 };
    },
    'layers:classes': async ({ layerId, field, labelField }) => requireStore(ctx).layers.classes(layerId, field, labelField),
    'layers:snap': async ({ layerId, bboxLonLat, maxFeatures }) => {
      const store = requireStore(ctx);
      const layer = store.layers.info(layerId);
      if (!layer.crs || !layer.geometryType) return { rings: [], truncated: false };
      const limit = maxFeatures ?? DEFAULT_SNAP_FEATURES;
      const features = store.layers.featuresInBbox(layerId, extentFromLonLat(bboxLonLat, layer.crs), limit + 1);
      const rings: number[][][] = [];
      for (const f of features.slice(0, limit)) {
        const g = f.geometry;
        if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
        const ll = toLonLat(g as Polygon | MultiPolygon, layer.crs);
        for (const ring of ll.type === 'Polygon' ? ll.coordinates : ll.coordinates.flat()) rings.push(ring);
      }
      return { rings, truncated: features.length > limit };
    },
    'layers:delete': async ({ layerId }) => {
      const store = requireStore(ctx);
      if (!store.layers.list().some((l) => l.id === layerId)) throw new InputError('LAYER_NOT_FOUND', { layer: layerId });
      store.layers.delete(layerId);
      ctx.emit({ type: 'project-changed', path: store.path });
    },
  };
}

function boxOf(g: NonNullable<ReturnType<typeof toLonLat>>): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      box[0] = Math.min(box[0], x); box[1] = Math.min(box[1], y); box[2] = Math.max(box[2], x); box[3] = Math.max(box[3], y);
    } else for (const child of c as unknown[]) visit(child);
  };
  visit(g.coordinates);
  return box;
}
