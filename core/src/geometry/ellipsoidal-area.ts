import type { CrsInfo } from '../crs/crs-info';
import type { EllipsoidId } from '../crs/ellipsoid';
import { InputError } from '../errors';
import type { Geometry } from '../types';
import { gaussKrugerArea, type RingsAreaFn } from './gauss-kruger-area';
import { gaussKrugerConstants } from './gauss-kruger-constants';
import { geographicArea, projectedArea } from './geodesic-area';
import { planarAreaM2 } from './planar-area';
import { assertFiniteCoordinates, polygonParts } from './polygonal';

/** Step 0 piece length of docs/methods/sandiao-data.md §6.1 (metres): reproduces the exact area to ≤ 2e-4 m². */
export const DENSIFY_STEP_M = 10;

export interface EllipsoidalAreaOptions {
  /** Step 0 piece length in metres (default 10); null measures the raw vertices (no Step 0). */
  densifyM?: number | null;
}

/** A polygon's area measured for a report. */
export interface AreaMeasure {
  /** Area in the projected CRS's plane, m²; null for a geographic layer, where a plane area has no meaning. */
  planarAreaM2: number | null;
  /** 三调 ellipsoidal area on the layer's own ellipsoid, m² (docs/methods/sandiao-data.md §6.1); not rounded. */
  ellipsoidalAreaM2: number;
}

/**
 * The ellipsoidal-area function of a CRS, built once and applied to many polygons (300k parcels):
 *  - transverse Mercator / Gauss-Kruger: the 三调 method, Steps 0–3 (gauss-kruger-area.ts), honouring the false
 *    easting (zone prefix included), false northing, scale factor and latitude of origin;
 *  - geographic: GeographicLib PolygonArea from (B, L) with geodesic edges;
 *  - any other projection: edges densified in the projected plane, proj4 inverse, then geodesic edges.
 * Always on the layer's own ellipsoid: Xian 1980 data is measured on the Xian 1980 ellipsoid, never on CGCS2000.
 *
 * @throws InputError GEOMETRY_CRS_NO_ELLIPSOID when the CRS does not say which ellipsoid it is on.
 */
export function ellipsoidalAreaFunction(crs: CrsInfo, options: EllipsoidalAreaOptions = {}): (geometry: Geometry) => number {
  const densifyM = options.densifyM === undefined ? DENSIFY_STEP_M : options.densifyM;
  const rings = ringsAreaFunction(crs, densifyM);
  return (geometry) => {
    const parts = polygonParts(geometry);
    let area: number;
    try {
      area = rings(parts);
    } catch (e) {
      // A NaN vertex fails the range checks first; name it as what it is.
      assertFiniteCoordinates(parts);
      throw e;
    }
    if (!Number.isFinite(area)) assertFiniteCoordinates(parts);
    return area;
  };
}

function ringsAreaFunction(crs: CrsInfo, densifyM: number | null): RingsAreaFn {
  if (densifyM !== null && !(densifyM > 0)) throw new InputError('INVALID_ARGUMENT', { name: 'densifyM', reason: String(densifyM) });
  const ellipsoid = ellipsoidOf(crs);
  if (crs.kind === 'geographic') return geographicArea(ellipsoid);
  if (crs.transverseMercator) return gaussKrugerArea(crs.transverseMercator, gaussKrugerConstants(ellipsoid), { densifyM, crsName: crs.name });
  return projectedArea(crs.proj4, ellipsoid, densifyM);
}

/** The ellipsoid areas are measured on; Web Mercator's coordinates are WGS 84 by definition. */
function ellipsoidOf(crs: CrsInfo): EllipsoidId {
  if (crs.ellipsoid) return crs.ellipsoid;
  if (crs.epsg === 3857) return 'WGS84';
  throw new InputError('GEOMETRY_CRS_NO_ELLIPSOID', { crs: crs.name });
}

// One area function per CRS, so per-feature calls do not rebuild constants: by object first (the usual case, one
// CrsInfo per layer; CrsInfo is treated as immutable data), then by definition (equal CRSs built separately).
const byObject = new WeakMap<CrsInfo, (geometry: Geometry) => number>();
const byDefinition = new Map<string, (geometry: Geometry) => number>();

/**
 * 三调 ellipsoidal area of a Polygon or MultiPolygon (docs/methods/sandiao-data.md §6.1): holes subtracted, parts
 * summed, not rounded (round once, at the report edge, to 0.01 m² for TBMJ).
 *
 * @param geometry Polygon or MultiPolygon in `crs`, coordinates [easting, northing] or [lon, lat].
 * @param crs the layer's CRS; its ellipsoid and transverse-Mercator parameters decide the method.
 * @returns area in m².
 * @throws InputError GEOMETRY_NOT_POLYGONAL, GEOMETRY_NON_FINITE, GEOMETRY_OUTSIDE_PROJECTION (a vertex more than
 *   1000 km from the central meridian: usually the wrong CRS), GEOMETRY_NOT_LONLAT, GEOMETRY_CRS_NO_ELLIPSOID.
 * @example
 * // 100 m square on the central meridian of CGCS2000 zone 39 (EPSG:4527), 3500 km north of the equator:
 * ellipsoidalAreaM2({ type: 'Polygon', coordinates: [[[39500000, 3500000], [39500100, 3500000],
 *   [39500100, 3500100], [39500000, 3500100], [39500000, 3500000]]] }, crs4527) // ≈ 10000.0000
 */
export function ellipsoidalAreaM2(geometry: Geometry, crs: CrsInfo): number {
  let fn = byObject.get(crs);
  if (!fn) {
    const key = `${crs.kind}|${crs.ellipsoid}|${crs.epsg}|${crs.proj4}|${JSON.stringify(crs.transverseMercator ?? null)}`;
    fn = byDefinition.get(key);
    if (!fn) {
      if (byDefinition.size > 32) byDefinition.clear();
      fn = ellipsoidalAreaFunction(crs);
      byDefinition.set(key, fn);
    }
    byObject.set(crs, fn);
  }
  return fn(geometry);
}

/**
 * Planar and ellipsoidal area of one polygon, as `vep area` reports them (docs/design/cli.md).
 *
 * @throws InputError as {@link ellipsoidalAreaM2}.
 */
export function measureArea(geometry: Geometry, crs: CrsInfo): AreaMeasure {
  return {
    planarAreaM2: crs.kind === 'geographic' ? null : planarAreaM2(geometry),
    ellipsoidalAreaM2: ellipsoidalAreaM2(geometry, crs),
  };
}
