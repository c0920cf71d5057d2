import type { EllipsoidId } from './ellipsoid';
import { zoneOfEpsg } from './zone-table';

/**
 * The names and EPSG codes our four datums are written with: OGC WKT1 as GDAL writes it (`gdalsrsinfo -o wkt1`)
 * and ESRI WKT as ArcGIS writes it in .prj files (`gdalsrsinfo -o wkt_esri`; docs/methods/sandiao-data.md §5.2).
 */
export interface GeographicNames {
  ogc: { geogcs: string; datum: string; spheroid: string; spheroidEpsg: number; datumEpsg: number; geogcsEpsg: number };
  esri: { geogcs: string; datum: string; spheroid: string };
}

export const GEOGRAPHIC_NAMES: Record<EllipsoidId, GeographicNames> = {
  CGCS2000: {
    ogc: { geogcs: 'China Geodetic Coordinate System 2000', datum: 'China_2000', spheroid: 'CGCS2000', spheroidEpsg: 1024, datumEpsg: 1043, geogcsEpsg: 4490 },
    esri: { geogcs: 'GCS_China_Geodetic_Coordinate_System_2000', datum: 'D_China_2000', spheroid: 'CGCS2000' },
  },
  Xian1980: {
    ogc: { geogcs: 'Xian 1980', datum: 'Xian_1980', spheroid: 'IAG 1975', spheroidEpsg: 7049, datumEpsg: 6610, geogcsEpsg: 4610 },
    esri: { geogcs: 'GCS_Xian_1980', datum: 'D_Xian_1980', spheroid: 'Xian_1980' },
  },
  Beijing1954: {
    ogc: { geogcs: 'Beijing 1954', datum: 'Beijing_1954', spheroid: 'Krassowsky 1940', spheroidEpsg: 7024, datumEpsg: 6214, geogcsEpsg: 4214 },
    esri: { geogcs: 'GCS_Beijing_1954', datum: 'D_Beijing_1954', spheroid: 'Krasovsky_1940' },
  },
  WGS84: {
    ogc: { geogcs: 'WGS 84', datum: 'WGS_1984', spheroid: 'WGS 84', spheroidEpsg: 7030, datumEpsg: 6326, geogcsEpsg: 4326 },
    esri: { geogcs: 'GCS_WGS_1984', datum: 'D_WGS_1984', spheroid: 'WGS_1984' },
  },
};

const ESRI_DATUM_PREFIX: Record<string, string> = { CGCS2000: 'CGCS2000', Xian1980: 'Xian_1980', Beijing1954: 'Beijing_1954' };

/**
 * The ESRI name of a CRS of our EPSG tables, e.g. `CGCS2000_3_Degree_GK_Zone_40`, `CGCS2000_GK_CM_117E`,
 * `WGS_1984_UTM_Zone_50N`; null for other codes. Every Chinese zone name is checked against GDAL in
 * core/fixtures/prj/esri-names.json. One irregularity is ArcGIS's own: Beijing 1954 6° zones without prefix are
 * `Beijing_1954_Gauss_Kruger_CM_75E`, where every other system writes `GK`.
 */
export function esriProjectedName(epsg: number): string | null {
  if (epsg === 3857) return 'WGS_1984_Web_Mercator_Auxiliary_Sphere';
  if (epsg >= 32601 && epsg <= 32660) return `WGS_1984_UTM_Zone_${epsg - 32600}N`;
  if (epsg >= 32701 && epsg <= 32760) return `WGS_1984_UTM_Zone_${epsg - 32700}S`;
  const z = zoneOfEpsg(epsg);
  if (!z) return null;
  const degree = z.width === 3 ? '3_Degree_' : '';
  const gk = z.datum === 'Beijing1954' && z.width === 6 && !z.prefixed ? 'Gauss_Kruger' : 'GK';
  const cm = z.width === 3 ? 3 * z.zone : 6 * z.zone - 3;
  return `${ESRI_DATUM_PREFIX[z.datum]}_${degree}${gk}_${z.prefixed ? `Zone_${z.zone}` : `CM_${cm}E`}`;
}
