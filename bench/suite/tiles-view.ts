/**
 * The vector tiles of a full-extent view: the project just opened in a 1280 × 800 map, fitted to the layer's extent
 * (40 px padding, 512-px tiles as MapLibre requests them, at the floor of the fitted zoom). Our side cuts exactly
 * those tiles cold: a freshly opened project, no tile cache; the layer's overview is read from the project, where the
 * import left it, as in the app. GDAL's twin writes every tile of the layer at that zoom with `ogr2ogr -f MVT` (same
 * four attributes).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createTransform, crsFromEpsg, MERCATOR_HALF_WIDTH_M, WEB_MERCATOR, type Extent } from '#core';
import { ProjectStore } from '../../electron/host/store/project-store';
import { DEFAULT_TILE_PROPERTIES, TileService } from '../../electron/host/tiles/tile-service';
import { memoryGoal, side, type Benchmark } from '../lib/benchmark';
import { measure, timeInProcess } from '../lib/measure';

const VIEW_PX: [number, number] = [1280, 800];
const PADDING_PX = 40;
const TILE_PX = 512;

/** The zoom and tiles a map of VIEW_PX fitted to `extent` (in Web Mercator metres) shows. */
export function fullExtentTiles([x0, y0, x1, y1]: Extent): { z: number; tiles: [number, number][] } {
  const world = 2 * MERCATOR_HALF_WIDTH_M;
  const fit = Math.min((VIEW_PX[0] - 2 * PADDING_PX) / (x1 - x0), (VIEW_PX[1] - 2 * PADDING_PX) / (y1 - y0)); // px per metre
  const zoom = Math.log2((fit * world) / TILE_PX);
  const z = Math.floor(zoom);
  const metresPerPx = world / (TILE_PX * 2 ** zoom);
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  const [hw, hh] = [(VIEW_PX[0] / 2) * metresPerPx, (VIEW_PX[1] / 2) * metresPerPx];
  const size = world / 2 ** z;
  const col = (x: number) => Math.floor((x + MERCATOR_HALF_WIDTH_M) / size);
  const row = (y: number) => Math.floor((MERCATOR_HALF_WIDTH_M - y) / size);
  const tiles: [number, number][] = [];
  for (let x = col(cx - hw); x <= col(cx + hw); x++) for (let y = row(cy + hh); y <= row(cy - hh); y++) tiles.push([x, y]);
  return { z, tiles };
}

function mercatorExtent(extent: Extent, epsg: number): Extent {
  const t = createTransform(crsFromEpsg(epsg)!, WEB_MERCATOR);
  const corners = [[extent[0], extent[1]], [extent[2], extent[1]], [extent[0], extent[3]], [extent[2], extent[3]]].map((p) => t.forward(p));
  return [Math.min(...corners.map((p) => p[0])), Math.min(...corners.map((p) => p[1])), Math.max(...corners.map((p) => p[0])), Math.max(...corners.map((p) => p[1]))];
}

export const tilesView: Benchmark = {
  id: 'tiles-view',
  title: 'vector tiles for a full-extent view',
  async child(_options, data) {
    const store = ProjectStore.open(data.project, { readonly: true });
    try {
      const layer = store.layers.list()[0];
      if (!layer.extent) throw new Error('the project layer is empty');
      const { z, tiles } = fullExtentTiles(mercatorExtent(layer.extent, data.epsg));
      const service = new TileService(store, { cacheBytes: 0 });
      const { value: bytes, wallMs, cpuMs } = timeInProcess(() => tiles.reduce((sum, [x, y]) => sum + (service.getTile(layer.id, z, x, y)?.byteLength ?? 0), 0));
      return { z, tiles: tiles.length, kib: Math.round(bytes / 1024), inProcessMs: wallMs, inProcessCpuMs: cpuMs };
    } finally {
      store.close();
    }
  },
  run(ctx) {
    const { data, runs } = ctx;
    const ours = ctx.child<{ z: number; tiles: number; kib: number }>(this.id, {}, runs);
    const out = path.join(data.dir, 'gdal-mvt');
    const z = String(ours.result.z);
    const gdal = measure('ogr2ogr', ['-f', 'MVT', out, data.gdalGpkg, 'parcels', '-select', DEFAULT_TILE_PROPERTIES.join(','), '-dsco', `MINZOOM=${z}`, '-dsco', `MAXZOOM=${z}`, '-dsco', 'COMPRESS=NO'], { runs, before: () => rmSync(out, { recursive: true, force: true }) });
    return [{
      id: this.id,
      title: `vector tiles of a full-extent view (z${z}, ${ours.result.tiles} tiles of 512 px)`,
      goals: [memoryGoal(ours.peakRssMiB)],
      ours: side('TileService.getTile, cold (project just opened, no tile cache)', ours),
      gdal: side(`ogr2ogr -f MVT, every tile at z${z}`, gdal),
      details: { ...ours.result },
    }];
  },
};
