/**
 * The GeoKeyDirectory tag (34735) and its value tags GeoDoubleParams (34736) and GeoAsciiParams (34737), as
 * OGC GeoTIFF 1.1 §7.1 lays them out: a header [1, 1, minor, count] then per key [id, location, count, value].
 * A key whose value lies outside its tag is dropped (libgeotiff does the same) rather than failing the file.
 */
import type { GeoKeys, GeoKeyValue } from '../../crs/geokeys';
import type { TiffDirectory } from './tiff-directory';
import { TAG } from './tiff-tags';

/** The GeoKeys of a TIFF directory; empty when it has no GeoKeyDirectory. */
export function readGeoKeys(dir: TiffDirectory): GeoKeys {
  const keys = new Map<number, GeoKeyValue>();
  const directory = dir.numbers(TAG.GeoKeyDirectory);
  if (!directory || directory.length < 4) return keys;
  const doubles = dir.numbers(TAG.GeoDoubleParams) ?? [];
  const ascii = dir.ascii(TAG.GeoAsciiParams) ?? '';
  const count = Math.min(directory[3], Math.floor((directory.length - 4) / 4));
  for (let i = 0; i < count; i++) {
    const [id, location, n, value] = directory.slice(4 + i * 4, 8 + i * 4);
    if (location === 0) {
      keys.set(id, value);
    } else if (location === TAG.GeoDoubleParams && value + n <= doubles.length) {
      keys.set(id, n === 1 ? doubles[value] : doubles.slice(value, value + n));
    } else if (location === TAG.GeoAsciiParams && value + n <= ascii.length + 1) {
      // Strings end with '|' (the GeoTIFF separator) in place of NUL.
      keys.set(id, ascii.slice(value, value + n).replace(/\|$/, ''));
    } else if (location === TAG.GeoKeyDirectory && value + n <= directory.length) {
      keys.set(id, n === 1 ? directory[value] : directory.slice(value, value + n));
    }
  }
  return keys;
}

/** The three GeoTIFF tags that carry `keys`, keys sorted by id as the specification requires. */
export function writeGeoKeys(keys: ReadonlyMap<number, GeoKeyValue>): { directory: number[]; doubles: number[]; ascii: string } {
  const directory: number[] = [1, 1, 0, 0];
  const doubles: number[] = [];
  let ascii = '';
  const ids = [...keys.keys()].sort((a, b) => a - b);
  for (const id of ids) {
    const value = keys.get(id) as GeoKeyValue;
    if (typeof value === 'string') {
      directory.push(id, TAG.GeoAsciiParams, value.length + 1, ascii.length);
      ascii += `${value}|`;
    } else if (typeof value === 'number' && isShortKey(id)) {
      directory.push(id, 0, 1, value);
    } else {
      const values = typeof value === 'number' ? [value] : value;
      directory.push(id, TAG.GeoDoubleParams, values.length, doubles.length);
      doubles.push(...values);
    }
  }
  directory[3] = ids.length;
  return { directory, doubles, ascii };
}

/** Keys whose values are codes (SHORT), as opposed to parameters (DOUBLE): GeoTIFF 1.1 §7.5 key table. */
function isShortKey(id: number): boolean {
  return (id >= 1024 && id <= 1025) || (id >= 2048 && id <= 2056 && id !== 2053 && id !== 2055) || id === 2060
    || (id >= 3072 && id <= 3076) || id === 4096 || id === 4099;
}
