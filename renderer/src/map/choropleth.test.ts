import { describe, expect, it } from 'vitest';
import { CHOROPLETH_COLOURS, choroplethLegend, quantileBreaks } from './choropleth';

describe('quantile breaks', () => {
  it('takes quantiles at i·(m−1)/n of the sorted values', () => {
    // 11 values 0…10, 5 classes: positions floor(i·10/5) = 2, 4, 6, 8 → breaks 2, 4, 6, 8.
    expect(quantileBreaks([10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0])).toEqual([2, 4, 6, 8]);
  });

  it('ignores missing values and merges equal breaks', () => {
    expect(quantileBreaks([null, 1, 1, 1, 1, 5, Number.NaN])).toEqual([1]);
    expect(quantileBreaks([])).toEqual([]);
  });

  it('builds one legend row per class with open ends', () => {
    const legend = choroplethLegend([2, 4]);
    expect(legend).toEqual([
      { from: null, to: 2, colour: CHOROPLETH_COLOURS[2] },
      { from: 2, to: 4, colour: CHOROPLETH_COLOURS[3] },
      { from: 4, to: null, colour: CHOROPLETH_COLOURS[4] },
    ]);
  });
});
