/**
 * Everything a run needs besides its pieces, prepared once: the class index, the prices indexed to the accounting
 * year, the raster units (a raster that declares none is in the catalogue unit), and the water-body register.
 */
import { ClassIndex } from '../params/class-lookup';
import type { ParameterSet } from '../params/parameter-set';
import { indexPrice, type IndexedPrice } from '../params/price-index';
import { INPUT_DEFS } from './inputs';
import type { RunInputs } from './resolve-inputs';
import type { WaterBody } from './water-bodies';

export interface RunOptions {
  /** Raster id → declared unit (undefined: the catalogue unit). Only ids listed here are read from PieceSamples. */
  rasters?: Readonly<Record<string, string | undefined>>;
  waterBodies?: readonly WaterBody[];
  /** The year prices are brought to (§2 convention 5); null or absent: prices stay at their own years. */
  accountingYear?: number | null;
}

/** Prepares the run-wide inputs of the services. Validate the set first (services/validate.ts). */
export function prepareRun(set: ParameterSet, options: RunOptions = {}): RunInputs {
  const rasterUnits = new Map<string, string>();
  for (const [id, unit] of Object.entries(options.rasters ?? {})) {
    const d = INPUT_DEFS.find((x) => x.id === id && x.type === 'raster');
    if (d !== undefined) rasterUnits.set(id, unit ?? d.unit);
  }
  const prices: Record<string, IndexedPrice> = {};
  for (const [id, p] of Object.entries(set.prices)) prices[id] = indexPrice(p.value, p.priceYear, options.accountingYear ?? null, set.priceIndex);
  return {
    set,
    classes: new ClassIndex(set),
    rasterUnits,
    prices,
    waterBodies: new Map((options.waterBodies ?? []).map((b) => [b.id, b])),
    used: new Set(),
  };
}
