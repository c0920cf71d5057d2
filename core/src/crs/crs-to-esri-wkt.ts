import type { CrsInfo } from './crs-info';
import { ellipsoidIdOf, num, type CrsDefinition } from './crs-definition';
import { quote } from './crs-to-ogc-wkt';
import { definitionOfCrs } from './definition-of-crs';
import { ELLIPSOIDS } from './ellipsoid';
import { esriProjectedName, GEOGRAPHIC_NAMES } from './wkt-datum-names';
import { zoneOfEpsg } from './zone-table';

/**
 * A CRS as ESRI WKT, the text ArcGIS writes in a shapefile's .prj (`gdalsrsinfo -o wkt_esri`), with ArcGIS's exact
 * names for the Chinese zoo (docs/methods/sandiao-data.md §5.2): `PROJCS["CGCS2000_3_Degree_GK_Zone_40",
 * GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",…],PROJECTION["Gauss_Kruger"],…]`. A CRS outside our tables
 * keeps its own name. ESRI WKT cannot hold datum-shift parameters (TOWGS84): they are not written.
 * @throws InputError CRS_UNSUPPORTED for a CrsInfo whose proj4 string uses a projection, unit or key outside
 *   crs-definition.ts (every CrsInfo made by core's readers is inside it).
 * @example crsToEsriWkt(crsFromEpsg(4527)!).startsWith('PROJCS["CGCS2000_3_Degree_GK_Zone_39"') // true
 */
export function crsToEsriWkt(crs: CrsInfo): string {
  const def = definitionOfCrs(crs);
  if (def.method === 'longlat') return `${geogcs(def)}]`;
  const p = def.params;
  const zone = crs.epsg !== null ? zoneOfEpsg(crs.epsg) : null;
  const name = (crs.epsg !== null ? esriProjectedName(crs.epsg) : null) ?? crs.name;
  const fe: [string, number][] = [['False_Easting', p.x0], ['False_Northing', p.y0]];
  let projection: string;
  let parameters: [string, number][];
  switch (def.method) {
    case 'tmerc':
      // ArcGIS calls the Chinese zones Gauss_Kruger; the same formulas under any other name are Transverse_Mercator.
      projection = zone ? 'Gauss_Kruger' : 'Transverse_Mercator';
      parameters = [...fe, ['Central_Meridian', p.lon0], ['Scale_Factor', p.k], ['Latitude_Of_Origin', p.lat0]];
      break;
    case 'aea':
      projection = 'Albers';
      parameters = [...fe, ['Central_Meridian', p.lon0], ['Standard_Parallel_1', p.lat1], ['Standard_Parallel_2', p.lat2], ['Latitude_Of_Origin', p.lat0]];
      break;
    case 'lcc2sp':
      projection = 'Lambert_Conformal_Conic';
      parameters = [...fe, ['Central_Meridian', p.lon0], ['Standard_Parallel_1', p.lat1], ['Standard_Parallel_2', p.lat2], ['Latitude_Of_Origin', p.lat0]];
      break;
    case 'lcc1sp':
      projection = 'Lambert_Conformal_Conic';
      parameters = [...fe, ['Central_Meridian', p.lon0], ['Standard_Parallel_1', p.lat0], ['Scale_Factor', p.k], ['Latitude_Of_Origin', p.lat0]];
      break;
    case 'merc1sp':
      // ESRI's Mercator has no scale factor: k is the scale on the parallel φ with k = cos φ / √(1 − e² sin² φ), as GDAL converts it.
      projection = 'Mercator';
      parameters = [...fe, ['Central_Meridian', p.lon0], ['Standard_Parallel_1', parallelOfScale(p.k, def)]];
      break;
    case 'merc2sp':
      projection = 'Mercator';
      parameters = [...fe, ['Central_Meridian', p.lon0], ['Standard_Parallel_1', p.lat1]];
      break;
    case 'webmerc':
      return (
        'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],' +
        'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],' +
        'PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]'
      );
  }
  return `PROJCS[${quote(name)},${geogcs(def)}],PROJECTION[${quote(projection)}],${parameters.map(([n, v]) => `PARAMETER[${quote(n)},${esriNum(v)}]`).join(',')},UNIT["Meter",1.0]]`;
}

/** The GEOGCS node without its closing bracket. */
function geogcs(def: CrsDefinition): string {
  const names = def.datum.kind === 'known' ? GEOGRAPHIC_NAMES[def.datum.id].esri : { geogcs: 'GCS_unknown', datum: 'D_unknown', spheroid: def.ellipsoid.name ?? 'unknown' };
  return (
    `GEOGCS[${quote(names.geogcs)},DATUM[${quote(names.datum)},SPHEROID[${quote(names.spheroid)},${esriNum(def.ellipsoid.a)},${esriNum(def.ellipsoid.rf)}]],` +
    'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]'
  );
}

/** ESRI writes every number with a decimal point: 40500000.0, 1.0. */
function esriNum(x: number): string {
  const s = num(x);
  return /[.eE]/.test(s) ? s : `${s}.0`;
}

function parallelOfScale(k: number, def: CrsDefinition): number {
  if (k >= 1) return 0;
  const id = ellipsoidIdOf(def.ellipsoid);
  const rf = id ? ELLIPSOIDS[id].rf : def.ellipsoid.rf;
  const e2 = rf === 0 ? 0 : (2 - 1 / rf) / rf;
  const sin2 = (1 - k * k) / (1 - k * k * e2);
  return (Math.asin(Math.sqrt(sin2)) * 180) / Math.PI;
}
