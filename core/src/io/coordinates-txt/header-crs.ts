import type { CrsInfo } from '../../crs/crs-info';
import { gaussKrugerCrs, type ChineseDatum } from '../../crs/zone-table';

/** The header keys that define the CRS (docs/methods/sandiao-data.md §7). */
export const CRS_KEYS = { system: '坐标系', width: '几度分带', projection: '投影类型', unit: '计量单位', zone: '带号' } as const;

/** 坐标系 as written for each datum (the writer's spelling; the reader accepts variants). */
export const DATUM_TEXT: Record<ChineseDatum, string> = {
  CGCS2000: '2000国家大地坐标系',
  Xian1980: '1980西安坐标系',
  Beijing1954: '1954北京坐标系',
};

/** Why a header does not give a CRS: the key at fault and its value. */
export interface HeaderCrsProblem {
  key: string;
  value: string;
}

/**
 * The Gauss-Kruger CRS a header names (§7 rule 7): 坐标系 → datum, 几度分带 + 带号 → central meridian
 * (3°: 3·带号, 6°: 6·带号 − 3). Whether eastings carry the zone number is decided by the data (`prefixed`); the
 * caller then checks the prefix against 带号 with reconcileCrsWithExtent.
 */
export function crsFromHeader(header: Record<string, string>, prefixed: boolean): CrsInfo | HeaderCrsProblem {
  const system = header[CRS_KEYS.system] ?? '';
  const datum = datumOf(system);
  if (!datum) return { key: CRS_KEYS.system, value: system };
  const projection = header[CRS_KEYS.projection];
  if (projection !== undefined && projection !== '' && !/高斯|gauss|gk/i.test(projection)) return { key: CRS_KEYS.projection, value: projection };
  const unit = header[CRS_KEYS.unit];
  if (unit !== undefined && unit !== '' && !/^(米|公尺|m|meters?|metres?)$/i.test(unit.trim())) return { key: CRS_KEYS.unit, value: unit };
  const zoneText = header[CRS_KEYS.zone] ?? '';
  const zone = Number(zoneText.trim());
  if (!/^\s*\d{1,2}\s*$/.test(zoneText)) return { key: CRS_KEYS.zone, value: zoneText };
  const widthText = (header[CRS_KEYS.width] ?? '').trim();
  let width: 3 | 6 | null = /^(3|三)/.test(widthText) ? 3 : /^(6|六)/.test(widthText) ? 6 : null;
  // Without 几度分带 the zone number tells: 25–45 are 3° zones over China, 13–23 are 6° zones.
  if (width === null && widthText === '') width = zone >= 25 && zone <= 45 ? 3 : zone >= 13 && zone <= 23 ? 6 : null;
  if (width === null) return { key: CRS_KEYS.width, value: widthText };
  const valid = width === 3 ? zone >= 25 && zone <= 45 : zone >= 13 && zone <= 23;
  if (!valid) return { key: CRS_KEYS.zone, value: zoneText };
  return gaussKrugerCrs({ datum, width, zone, prefixed });
}

function datumOf(system: string): ChineseDatum | null {
  const s = system.replace(/\s/g, '');
  // New Beijing (新1954北京坐标系) is another datum on the same ellipsoid: not one we can name by zone.
  if (/新.*北京|NewBeijing/i.test(s)) return null;
  if (/2000|CGCS/i.test(s)) return 'CGCS2000';
  if (/1980|西安|西安80|Xian|Xi'an/i.test(s)) return 'Xian1980';
  if (/1954|北京|Beijing/i.test(s)) return 'Beijing1954';
  return null;
}
