import { describe, expect, it } from 'vitest';
import { CellAccumulator } from './cell-accumulator';
import { ringArea } from './cut-tile';

describe('CellAccumulator', () => {
  it('draws a cell in the class covering most of it, and only cells filled to minFill', () => {
    const cells = new CellAccumulator(256, 4096); // cells of 16 tile units
    cells.add(3, 2, '0101', 0.3);
    cells.add(3, 2, '0301', 0.25);
    cells.add(3, 2, '0301', 0.2); // 0301: 0.45 > 0101: 0.3 — total 0.75 ≥ 0.5
    cells.add(9, 9, '0101', 0.4); // total 0.4 < 0.5: left empty
    const features = cells.features('DLBM');
    expect(features).toEqual([{ type: 3, geometry: [[[48, 32], [64, 32], [64, 48], [48, 48], [48, 32]]], properties: { DLBM: '0301', coalesced: 3 } }]);
    expect(ringArea(features[0].geometry[0])).toBeGreaterThan(0); // exterior: clockwise with y down
  });

  it('merges runs of equal class along a row into one rectangle, and the rectangles of a class into one feature', () => {
    const cells = new CellAccumulator(4, 4096); // cells of 1024 units
    for (const col of [0, 1, 2]) cells.add(col, 1, 'a', 1);
    cells.add(3, 1, 'b', 1);
    cells.add(0, 2, 'a', 1, 5); // one cell standing for 5 polygons
    cells.add(2, 2, 'a', 1); // not next to the one before: a rectangle of its own
    expect(cells.features('k').map((f) => [f.geometry.map((ring) => [ring[0], ring[2]]), f.properties])).toEqual([
      [[[[0, 1024], [3072, 2048]], [[0, 2048], [1024, 3072]], [[2048, 2048], [3072, 3072]]], { k: 'a', coalesced: 9 }],
      [[[[3072, 1024], [4096, 2048]]], { k: 'b', coalesced: 1 }],
    ]);
  });

  it('grows a rectangle down over the rows that repeat its run (same columns, same class)', () => {
    const cells = new CellAccumulator(4, 4096);
    for (const row of [0, 1, 2]) for (const col of [1, 2]) cells.add(col, row, 'a', 1);
    cells.add(3, 1, 'a', 1); // row 1's run is cols 1–3: not a repeat, so rows 0 and 2 cannot join through it
    expect(cells.features('k').map((f) => f.geometry.map((ring) => [ring[0], ring[2]]))).toEqual([[
      [[1024, 0], [3072, 1024]],
      [[1024, 1024], [4096, 2048]],
      [[1024, 2048], [3072, 3072]],
    ]]);
    const square = new CellAccumulator(4, 4096);
    for (const row of [0, 1, 2, 3]) for (const col of [0, 1, 2, 3]) square.add(col, row, 'a', 1);
    expect(square.features('k')).toEqual([{ type: 3, geometry: [[[0, 0], [4096, 0], [4096, 4096], [0, 4096], [0, 0]]], properties: { k: 'a', coalesced: 16 } }]);
  });

  it('tells classes apart by value and type (the number 1 is not the string "1"), the first to arrive winning a tie', () => {
    const cells = new CellAccumulator(4, 4096);
    cells.add(0, 0, '1', 0.4);
    cells.add(0, 0, 1, 0.4); // a tie with '1', which came first
    cells.add(1, 0, 1, 0.3);
    cells.add(1, 0, '1', 0.2);
    cells.add(1, 0, null, 0.31); // null is a class of its own, and wins here
    expect(cells.features('k').map((f) => [f.geometry.length, f.properties])).toEqual([
      [1, { k: '1', coalesced: 2 }],
      [1, { k: null, coalesced: 3 }],
    ]);
  });

  it('ignores cells outside the tile (the buffer belongs to the neighbour) and a class key of null merges all classes', () => {
    const cells = new CellAccumulator(4, 4096);
    cells.add(-1, 0, 'a', 1);
    cells.add(4, 0, 'a', 1);
    cells.add(0, 0, 'a', 1);
    cells.add(1, 0, 'b', 1);
    expect(cells.size).toBe(2);
    expect(cells.features(null)).toEqual([{ type: 3, geometry: [[[0, 0], [2048, 0], [2048, 1024], [0, 1024], [0, 0]]], properties: { coalesced: 2 } }]);
  });
});
