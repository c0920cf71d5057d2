import { LAND_CLASSES, type LandClass } from './land-class-table';

const byCode = new Map(LAND_CLASSES.filter((c) => c.kind !== 'czcsxm').map((c) => [c.code, c]));

/**
 * Normalises a DLBM as found in real data: trimmed, suffix letters upper-cased (`1104k` occurs in the wild).
 */
export function normalizeDlbm(raw: string): string {
  return raw.trim().toUpperCase();
}

/** The 三调 land class of a DLBM code (after {@link normalizeDlbm}), or undefined for an unknown code. */
export function findLandClass(dlbm: string): LandClass | undefined {
  return byCode.get(normalizeDlbm(dlbm));
}

/**
 * The codes to try, most specific first, when a table is keyed by land class (coefficients, colours):
 * the code itself, its base class without a `K`/`A` suffix (docs/methods/sandiao-data.md §4: K codes map like
 * their base code; A codes are sub-codes of theirs), then its level-1 class from the 三调 table.
 *
 * @example landClassLookupChain('0301K') // ['0301K', '0301', '03']
 * @example landClassLookupChain('0402')  // ['0402', '00'] — 沼泽草地 belongs to the 00 湿地 group
 */
export function landClassLookupChain(dlbm: string): string[] {
  const code = normalizeDlbm(dlbm);
  const chain = [code];
  const base = /^(\d{4})[KA]$/.exec(code)?.[1];
  if (base !== undefined) chain.push(base);
  const level1 = findLandClass(code)?.level1 ?? (base !== undefined ? findLandClass(base)?.level1 : undefined);
  if (level1 !== undefined && !chain.includes(level1)) chain.push(level1);
  return chain;
}

/** Level-1 code of a DLBM ('00'…'12'), or undefined when the code is unknown. */
export function landClassLevel1(dlbm: string): string | undefined {
  const chain = landClassLookupChain(dlbm);
  const last = chain[chain.length - 1];
  return last !== undefined && last.length === 2 && byCode.has(last) ? last : undefined;
}
