import { InputError } from '../errors';
import { normalizeDlbm } from '../landclass/land-class';
import type { Properties } from '../types';
import { dltbCode, dltbNumber } from './dltb-fields';

/** The areas of a clipped piece, as clipToZones reports them. */
export interface PieceAreas {
  planarAreaM2: number | null;
  ellipsoidalAreaM2: number;
}

export interface LandClassAreaOptions {
  /**
   * 'ellipsoidal' (default): the piece's own 三调 ellipsoidal area.
   * 'tbmj': the parcel's TBMJ apportioned by planar area, part_TBMJ = TBMJ × planar(piece)/planar(parcel)
   * (docs/methods/sandiao-data.md §2.4), so pieces of a parcel add up to its delivered TBMJ exactly.
   */
  basis?: 'ellipsoidal' | 'tbmj';
  /** The whole parcel's areas; required for basis 'tbmj' (planar, or ellipsoidal for a geographic layer). */
  parcel?: PieceAreas;
  /** Record number or id of the parcel, for error messages. */
  parcelLabel?: string | number;
}

export interface LandClassArea {
  /** 三调 land-class code (normalised). */
  dlbm: string;
  /** Area counted for that class, m², not rounded (rounding happens once, at the report edge). */
  areaM2: number;
}

/**
 * How a piece's area divides among land classes (docs/methods/sandiao-data.md §2.4): the area of a parcel with a
 * deduction coefficient KCXS (田坎系数) counts (1 − KCXS) for its own DLBM and KCXS for the deducted class KCDLBM
 * (1203 田坎 when the field is empty), exactly as TBDLMJ = TBMJ − KCMJ and KCMJ = TBMJ × KCXS split the
 * parcel. A parcel without KCXS (or KCXS = 0) counts wholly for its DLBM. The split is applied whenever KCXS > 0:
 * in 三调 data that is cultivated land (§2.3), and a KCXS on other land is the data's own statement.
 *
 * @param piece the piece's areas (from clipToZones).
 * @param props the parcel's attributes: DLBM, KCXS, KCDLBM, TBMJ (aliases accepted, see dltb-fields.ts).
 * @throws InputError AREA_DLBM_MISSING, AREA_KCXS_INVALID (not a number in [0, 1)), AREA_TBMJ_MISSING /
 *   AREA_PARCEL_AREA_MISSING for basis 'tbmj'.
 * @example
 * // A 1000 m² piece of paddy field 0101 with KCXS 0.1195: 880.5 m² of 0101 and 119.5 m² of 1203 田坎.
 * landClassAreas({ planarAreaM2: 1000.4, ellipsoidalAreaM2: 1000 }, { DLBM: '0101', KCXS: 0.1195 })
 */
export function landClassAreas(piece: PieceAreas, props: Properties, options: LandClassAreaOptions = {}): LandClassArea[] {
  const label = options.parcelLabel ?? '';
  const dlbmRaw = dltbCode(props, 'DLBM');
  if (dlbmRaw === null) throw new InputError('AREA_DLBM_MISSING', { parcel: label });
  const dlbm = normalizeDlbm(dlbmRaw);
  const kcxs = dltbNumber(props, 'KCXS') ?? 0;
  if (!(kcxs >= 0 && kcxs < 1)) throw new InputError('AREA_KCXS_INVALID', { parcel: label, value: String(dltbCode(props, 'KCXS')) });

  let areaM2 = piece.ellipsoidalAreaM2;
  if (options.basis === 'tbmj') {
    const tbmj = dltbNumber(props, 'TBMJ');
    if (tbmj === null || !Number.isFinite(tbmj)) throw new InputError('AREA_TBMJ_MISSING', { parcel: label });
    const whole = options.parcel;
    const [part, all] = piece.planarAreaM2 !== null && whole?.planarAreaM2 != null ? [piece.planarAreaM2, whole.planarAreaM2] : [piece.ellipsoidalAreaM2, whole?.ellipsoidalAreaM2];
    if (all === undefined || !(all > 0)) throw new InputError('AREA_PARCEL_AREA_MISSING', { parcel: label });
    areaM2 = (tbmj * part) / all;
  }
  if (kcxs === 0) return [{ dlbm, areaM2 }];
  const deducted = normalizeDlbm(dltbCode(props, 'KCDLBM') ?? '1203');
  return [
    { dlbm, areaM2: areaM2 * (1 - kcxs) },
    { dlbm: deducted, areaM2: areaM2 * kcxs },
  ];
}
