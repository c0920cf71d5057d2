/**
 * Per-pixel RUSLE factor formulas of docs/methods/regulating-services.md §3.2, as pure functions the services
 * call pixel by pixel. See docs/methods/ls-factor.md for the LS formulation and its sources.
 */

const DEG = Math.PI / 180;

/**
 * The slope steepness factor S (§3.2): McCool et al. (1987) below 10°, split at 5° as §3.2 states it, and
 * 刘宝元 et al. (Liu 1994) for steep Chinese slopes from 10°:
 *   S = 10.8 sin θ + 0.03   (θ < 5°)
 *   S = 16.8 sin θ − 0.50   (5° ≤ θ < 10°)
 *   S = 21.91 sin θ − 0.96  (θ ≥ 10°)
 * @param slopeDegrees θ in degrees (≥ 0).
 * @returns S, dimensionless; NaN for a NaN slope.
 * @example slopeSteepnessS(0) // 0.03
 */
export function slopeSteepnessS(slopeDegrees: number): number {
  const s = Math.sin(slopeDegrees * DEG);
  if (slopeDegrees < 5) return 10.8 * s + 0.03;
  if (slopeDegrees < 10) return 16.8 * s - 0.5;
  return 21.91 * s - 0.96;
}

/**
 * The slope-length exponent m by slope gradient (Wischmeier & Smith 1978, §3.2): 0.2 below 1 %, 0.3 from 1 % to
 * below 3 %, 0.4 from 3 % to below 5 %, 0.5 from 5 %.
 * @param slopePercent gradient in percent (rise over run × 100).
 */
export function slopeLengthExponentM(slopePercent: number): number {
  if (slopePercent < 1) return 0.2;
  if (slopePercent < 3) return 0.3;
  if (slopePercent < 5) return 0.4;
  return 0.5;
}

/**
 * The slope length factor L of one cell by Desmet & Govers (1996), the unit-contributing-area form:
 *
 *   L = ((A + D²)^(m+1) − A^(m+1)) / (D^(m+2) · x^m · 22.13^m)
 *
 * @param upslopeAreaM2 A, the area draining into the cell's inlet (m²), the cell itself excluded.
 * @param cellSizeM D, the cell size (m).
 * @param m the slope-length exponent ({@link slopeLengthExponentM}).
 * @param x the contour-length factor |sin α| + |cos α| of the flow direction α: 1 along a row or column,
 *   √2 along a diagonal.
 * @example slopeLengthL(0, 22.13, 0.5, 1) // 1: a lone unit-plot-sized cell
 */
export function slopeLengthL(upslopeAreaM2: number, cellSizeM: number, m: number, x: number): number {
  const a = upslopeAreaM2;
  const d = cellSizeM;
  return ((a + d * d) ** (m + 1) - a ** (m + 1)) / (d ** (m + 2) * x ** m * 22.13 ** m);
}

/**
 * The cover-management factor C from fractional vegetation cover by 蔡崇法 et al. (2000), §3.2:
 * C = 1 at f = 0; 0.6508 − 0.3436 · lg f for 0 < f < 78.3; 0 from 78.3. The log branch exceeds 1 for
 * f < 0.096 %, so C is clamped to [0, 1].
 * @param coverPercent f in **percent** (0–100), not a 0–1 fraction: a fraction gives C ≥ 0.65 everywhere.
 * @returns C in [0, 1]; NaN for a NaN cover.
 * @example coverManagementCai(50) // 0.6508 − 0.3436 · 1.69897 = 0.06703
 */
export function coverManagementCai(coverPercent: number): number {
  if (Number.isNaN(coverPercent)) return Number.NaN;
  if (coverPercent <= 0) return 1;
  if (coverPercent >= 78.3) return 0;
  return Math.min(1, Math.max(0, 0.6508 - 0.3436 * Math.log10(coverPercent)));
}
