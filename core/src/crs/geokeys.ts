/**
 * GeoTIFF GeoKeys (OGC GeoTIFF 1.1 §7) ↔ {@link CrsInfo}.
 *
 * Reading: an EPSG ProjectedCSType / GeographicType code goes through {@link crsFromEpsg} (the Chinese zone
 * table, CGCS2000/Xian 1980/Beijing 1954/WGS 84 geographic, Web Mercator, WGS 84 / UTM). A user-defined projection (ProjectedCSType 32767) is rebuilt into a proj4 string from its
 * ProjCoordTrans and parameter keys: transverse Mercator (recognised as a Chinese Gauss-Kruger zone when it is
 * one), Albers equal area, Lambert conformal conic (1SP/2SP) and Mercator. Anything else gives a null CRS and a
 * warning, never an exception: a raster without a usable CRS can still be inspected.
 *
 * Writing: an EPSG code when the CRS has one, else user-defined transverse Mercator keys.
 */
import { InputError } from '../errors';
import type { CrsInfo } from './crs-info';
import { ELLIPSOIDS, type EllipsoidId } from './ellipsoid';
import { crsFromEpsg } from './crs-from-epsg';
import { gaussKrugerCrs, GEOGRAPHIC_EPSG, geographicCrs, zoneOfCentralMeridian, type ChineseDatum } from './zone-table';

export const GEOKEY = {
  GTModelType: 1024,
  GTRasterType: 1025,
  GTCitation: 1026,
  GeographicType: 2048,
  GeogCitation: 2049,
  GeogGeodeticDatum: 2050,
  GeogAngularUnits: 2054,
  GeogEllipsoid: 2056,
  GeogSemiMajorAxis: 2057,
  GeogSemiMinorAxis: 2058,
  GeogInvFlattening: 2059,
  ProjectedCSType: 3072,
  PCSCitation: 3073,
  Projection: 3074,
  ProjCoordTrans: 3075,
  ProjLinearUnits: 3076,
  ProjLinearUnitSize: 3077,
  ProjStdParallel1: 3078,
  ProjStdParallel2: 3079,
  ProjNatOriginLong: 3080,
  ProjNatOriginLat: 3081,
  ProjFalseEasting: 3082,
  ProjFalseNorthing: 3083,
  ProjFalseOriginLong: 3084,
  ProjFalseOriginLat: 3085,
  ProjFalseOriginEasting: 3086,
  ProjFalseOriginNorthing: 3087,
  ProjCenterLong: 3088,
  ProjCenterLat: 3089,
  ProjCenterEasting: 3090,
  ProjCenterNorthing: 3091,
  ProjScaleAtNatOrigin: 3092,
  ProjScaleAtCenter: 3093,
} as const;

export const USER_DEFINED = 32767;
/** GTRasterTypeGeoKey values. */
export const RASTER_PIXEL_IS_AREA = 1;
export const RASTER_PIXEL_IS_POINT = 2;

export type GeoKeyValue = number | number[] | string;
export type GeoKeys = ReadonlyMap<number, GeoKeyValue>;

export interface CrsWarning {
  code: 'RASTER_CRS_MISSING' | 'RASTER_CRS_UNKNOWN_EPSG' | 'RASTER_CRS_UNSUPPORTED';
  details: Record<string, unknown>;
}

/**
 * The CRS described by a GeoTIFF's GeoKeys.
 * @param file the name used in warnings.
 * @returns the CRS, or null with a warning saying why (no keys, unknown EPSG code, unsupported projection).
 */
export function crsFromGeoKeys(keys: GeoKeys, file: string): { crs: CrsInfo | null; warning: CrsWarning | null } {
  const fail = (code: CrsWarning['code'], details: Record<string, unknown> = {}) => ({ crs: null, warning: { code, details: { file, ...details } } });
  const model = num(keys, GEOKEY.GTModelType);
  const pcs = num(keys, GEOKEY.ProjectedCSType);
  const gcs = num(keys, GEOKEY.GeographicType);
  if (model === null && pcs === null && gcs === null) return fail('RASTER_CRS_MISSING');
  if (model === 3) return fail('RASTER_CRS_UNSUPPORTED', { reason: 'geocentric model (GTModelType 3)' });

  if (pcs !== null && pcs !== USER_DEFINED && pcs > 0) {
    const crs = crsFromEpsg(pcs);
    return crs ? { crs, warning: null } : fail('RASTER_CRS_UNKNOWN_EPSG', { epsg: pcs });
  }
  if (model === 1 || pcs === USER_DEFINED) {
    const geog = geographicPart(keys);
    if (typeof geog === 'string') return fail('RASTER_CRS_UNSUPPORTED', { reason: geog });
    const built = userProjection(keys, geog);
    return typeof built === 'string' ? fail('RASTER_CRS_UNSUPPORTED', { reason: built }) : { crs: built, warning: null };
  }
  if (gcs !== null && gcs !== USER_DEFINED) {
    const crs = crsFromEpsg(gcs);
    return crs && crs.kind === 'geographic' ? { crs, warning: null } : fail('RASTER_CRS_UNKNOWN_EPSG', { epsg: gcs });
  }
  const geog = geographicPart(keys);
  if (typeof geog === 'string') return fail('RASTER_CRS_UNSUPPORTED', { reason: geog });
  if (geog.ellipsoid) return { crs: geographicCrs(geog.ellipsoid), warning: null };
  return { crs: { epsg: null, name: text(keys, GEOKEY.GeogCitation) ?? 'user-defined geographic', proj4: `+proj=longlat ${geog.proj4} +no_defs`, kind: 'geographic', ellipsoid: null }, warning: null };
}

interface GeographicPart {
  /** One of ours when the datum/ellipsoid is recognised. */
  ellipsoid: EllipsoidId | null;
  /** The proj4 ellipsoid (or datum) clause. */
  proj4: string;
}

const DATUM_BY_GCS: Record<number, EllipsoidId> = { 4490: 'CGCS2000', 4326: 'WGS84', 4214: 'Beijing1954', 4610: 'Xian1980' };
const DATUM_BY_DATUM_CODE: Record<number, EllipsoidId> = { 1043: 'CGCS2000', 6326: 'WGS84', 6214: 'Beijing1954', 6610: 'Xian1980' };
const ELLIPSOID_BY_CODE: Record<number, EllipsoidId> = { 7019: 'CGCS2000', 1024: 'CGCS2000', 7030: 'WGS84', 7024: 'Beijing1954', 7049: 'Xian1980' };

/** The datum/ellipsoid of a projected or geographic CRS, or the reason it cannot be told. */
function geographicPart(keys: GeoKeys): GeographicPart | string {
  const angular = num(keys, GEOKEY.GeogAngularUnits);
  if (angular !== null && angular !== 9102 && angular !== USER_DEFINED) return `angular unit ${angular} (only degrees, 9102, are supported)`;
  const gcs = num(keys, GEOKEY.GeographicType);
  if (gcs !== null && gcs !== USER_DEFINED) {
    const id = DATUM_BY_GCS[gcs];
    return id ? { ellipsoid: id, proj4: ELLIPSOIDS[id].proj4 } : `geographic CRS EPSG:${gcs} is not known`;
  }
  const datum = num(keys, GEOKEY.GeogGeodeticDatum);
  if (datum !== null && DATUM_BY_DATUM_CODE[datum]) return ours(DATUM_BY_DATUM_CODE[datum]);
  const ellipsoidCode = num(keys, GEOKEY.GeogEllipsoid);
  if (ellipsoidCode !== null && ELLIPSOID_BY_CODE[ellipsoidCode]) return ours(ELLIPSOID_BY_CODE[ellipsoidCode]);
  const a = num(keys, GEOKEY.GeogSemiMajorAxis);
  const rf = num(keys, GEOKEY.GeogInvFlattening);
  const b = num(keys, GEOKEY.GeogSemiMinorAxis);
  if (a !== null && (rf !== null || b !== null)) {
    const inverseFlattening = rf ?? a / (a - (b as number));
    const match = (Object.keys(ELLIPSOIDS) as EllipsoidId[]).find((id) => ELLIPSOIDS[id].a === a && Math.abs(ELLIPSOIDS[id].rf - inverseFlattening) < 1e-6);
    if (match) return ours(match);
    return { ellipsoid: null, proj4: rf !== null ? `+a=${a} +rf=${rf}` : `+a=${a} +b=${b}` };
  }
  return 'no geographic CRS, datum or ellipsoid keys';
}

function ours(id: EllipsoidId): GeographicPart {
  return { ellipsoid: id, proj4: ELLIPSOIDS[id].proj4 };
}

const METHOD_NAMES: Record<number, string> = { 1: 'Transverse Mercator', 7: 'Mercator', 8: 'Lambert Conformal Conic (2SP)', 9: 'Lambert Conformal Conic (1SP)', 11: 'Albers Equal Area' };

/** A user-defined projected CRS from its ProjCoordTrans and parameter keys, or the reason it cannot be built. */
function userProjection(keys: GeoKeys, geog: GeographicPart): CrsInfo | string {
  const method = num(keys, GEOKEY.ProjCoordTrans);
  if (method === null) return 'user-defined projection without ProjCoordTransGeoKey';
  const units = linearUnits(keys);
  if (units === null) return `linear unit ${num(keys, GEOKEY.ProjLinearUnits)}`;
  const pick = (...ids: number[]): number => {
    for (const id of ids) {
      const v = num(keys, id);
      if (v !== null) return v;
    }
    return 0;
  };
  const lon0 = pick(GEOKEY.ProjNatOriginLong, GEOKEY.ProjFalseOriginLong, GEOKEY.ProjCenterLong);
  const lat0 = pick(GEOKEY.ProjNatOriginLat, GEOKEY.ProjFalseOriginLat, GEOKEY.ProjCenterLat);
  const x0 = pick(GEOKEY.ProjFalseEasting, GEOKEY.ProjFalseOriginEasting, GEOKEY.ProjCenterEasting);
  const y0 = pick(GEOKEY.ProjFalseNorthing, GEOKEY.ProjFalseOriginNorthing, GEOKEY.ProjCenterNorthing);
  const k = num(keys, GEOKEY.ProjScaleAtNatOrigin) ?? num(keys, GEOKEY.ProjScaleAtCenter) ?? 1;
  const tail = `${geog.proj4} ${units} +no_defs`;
  const name = text(keys, GEOKEY.PCSCitation) ?? text(keys, GEOKEY.GTCitation) ?? `${METHOD_NAMES[method] ?? 'projection'} (user-defined)`;
  const projected = (proj4: string): CrsInfo => ({ epsg: null, name, proj4, kind: 'projected', ellipsoid: geog.ellipsoid });
  switch (method) {
    case 1: {
      const zoned = chineseZone(geog.ellipsoid, lon0, lat0, k, x0, y0, units);
      if (zoned) return zoned;
      return {
        ...projected(`+proj=tmerc +lat_0=${lat0} +lon_0=${lon0} +k=${k} +x_0=${x0} +y_0=${y0} ${tail}`),
        transverseMercator: { centralMeridian: lon0, latitudeOfOrigin: lat0, scale: k, falseEasting: x0, falseNorthing: y0, zone: null },
      };
    }
    case 11:
      return projected(`+proj=aea +lat_0=${lat0} +lon_0=${lon0} +lat_1=${pick(GEOKEY.ProjStdParallel1)} +lat_2=${pick(GEOKEY.ProjStdParallel2)} +x_0=${x0} +y_0=${y0} ${tail}`);
    case 8:
      return projected(`+proj=lcc +lat_0=${lat0} +lon_0=${lon0} +lat_1=${pick(GEOKEY.ProjStdParallel1)} +lat_2=${pick(GEOKEY.ProjStdParallel2)} +x_0=${x0} +y_0=${y0} ${tail}`);
    case 9:
      return projected(`+proj=lcc +lat_1=${lat0} +lat_0=${lat0} +lon_0=${lon0} +k_0=${k} +x_0=${x0} +y_0=${y0} ${tail}`);
    case 7: {
      const latTs = num(keys, GEOKEY.ProjStdParallel1);
      const scale = latTs !== null ? `+lat_ts=${latTs}` : `+k=${k}`;
      return projected(`+proj=merc +lon_0=${lon0} ${scale} +x_0=${x0} +y_0=${y0} ${tail}`);
    }
    default:
      return `projection method ${METHOD_NAMES[method] ?? `ProjCoordTrans ${method}`} is not supported`;
  }
}

/**
 * A transverse Mercator on a Chinese datum with the zone systems' constants is reported as that zone, with its
 * EPSG code. A central meridian that is both a 3° and a 6° one (75°E, 81°E…) without zone prefix has two EPSG codes
 * with identical definitions; the 3° code is reported, the system of 三调 and county data.
 */
function chineseZone(ellipsoid: EllipsoidId | null, lon0: number, lat0: number, k: number, x0: number, y0: number, units: string): CrsInfo | null {
  if (!ellipsoid || ellipsoid === 'WGS84' || lat0 !== 0 || k !== 1 || y0 !== 0 || units !== '+units=m') return null;
  const datum: ChineseDatum = ellipsoid;
  for (const width of [3, 6] as const) {
    const zone = zoneOfCentralMeridian(width, lon0);
    if (zone === null) continue;
    if (x0 === 500000 || x0 === zone * 1e6 + 500000) {
      const crs = gaussKrugerCrs({ datum, width, zone, prefixed: x0 !== 500000 });
      if (crs.epsg !== null) return crs;
    }
  }
  return null;
}

function linearUnits(keys: GeoKeys): string | null {
  const code = num(keys, GEOKEY.ProjLinearUnits);
  if (code === null || code === 9001) return '+units=m';
  if (code === 9002) return '+units=ft';
  if (code === 9003) return '+units=us-ft';
  const size = num(keys, GEOKEY.ProjLinearUnitSize);
  return size !== null && size > 0 ? `+to_meter=${size}` : null;
}

function num(keys: GeoKeys, id: number): number | null {
  const v = keys.get(id);
  if (typeof v === 'number') return v;
  if (Array.isArray(v) && v.length > 0) return v[0];
  return null;
}

function text(keys: GeoKeys, id: number): string | null {
  const v = keys.get(id);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/**
 * The GeoKeys that describe `crs`: its EPSG code when it has one, else user-defined transverse Mercator keys on the
 * CRS's datum. Raster type is PixelIsArea.
 * @throws InputError RASTER_CRS_NOT_WRITABLE for a CRS with neither an EPSG code nor transverse Mercator parameters.
 */
export function geoKeysFromCrs(crs: CrsInfo): Map<number, GeoKeyValue> {
  const keys = new Map<number, GeoKeyValue>();
  keys.set(GEOKEY.GTModelType, crs.kind === 'projected' ? 1 : 2);
  keys.set(GEOKEY.GTRasterType, RASTER_PIXEL_IS_AREA);
  if (crs.epsg !== null) {
    keys.set(GEOKEY.GTCitation, crs.name);
    if (crs.kind === 'projected') {
      keys.set(GEOKEY.ProjectedCSType, crs.epsg);
    } else {
      keys.set(GEOKEY.GeographicType, crs.epsg);
      keys.set(GEOKEY.GeogAngularUnits, 9102);
    }
    return keys;
  }
  const tm = crs.transverseMercator;
  if (crs.kind !== 'projected' || !tm || !crs.ellipsoid) throw new InputError('RASTER_CRS_NOT_WRITABLE', { name: crs.name });
  keys.set(GEOKEY.GTCitation, crs.name);
  keys.set(GEOKEY.GeographicType, crs.ellipsoid === 'WGS84' ? 4326 : GEOGRAPHIC_EPSG[crs.ellipsoid]);
  keys.set(GEOKEY.GeogAngularUnits, 9102);
  keys.set(GEOKEY.ProjectedCSType, USER_DEFINED);
  keys.set(GEOKEY.Projection, USER_DEFINED);
  keys.set(GEOKEY.ProjCoordTrans, 1);
  keys.set(GEOKEY.ProjLinearUnits, 9001);
  keys.set(GEOKEY.ProjNatOriginLong, tm.centralMeridian);
  keys.set(GEOKEY.ProjNatOriginLat, tm.latitudeOfOrigin);
  keys.set(GEOKEY.ProjFalseEasting, tm.falseEasting);
  keys.set(GEOKEY.ProjFalseNorthing, tm.falseNorthing);
  keys.set(GEOKEY.ProjScaleAtNatOrigin, tm.scale);
  return keys;
}
