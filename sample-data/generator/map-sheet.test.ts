import { describe, expect, it } from 'vitest';
import { mapSheet10k } from './map-sheet';

describe('mapSheet10k (GB/T 13989-2012)', () => {
  it('numbers the 1:10 000 sheet holding a point near Anji', () => {
    // 1:1 000 000 sheet: row ⌊30.55 / 4⌋ + 1 = 8 → H; column ⌊119.56 / 6⌋ + 31 = 50.
    // Within it (28–32°N, 114–120°E): row 96 − ⌊(30.55 − 28) / (2.5′)⌋ = 96 − ⌊61.2⌋ = 35;
    // column ⌊(119.56 − 114) / (3.75′)⌋ + 1 = ⌊88.96⌋ + 1 = 89.
    expect(mapSheet10k(119.56, 30.55)).toBe('H50G035089');
  });

  it('counts rows from the top of the 1:1 000 000 sheet and columns from its west edge', () => {
    // Just inside the north-west corner of J50 (36–40°N, 114–120°E): first row, first column.
    expect(mapSheet10k(114.001, 39.999)).toBe('J50G001001');
    // Just inside its south-east corner: row 96, column 96.
    expect(mapSheet10k(119.999, 36.001)).toBe('J50G096096');
  });
});
