/**
 * The `redlines:` calls. Red lines arrive from the UI in lon/lat and are stored in the project CRS by the store;
 * validation and the impact ring are core's computations, the very ones the accounting uses.
 */
import path from 'node:path';
import { InputError, type MultiPolygon, type Polygon } from '#core';
import type { RedLineView, RedLinesCalls } from '../contract/redlines';
import { openImportSource } from '../import/open-import-source';
import type { RedLine } from '../store/red-lines';
import type { Handlers, HostContext } from './context';
import { checkRedLine, impactRingLonLat } from './red-line-geometry';
import { WGS84, toLonLat } from './lon-lat';
import { requireStore } from './require-store';
import { unionPolygons } from './union-polygons';

const MAX_REDLINE_FEATURES = 10_000;

function view(r: RedLine): RedLineView {
  return { id: r.id, name: r.name, geometry: toLonLat(r.geometry, r.crs), source: r.source, notes: r.notes, updatedAt: r.updatedAt };
}

export function redLinesHandlers(ctx: HostContext): Handlers<RedLinesCalls> {
  return {
    'redlines:list': async () => requireStore(ctx).redLines.list().map(view),
    'redlines:save': async ({ id, name, geometry, source, notes }) => {
      const store = requireStore(ctx);
      const saved = id === undefined
        ? store.redLines.create({ name, geometry, crs: WGS84, source: source ?? 'drawn', notes: notes ?? null })
        : store.redLines.update(id, { name, geometry, crs: WGS84, ...(source !== undefined ? { source } : {}), ...(notes !== undefined ? { notes } : {}) });
      return view(saved);
    },
    'redlines:delete': async ({ id }) => {
      requireStore(ctx).redLines.delete(id);
    },
    'redlines:validate': async ({ geometry }) => checkRedLine(geometry, projectCrsOrGk(ctx)),
    'redlines:ring': async ({ geometry, bufferM }) => ({ ring: impactRingLonLat(geometry, bufferM, projectCrsOrGk(ctx)), bufferM }),
    'redlines:fromFile': async ({ path: file, encoding }) => {
      const source = openImportSource([path.resolve(file)], { encoding });
      try {
        const crs = source.info.crs;
        if (!crs) throw new InputError('IMPORT_NO_CRS', { file });
        const polygons: (Polygon | MultiPolygon)[] = [];
        for (const f of source.features()) {
          if (polygons.length >= MAX_REDLINE_FEATURES) throw new InputError('LIMIT_EXCEEDED', { what: 'red-line features / 红线要素数', limit: MAX_REDLINE_FEATURES, value: `>${MAX_REDLINE_FEATURES}` });
          if (f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon') polygons.push(toLonLat(f.geometry, crs));
        }
        if (polygons.length === 0) throw new InputError('REDLINE_NO_POLYGON', { file });
        return { geometry: unionPolygons(polygons), count: polygons.length };
      } finally {
        source.close();
      }
    },
    'redlines:fromParcels': async ({ layerId, ids }) => {
      const store = requireStore(ctx);
      const layer = store.layers.info(layerId);
      const polygons: (Polygon | MultiPolygon)[] = [];
      for (const id of ids) {
        const g = store.layers.feature(layerId, id).geometry;
        if (layer.crs && (g?.type === 'Polygon' || g?.type === 'MultiPolygon')) polygons.push(g);
      }
      if (polygons.length === 0 || !layer.crs) throw new InputError('REDLINE_NO_POLYGON', { file: layer.title });
      // Unioned in the layer's own CRS, where the parcels' shared edges are exactly equal.
      return { geometry: toLonLat(unionPolygons(polygons), layer.crs) };
    },
  };
}

/** The CRS red lines are checked and buffered in: the project's, else the first layer's. */
function projectCrsOrGk(ctx: HostContext) {
  const store = requireStore(ctx);
  const crs = store.info().crs ?? store.layers.list().find((l) => l.crs?.kind === 'projected')?.crs ?? null;
  if (!crs) throw new InputError('IMPORT_NO_CRS', { file: store.path });
  return crs;
}
