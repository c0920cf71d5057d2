/**
 * Bringing a price to the accounting year, docs/methods/regulating-services.md §2 convention 5:
 *
 *   P_t = P_base × index_t / index_base
 *
 * with a user-supplied index table (CPI or a construction-cost index). The engine never guesses an index: when the
 * table, the accounting year, the price year or a year's index is missing, the price stays at its own year and the
 * result says why.
 */
import type { PriceIndex } from './parameter-set';

/** Why a price was not indexed. */
export type NotIndexedReason = 'noAccountingYear' | 'noIndexTable' | 'noPriceYear' | 'yearNotInIndex';

export type IndexedPrice =
  | { indexed: true; value: number; factor: number }
  | { indexed: false; value: number; reason: NotIndexedReason; missingYear?: number };

/**
 * Indexes one price.
 * @param value the price at its price year.
 * @param priceYear the year of the price (null when unknown).
 * @param accountingYear the year to bring it to (null when the run has none).
 * @param index year → index value, or null when the user gave no table.
 */
export function indexPrice(value: number, priceYear: number | null, accountingYear: number | null, index: PriceIndex | null): IndexedPrice {
  if (accountingYear === null) return { indexed: false, value, reason: 'noAccountingYear' };
  if (priceYear === accountingYear) return { indexed: true, value, factor: 1 };
  if (index === null) return { indexed: false, value, reason: 'noIndexTable' };
  if (priceYear === null) return { indexed: false, value, reason: 'noPriceYear' };
  const base = index.values[String(priceYear)];
  if (base === undefined) return { indexed: false, value, reason: 'yearNotInIndex', missingYear: priceYear };
  const target = index.values[String(accountingYear)];
  if (target === undefined) return { indexed: false, value, reason: 'yearNotInIndex', missingYear: accountingYear };
  const factor = target / base;
  return { indexed: true, value: value * factor, factor };
}
