import { normalizeName } from './datum-names';
import type { ProjectionParams } from './crs-definition';

/**
 * The names projections and their parameters go by in ESRI WKT (.prj), OGC WKT1 (GDAL) and WKT2 (EPSG names),
 * normalised to lower-case letters and digits. Only the projections Chinese vector and raster data come in are
 * listed (docs/methods/sandiao-data.md §5.2): anything else is refused with CRS_UNSUPPORTED, never guessed.
 */
export type ProjectionFamily = 'tmerc' | 'aea' | 'lcc' | 'lcc1sp' | 'lcc2sp' | 'merc' | 'merc1sp' | 'merc2sp' | 'webmerc';

const PROJECTIONS: Record<string, ProjectionFamily> = {
  transversemercator: 'tmerc',
  gausskruger: 'tmerc',
  gausskrueger: 'tmerc',
  albers: 'aea',
  albersconicequalarea: 'aea',
  albersequalarea: 'aea',
  // ESRI's "Lambert_Conformal_Conic" is either form; the parameters decide.
  lambertconformalconic: 'lcc',
  lambertconformalconic1sp: 'lcc1sp',
  lambertconicconformal1sp: 'lcc1sp',
  lambertconformalconic2sp: 'lcc2sp',
  lambertconicconformal2sp: 'lcc2sp',
  // ESRI's "Mercator" has a standard parallel; OGC's plain "Mercator" a scale factor: the parameters decide.
  mercator: 'merc',
  mercator1sp: 'merc1sp',
  mercatorvarianta: 'merc1sp',
  mercator2sp: 'merc2sp',
  mercatorvariantb: 'merc2sp',
  mercatorauxiliarysphere: 'webmerc',
  popularvisualisationpseudomercator: 'webmerc',
};

export type ParamKey = keyof ProjectionParams | 'auxiliarySphereType';

const PARAMETERS: Record<string, ParamKey> = {
  latitudeoforigin: 'lat0',
  latitudeofcenter: 'lat0',
  latitudeofnaturalorigin: 'lat0',
  latitudeoffalseorigin: 'lat0',
  centralmeridian: 'lon0',
  longitudeofcenter: 'lon0',
  longitudeofnaturalorigin: 'lon0',
  longitudeoffalseorigin: 'lon0',
  longitudeoforigin: 'lon0',
  scalefactor: 'k',
  scalefactoratnaturalorigin: 'k',
  falseeasting: 'x0',
  eastingatfalseorigin: 'x0',
  falsenorthing: 'y0',
  northingatfalseorigin: 'y0',
  standardparallel1: 'lat1',
  latitudeof1ststandardparallel: 'lat1',
  standardparallel2: 'lat2',
  latitudeof2ndstandardparallel: 'lat2',
  auxiliaryspheretype: 'auxiliarySphereType',
};

/** The family of a projection or WKT2 method name, or undefined when we do not support it. */
export function projectionFamily(name: string): ProjectionFamily | undefined {
  return PROJECTIONS[normalizeName(name)];
}

/** Which parameter a PARAMETER name sets, or undefined for a parameter we do not know. */
export function parameterKey(name: string): ParamKey | undefined {
  return PARAMETERS[normalizeName(name)];
}

/** Whether a parameter is an angle (in the CRS's angular unit) rather than a length or a scale. */
export function isAngleParameter(key: ParamKey): boolean {
  return key === 'lat0' || key === 'lon0' || key === 'lat1' || key === 'lat2';
}
