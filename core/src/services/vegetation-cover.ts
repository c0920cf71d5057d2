/**
 * RUSLE cover factor C from vegetation cover f by 蔡崇法 2000, docs/methods/regulating-services.md §3.2:
 *
 *   C = 1                        f = 0
 *   C = 0.6508 − 0.3436·lg f     0 < f < 78.3
 *   C = 0                        f ≥ 78.3
 *
 * f is in **percent** (0–100); a 0–1 fraction would give C ≥ 0.65 everywhere, so the input declares its unit and is
 * converted to percent before this is called. The log branch exceeds 1 for f < 0.096 %, hence the clamp to [0, 1].
 *
 * @param coverPercent vegetation cover f in percent.
 * @returns C in [0, 1]; NaN for NaN.
 */
export function vegetationCoverToC(coverPercent: number): number {
  if (Number.isNaN(coverPercent)) return NaN;
  if (coverPercent <= 0) return 1;
  if (coverPercent >= 78.3) return 0;
  return Math.min(1, Math.max(0, 0.6508 - 0.3436 * Math.log10(coverPercent)));
}
