/**
 * The result map: clipped parcel pieces coloured by value per unit area (元/m²·a) in quantile classes, a
 * sequential purple ramp (ColorBrewer Purples: light = low, dark = high), with the legend built from the same breaks.
 * Purple because the 三调 palette around the pieces has no saturated purple: a green ramp read as forest and grass.
 */
import type { ExpressionSpecification } from 'maplibre-gl';

export const CHOROPLETH_COLOURS = ['#f2f0f7', '#cbc9e2', '#9e9ac8', '#756bb1', '#54278f'];

/**
 * Class breaks by quantiles of the finite values: `n` classes → n − 1 inner breaks, ascending, deduplicated.
 * Quantile i/n is taken at position i·(m − 1)/n of the sorted values (nearest rank below). A class starts at its
 * break, so a break at the minimum would leave the first class empty: such a break moves up to the next value
 * (many pieces worth 0 — roads, built land — then form a class of their own).
 */
export function quantileBreaks(values: readonly (number | null)[], n = CHOROPLETH_COLOURS.length): number[] {
  const sorted = finiteSorted(values);
  if (sorted.length === 0) return [];
  const aboveMin = sorted.find((v) => v > sorted[0]);
  const breaks: number[] = [];
  for (let i = 1; i < n; i++) {
    let b: number | undefined = sorted[Math.floor((i * (sorted.length - 1)) / n)];
    if (b <= sorted[0]) b = aboveMin;
    if (b !== undefined && (breaks.length === 0 || b > breaks[breaks.length - 1])) breaks.push(b);
  }
  return breaks;
}

/** The smallest and largest finite value, or null when there is none (the legend's outer ends). */
export function valueRange(values: readonly (number | null)[]): { min: number; max: number } | null {
  const sorted = finiteSorted(values);
  return sorted.length ? { min: sorted[0], max: sorted[sorted.length - 1] } : null;
}

function finiteSorted(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
}

/** A `step` expression giving each piece the colour of its class; pieces without a value are grey. */
export function choroplethExpression(breaks: readonly number[], field = 'unit_value'): ExpressionSpecification {
  const colours = CHOROPLETH_COLOURS.slice(CHOROPLETH_COLOURS.length - breaks.length - 1);
  const steps: (number | string)[] = [colours[0]];
  breaks.forEach((b, i) => steps.push(b, colours[i + 1]));
  return ['case', ['==', ['typeof', ['get', field]], 'number'], ['step', ['get', field], ...steps], '#bdbdbd'] as unknown as ExpressionSpecification;
}

/**
 * Legend rows: [from, to) per class with its colour. The outer ends are the values' `range` when given, else open
 * (null).
 */
export function choroplethLegend(breaks: readonly number[], range: { min: number; max: number } | null = null): { from: number | null; to: number | null; colour: string }[] {
  const colours = CHOROPLETH_COLOURS.slice(CHOROPLETH_COLOURS.length - breaks.length - 1);
  return colours.map((colour, i) => ({ from: i === 0 ? (range?.min ?? null) : breaks[i - 1], to: i < breaks.length ? breaks[i] : (range?.max ?? null), colour }));
}
