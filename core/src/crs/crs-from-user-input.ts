import { InputError } from '../errors';
import type { CrsInfo } from './crs-info';
import { crsFromEpsg } from './crs-from-epsg';
import { crsFromWkt, type CrsSourceOptions } from './crs-from-wkt';
import { crsFromDefinition } from './crs-identify';
import { definitionFromProj4 } from './proj4-definition';

/**
 * The EPSG code in the spellings CRS references come in: `EPSG:4528`, `epsg:4528`, a bare `4528`,
 * `urn:ogc:def:crs:EPSG::4528` (GeoJSON's legacy `crs` member), `http://www.opengis.net/def/crs/EPSG/0/4528`,
 * `+init=epsg:4528`; and OGC CRS84 (= WGS 84 lon/lat) → 4326. Null when the text is not such a reference.
 */
export function epsgCodeOf(text: string): number | null {
  const t = text.trim();
  if (/^(urn:ogc:def:crs:)?OGC:(1\.3:)?CRS84$/i.test(t) || /opengis\.net\/def\/crs\/OGC\/1\.3\/CRS84$/i.test(t)) return 4326;
  const m =
    /^(?:\+init=)?EPSG:{1,2}(\d{1,6})$/i.exec(t) ??
    /^urn:ogc:def:crs:EPSG:[\d.]*:(\d{1,6})$/i.exec(t) ??
    /^https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/[\d.]+\/(\d{1,6})$/i.exec(t) ??
    /^(\d{1,6})$/.exec(t);
  return m ? Number(m[1]) : null;
}

/**
 * The CRS a user gives with `--crs` (or in a dialog): an EPSG reference (see {@link epsgCodeOf}), a proj4 string or WKT.
 * @throws InputError CRS_EPSG_UNKNOWN for an EPSG code outside the tables this product carries; CRS_UNPARSEABLE or
 *   CRS_UNSUPPORTED for text it cannot use.
 * @example crsFromUserInput('EPSG:4528').name // 'CGCS2000 / 3-degree Gauss-Kruger zone 40'
 */
export function crsFromUserInput(text: string, options: CrsSourceOptions = {}): CrsInfo {
  const source = options.source ?? '--crs';
  const code = epsgCodeOf(text);
  if (code !== null) {
    const crs = crsFromEpsg(code);
    if (!crs) throw new InputError('CRS_EPSG_UNKNOWN', { source, code });
    return crs;
  }
  const t = text.trim();
  if (t.startsWith('+')) return crsFromDefinition(definitionFromProj4(t, source), { name: null, declaredEpsg: null });
  if (/^\uFEFF?\s*[A-Za-z_]+\s*[[(]/.test(t)) return crsFromWkt(t, { source });
  throw new InputError('CRS_UNPARSEABLE', { source, reason: `"${t.slice(0, 60)}" is neither EPSG:code, a proj4 string nor WKT` });
}
