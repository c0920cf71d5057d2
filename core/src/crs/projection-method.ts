import { sameNumber, ZERO_PARAMS, type ProjectionMethod, type ProjectionParams } from './crs-definition';
import type { ParamKey, ProjectionFamily } from './projection-names';

/**
 * The projection method and parameters from a projection family and the parameters a definition gave, with the
 * defaults of OGC 01-009 (scale 1, everything else 0). Returns a reason string when the combination is one we
 * do not support (e.g. a Lambert with one standard parallel away from its origin).
 */
export function resolveProjection(family: ProjectionFamily, given: Map<ParamKey, number>): { method: ProjectionMethod; params: ProjectionParams } | string {
  const params: ProjectionParams = { ...ZERO_PARAMS };
  for (const [key, value] of given) if (key !== 'auxiliarySphereType') params[key] = value;
  const has = (key: ParamKey): boolean => given.has(key);
  const done = (method: ProjectionMethod) => ({ method, params: normalizeUnused(method, params) });

  switch (family) {
    case 'tmerc':
      return done('tmerc');
    case 'aea':
      return done('aea');
    case 'lcc':
      if (has('lat1') && has('lat2')) return sameNumber(params.k, 1) ? done('lcc2sp') : 'Lambert conformal conic with two standard parallels and a scale factor';
      if (!has('lat1') || sameNumber(params.lat1, params.lat0)) return done('lcc1sp');
      return 'Lambert conformal conic with one standard parallel away from the latitude of origin';
    case 'lcc1sp':
      return done('lcc1sp');
    case 'lcc2sp':
      return done('lcc2sp');
    case 'merc':
      if (has('lat1') && !sameNumber(params.lat1, 0)) return sameNumber(params.k, 1) ? done('merc2sp') : 'Mercator with a standard parallel and a scale factor';
      return mercator1sp(params, done);
    case 'merc1sp':
      return mercator1sp(params, done);
    case 'merc2sp':
      // A standard parallel on the equator is the 1SP form with k = 1: one spelling per geometry.
      return sameNumber(params.lat1, 0) ? mercator1sp({ ...params, k: 1 }, done) : done('merc2sp');
    case 'webmerc': {
      const aux = given.get('auxiliarySphereType') ?? 0;
      if (aux !== 0) return `Mercator auxiliary sphere type ${aux}`;
      if (!sameNumber(params.lon0, 0) || !sameNumber(params.x0, 0) || !sameNumber(params.y0, 0)) return 'Web Mercator with a shifted origin';
      return done('webmerc');
    }
  }
}

function mercator1sp(params: ProjectionParams, done: (m: ProjectionMethod) => { method: ProjectionMethod; params: ProjectionParams }) {
  if (!sameNumber(params.lat0, 0)) return 'Mercator with a latitude of origin off the equator';
  return done('merc1sp');
}

/** Zeroes the parameters a method does not use, so equal geometries have equal definitions. */
export function normalizeUnused(method: ProjectionMethod, p: ProjectionParams): ProjectionParams {
  const used: Record<ProjectionMethod, (keyof ProjectionParams)[]> = {
    longlat: [],
    tmerc: ['lat0', 'lon0', 'k', 'x0', 'y0'],
    aea: ['lat0', 'lon0', 'lat1', 'lat2', 'x0', 'y0'],
    lcc1sp: ['lat0', 'lon0', 'k', 'x0', 'y0'],
    lcc2sp: ['lat0', 'lon0', 'lat1', 'lat2', 'x0', 'y0'],
    merc1sp: ['lon0', 'k', 'x0', 'y0'],
    merc2sp: ['lon0', 'lat1', 'x0', 'y0'],
    webmerc: [],
  };
  const out: ProjectionParams = { ...ZERO_PARAMS };
  for (const key of used[method]) out[key] = p[key] === 0 ? 0 : p[key];
  return out;
}
