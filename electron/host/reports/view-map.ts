/**
 * The map of the app's current view as a file: the view's lon/lat extent taken into the map's projected CRS, the
 * parcels in it filled in the 三调 colours, the red line and its ring on top — or, for a run, the run's clipped
 * pieces. Drawn by the report's map code (map/export-map.ts), so the PNG/PDF looks like the report's map.
 */
import { geographicCrs, InputError, type CrsInfo, type Extent, type Lang, type PolygonalGeometry } from '#core';
import type { MapExportView } from '../contract/reports';
import type { ProjectStore } from '../store/project-store';
import { crsTransform, reprojectGeometry } from '../store/reproject';
import { mapDataOf } from './account-output';
import type { MapData } from './map/map-content';
import { storedRunOutput } from './run-output';

/** At most this many parcels in one exported view (a county at full extent is a job for a printed sheet). */
export const MAX_VIEW_PARCELS = 300_000;

export interface ViewMapSource {
  runId?: number | null;
  redLineId?: number | null;
  layerId?: string | null;
}

/**
 * The map data and the extent (in the data's CRS) of a view.
 * @throws InputError EXPORT_NO_CRS (a project without a CRS), RECORD_NOT_FOUND, LAYER_NOT_FOUND, RUN_NOT_SUCCEEDED,
 *   REPORT_MAP_TOO_MANY_PARCELS
 */
export function viewMapData(store: ProjectStore, view: MapExportView, source: ViewMapSource, lang: Lang): { data: MapData; extent: Extent } {
  if (source.runId != null) {
    const data = mapDataOf(storedRunOutput(store, source.runId, lang));
    if (!data) throw new InputError('EXPORT_NO_CRS', { layer: `run ${source.runId}`, format: 'PNG/PDF' });
    return { data, extent: lonLatExtentIn(view.extentLonLat, data.crs) };
  }
  const layer = source.layerId ? store.layers.info(source.layerId) : defaultParcelLayer(store);
  const crs = layer?.crs ?? store.info().crs;
  if (!crs) throw new InputError('EXPORT_NO_CRS', { layer: layer?.title ?? 'project', format: 'PNG/PDF' });
  const extent = lonLatExtentIn(view.extentLonLat, crs);
  let parcels: MapData['parcels'] = [];
  if (layer) {
    const found = store.layers.featuresInBbox(layer.id, extent, MAX_VIEW_PARCELS + 1);
    if (found.length > MAX_VIEW_PARCELS) throw new InputError('REPORT_MAP_TOO_MANY_PARCELS', { layer: layer.title, limit: MAX_VIEW_PARCELS });
    const dlbm = layer.fields.find((f) => f.name.toUpperCase() === 'DLBM')?.name ?? null;
    parcels = found.map((f) => ({ geometry: polygonal(f.geometry), dlbm: dlbm === null ? null : ((f.properties[dlbm] as string | null) ?? null) }));
  }
  let redline: PolygonalGeometry | null = null;
  let ring: PolygonalGeometry | null = null;
  if (source.redLineId != null) {
    const r = store.redLines.get(source.redLineId);
    redline = reprojectGeometry(r.geometry, r.crs, crs);
    const buffer = store.redLines.zones(r.id).find((z) => z.zone === 'buffer');
    ring = buffer ? reprojectGeometry(buffer.geometry, r.crs, crs) : null;
  }
  return { data: { crs, parcels, redline, ring }, extent };
}

function polygonal(g: unknown): PolygonalGeometry | null {
  const t = (g as { type?: string } | null)?.type;
  return t === 'Polygon' || t === 'MultiPolygon' ? (g as PolygonalGeometry) : null;
}

function defaultParcelLayer(store: ProjectStore) {
  const polygons = store.layers.list().filter((l) => l.geometryType === 'Polygon' || l.geometryType === 'MultiPolygon');
  return polygons.find((l) => l.fields.some((f) => f.name.toUpperCase() === 'DLBM')) ?? polygons[0] ?? null;
}

/**
 * A lon/lat box in a projected CRS: the box of its edges sampled at 16 points each (a Gauss-Kruger grid is not
 * aligned with meridians, so the corners alone can miss the bulge of an edge).
 */
export function lonLatExtentIn([w, s, e, n]: readonly [number, number, number, number], crs: CrsInfo): Extent {
  const { forward } = crsTransform(geographicCrs('WGS84'), crs);
  const out: Extent = [Infinity, Infinity, -Infinity, -Infinity];
  const STEPS = 16;
  for (let i = 0; i <= STEPS; i++) {
    const lon = w + ((e - w) * i) / STEPS;
    const lat = s + ((n - s) * i) / STEPS;
    for (const p of [[lon, s], [lon, n], [w, lat], [e, lat]] as const) {
      const [x, y] = forward([p[0], p[1]]);
      if (x < out[0]) out[0] = x;
      if (y < out[1]) out[1] = y;
      if (x > out[2]) out[2] = x;
      if (y > out[3]) out[3] = y;
    }
  }
  return out;
}
