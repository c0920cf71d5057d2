/**
 * The 100-byte main header shared by .shp and .shx (ESRI Shapefile Technical Description, July 1998):
 *
 *   0   file code 9994 (big endian)      24  file length in 16-bit words (big endian)
 *   28  version 1000 (little endian)     32  shape type (little endian)
 *   36  Xmin Ymin Xmax Ymax Zmin Zmax Mmin Mmax (little-endian doubles)
 */
import { InputError } from '../../errors';
import type { ByteSource } from '../../types';

export const HEADER_BYTES = 100;

/** Shape type codes and what they hold. */
export const SHAPE_TYPES: Record<number, { base: 'null' | 'point' | 'multipoint' | 'polyline' | 'polygon'; z: boolean; m: boolean }> = {
  0: { base: 'null', z: false, m: false },
  1: { base: 'point', z: false, m: false },
  3: { base: 'polyline', z: false, m: false },
  5: { base: 'polygon', z: false, m: false },
  8: { base: 'multipoint', z: false, m: false },
  11: { base: 'point', z: true, m: true },
  13: { base: 'polyline', z: true, m: true },
  15: { base: 'polygon', z: true, m: true },
  18: { base: 'multipoint', z: true, m: true },
  21: { base: 'point', z: false, m: true },
  23: { base: 'polyline', z: false, m: true },
  25: { base: 'polygon', z: false, m: true },
  28: { base: 'multipoint', z: false, m: true },
};

export const MULTIPATCH = 31;

export interface ShpHeader {
  shapeType: number;
  /** The file length the header declares, in bytes. */
  declaredBytes: number;
}

/**
 * Reads and checks the main header of a .shp or .shx.
 * @param file the file name used in messages.
 * @throws InputError SHP_TOO_SHORT (fewer than 100 bytes, e.g. an empty file), SHP_NOT_SHAPEFILE (wrong file code),
 *   SHP_MULTIPATCH_UNSUPPORTED or SHP_SHAPE_TYPE_UNKNOWN.
 */
export function readShpHeader(source: ByteSource, file: string): ShpHeader {
  if (source.size < HEADER_BYTES) throw new InputError('SHP_TOO_SHORT', { file, size: source.size });
  const bytes = source.read(0, HEADER_BYTES);
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const fileCode = view.getInt32(0, false);
  if (fileCode !== 9994) throw new InputError('SHP_NOT_SHAPEFILE', { file, fileCode });
  const shapeType = view.getInt32(32, true);
  if (shapeType === MULTIPATCH) throw new InputError('SHP_MULTIPATCH_UNSUPPORTED', { file });
  if (!(shapeType in SHAPE_TYPES)) throw new InputError('SHP_SHAPE_TYPE_UNKNOWN', { file, shapeType });
  return { shapeType, declaredBytes: view.getInt32(24, false) * 2 };
}
