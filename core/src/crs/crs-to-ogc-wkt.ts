import type { CrsInfo } from './crs-info';
import { num, type CrsDefinition } from './crs-definition';
import { definitionOfCrs } from './definition-of-crs';
import { GEOGRAPHIC_NAMES } from './wkt-datum-names';
import { zoneOfEpsg } from './zone-table';

/**
 * A CRS as OGC WKT1 with AUTHORITY nodes, in the form GDAL writes (`gdalsrsinfo -o wkt1`, single-line): what
 * GeoPackage's `gpkg_spatial_ref_sys.definition` holds. Axis order follows EPSG as GDAL does (northing first for the
 * Chinese Gauss-Kruger codes, latitude first for geographic CRSs); coordinates in core stay (easting, northing).
 * Checked structurally against GDAL for the zoo in crs-to-wkt.test.ts; `crsFromWkt(crsToOgcWkt(c))` equals `c`.
 * @throws InputError CRS_UNSUPPORTED for a CrsInfo whose proj4 string uses a projection, unit or key outside
 *   crs-definition.ts (every CrsInfo made by core's readers is inside it).
 * @example crsToOgcWkt(crsFromEpsg(4528)!) // 'PROJCS["CGCS2000 / 3-degree Gauss-Kruger zone 40",GEOGCS[…],…,AUTHORITY["EPSG","4528"]]'
 */
export function crsToOgcWkt(crs: CrsInfo): string {
  const def = definitionOfCrs(crs);
  if (def.method === 'webmerc') return WEB_MERCATOR_WKT1;
  const authority = crs.epsg !== null ? `,${auth(crs.epsg)}` : '';
  if (def.method === 'longlat') return `${geogcs(def, crs.name)},AXIS["Latitude",NORTH],AXIS["Longitude",EAST]${authority}]`;

  const p = def.params;
  const table: Record<typeof def.method, [string, number][]> = {
    tmerc: [['latitude_of_origin', p.lat0], ['central_meridian', p.lon0], ['scale_factor', p.k], ['false_easting', p.x0], ['false_northing', p.y0]],
    aea: [['latitude_of_center', p.lat0], ['longitude_of_center', p.lon0], ['standard_parallel_1', p.lat1], ['standard_parallel_2', p.lat2], ['false_easting', p.x0], ['false_northing', p.y0]],
    lcc2sp: [['latitude_of_origin', p.lat0], ['central_meridian', p.lon0], ['standard_parallel_1', p.lat1], ['standard_parallel_2', p.lat2], ['false_easting', p.x0], ['false_northing', p.y0]],
    lcc1sp: [['latitude_of_origin', p.lat0], ['central_meridian', p.lon0], ['scale_factor', p.k], ['false_easting', p.x0], ['false_northing', p.y0]],
    merc1sp: [['central_meridian', p.lon0], ['scale_factor', p.k], ['false_easting', p.x0], ['false_northing', p.y0]],
    merc2sp: [['standard_parallel_1', p.lat1], ['central_meridian', p.lon0], ['false_easting', p.x0], ['false_northing', p.y0]],
  };
  const parameters = table[def.method];
  const projection = { tmerc: 'Transverse_Mercator', aea: 'Albers_Conic_Equal_Area', lcc2sp: 'Lambert_Conformal_Conic_2SP', lcc1sp: 'Lambert_Conformal_Conic_1SP', merc1sp: 'Mercator_1SP', merc2sp: 'Mercator_2SP' }[def.method];
  // EPSG defines the Chinese Gauss-Kruger CRSs northing first (docs/methods/sandiao-data.md §5.1); GDAL says so.
  const axes = crs.epsg !== null && zoneOfEpsg(crs.epsg) ? 'AXIS["Northing",NORTH],AXIS["Easting",EAST]' : 'AXIS["Easting",EAST],AXIS["Northing",NORTH]';
  return (
    `PROJCS[${quote(crs.name)},${geogcs(def, null)}],PROJECTION[${quote(projection)}],` +
    parameters.map(([name, value]) => `PARAMETER[${quote(name)},${num(value)}]`).join(',') +
    `,UNIT["metre",1,${auth(9001)}],${axes}${authority}]`
  );
}

/** The GEOGCS node without its closing bracket (a standalone geographic CRS adds axes and authority). */
function geogcs(def: CrsDefinition, standaloneName: string | null): string {
  const towgs84 = def.towgs84 ? `,TOWGS84[${def.towgs84.map(num).join(',')}]` : '';
  const tail = `PRIMEM["Greenwich",0,${auth(8901)}],UNIT["degree",0.0174532925199433,${auth(9122)}]`;
  if (def.datum.kind === 'known') {
    const n = GEOGRAPHIC_NAMES[def.datum.id].ogc;
    const spheroid = `SPHEROID[${quote(n.spheroid)},${num(def.ellipsoid.a)},${num(def.ellipsoid.rf)},${auth(n.spheroidEpsg)}]`;
    const geogAuthority = standaloneName === null ? `,${auth(n.geogcsEpsg)}` : '';
    return `GEOGCS[${quote(standaloneName ?? n.geogcs)},DATUM[${quote(n.datum)},${spheroid}${towgs84},${auth(n.datumEpsg)}],${tail}${geogAuthority}`;
  }
  const spheroid = `SPHEROID[${quote(def.ellipsoid.name ?? 'unknown')},${num(def.ellipsoid.a)},${num(def.ellipsoid.rf)}]`;
  return `GEOGCS[${quote(standaloneName ?? 'unknown')},DATUM["unknown",${spheroid}${towgs84}],${tail}`;
}

const WEB_MERCATOR_WKT1 =
  'PROJCS["WGS 84 / Pseudo-Mercator",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],' +
  'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],' +
  'AUTHORITY["EPSG","4326"]],PROJECTION["Mercator_1SP"],PARAMETER["central_meridian",0],PARAMETER["scale_factor",1],' +
  'PARAMETER["false_easting",0],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],' +
  'AXIS["Northing",NORTH],EXTENSION["PROJ4","+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m ' +
  '+nadgrids=@null +wktext +no_defs"],AUTHORITY["EPSG","3857"]]';

function auth(code: number): string {
  return `AUTHORITY["EPSG","${code}"]`;
}

/** A WKT quoted string: a quote inside is doubled. */
export function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
