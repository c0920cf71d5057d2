import { describe, expect, it } from 'vitest';
import { clipLine, clipRing } from './clip';
import { simplify } from './simplify';

describe('clipRing (Sutherland–Hodgman)', () => {
  const box: [number, number, number, number] = [0, 0, 10, 10];

  it('keeps a ring inside the box as it is', () => {
    const ring = [[1, 1], [5, 1], [5, 5], [1, 1]];
    expect(clipRing(ring, box)).toEqual(ring);
  });

  it('cuts a square overlapping a corner to the overlap', () => {
    // square 5..15 × 5..15 ∩ box 0..10 × 0..10 = 5..10 × 5..10
    const out = clipRing([[5, 5], [15, 5], [15, 15], [5, 15], [5, 5]], box);
    expect(new Set(out.map((p) => p.join(',')))).toEqual(new Set(['5,5', '10,5', '10,10', '5,10']));
    expect(out[0]).toEqual(out[out.length - 1]);
  });

  it('puts the box corner into a ring that wraps around it', () => {
    const out = clipRing([[-5, -5], [20, -5], [20, 20], [-5, 20], [-5, -5]], box);
    expect(new Set(out.map((p) => p.join(',')))).toEqual(new Set(['0,0', '10,0', '10,10', '0,10']));
  });

  it('returns [] for a ring outside', () => {
    expect(clipRing([[20, 20], [30, 20], [30, 30], [20, 20]], box)).toEqual([]);
  });
});

describe('clipLine', () => {
  it('splits a line that leaves and re-enters the box into two pieces', () => {
    // 0,5 → 20,5 → 20,8 → 5,8: inside until x = 10, outside, back in at x = 10 on y = 8
    expect(clipLine([[0, 5], [20, 5], [20, 8], [5, 8]], [0, 0, 10, 10])).toEqual([[[0, 5], [10, 5]], [[10, 8], [5, 8]]]);
  });
  it('cuts a segment crossing the whole box at both ends', () => {
    expect(clipLine([[-10, 0], [20, 15]], [0, 0, 10, 10])).toEqual([[[0, 5], [10, 10]]]);
  });
  it('drops a line outside', () => {
    expect(clipLine([[11, 11], [12, 12]], [0, 0, 10, 10])).toEqual([]);
  });
});

describe('simplify (Douglas–Peucker)', () => {
  it('drops vertices closer than the tolerance to the simplified line and keeps the ones farther', () => {
    // (5, 0.4) is 0.4 from the chord (0,0)–(10,0): dropped at tolerance 0.5; (15, 3) is 3 from (10,0)–(20,0): kept.
    expect(simplify([[0, 0], [5, 0.4], [10, 0], [15, 3], [20, 0]], 0.5)).toEqual([[0, 0], [10, 0], [15, 3], [20, 0]]);
  });
  it('keeps a closed ring closed and its far corners', () => {
    expect(simplify([[0, 0], [5, 0.1], [10, 0], [10, 10], [0, 10], [0, 0]], 0.5)).toEqual([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]);
  });
  it('is the identity for tolerance 0', () => {
    const line = [[0, 0], [1, 0.001], [2, 0]];
    expect(simplify(line, 0)).toBe(line);
  });
});
