import { describe, expect, it } from 'vitest';
import { CHOROPLETH_COLOURS, choroplethLegend, quantileBreaks } from './choropleth';

describe('quantile breaks', () => {
  it('takes quantiles at i·(m−1)/n of the sorted values', () => {
    // 11 values 0…10, 5 classes: positions floor(i·10/5) = 2, 4, 6, 8 → breaks 2, 4, 6, 8.
    expect(quantileBreaks([10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0])).toEqual([2, 4, 6, 8]);
  });

  it('ignores missing values and merges equal breaks', () => {
    // Values 1, 1, 1, 1, 5: positions floor(i·4/5) = 0, 1, 2, 3 → all 1 = the minimum → moved up to 5, merged.
    expect(quantileBreaks([null, 1, 1, 1, 1, 5, Number.NaN])).toEqual([5]);
    expect(quantileBreaks([])).toEqual([]);
  });

  it('never puts a break at the minimum (the first class would be empty)', () => {
    // 10 values, positions floor(i·9/5) = 1, 3, 5, 7 → 0, 0, 3, 5; the zeros move up to 2 (the next value) and merge.
    expect(quantileBreaks([0, 0, 0, 0, 2, 3, 4, 5, 6, 7])).toEqual([2, 3, 5]);
  });

  it('builds one legend row per class with open ends', () => {
    const legend = choroplethLegend([2, 4]);
    expect(legend).toEqual([
      { from: null, to: 2, colour: CHOROPLETH_COLOURS[2] },
      { from: 2, to: 4, colour: CHOROPLETH_COLOURS[3] },
      { from: 4, to: null, colour: CHOROPLETH_COLOURS[4] },
    ]);
    // With the values' range, the outer classes are closed at the smallest and largest value.
    expect(choroplethLegend([2, 4], { min: 0, max: 9 }).map((r) => [r.from, r.to])).toEqual([[0, 2], [2, 4], [4, 9]]);
  });
});
