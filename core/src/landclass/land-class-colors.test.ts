import { describe, expect, it } from 'vitest';
import { LAND_CLASSES } from './land-class-table';
import { landClassColor, landClassColorSource, UNKNOWN_LAND_CLASS_COLOR } from './land-class-colors';

describe('landClassColor', () => {
  it('gives every code of the 三调 table a colour, tabulated or derived from its group', () => {
    for (const c of LAND_CLASSES) {
      expect(landClassColor(c.code), c.code).toMatch(/^#[0-9a-f]{6}$/);
      expect(landClassColorSource(c.code), c.code).not.toBe('unknown');
    }
  });

  it('reads the tabulated colours (rgb → hex)', () => {
    // 0101 水田 (248, 208, 114) = #f8d072; 0301 乔木林地 (49, 173, 105) = #31ad69; 1101 河流水面 (163, 214, 245) = #a3d6f5
    expect(landClassColor('0101')).toBe('#f8d072');
    expect(landClassColor('0301')).toBe('#31ad69');
    expect(landClassColor('1101')).toBe('#a3d6f5');
    expect(landClassColor('09')).toBe('#c17261');
  });

  it('walks K/A → base → level 1, normalising case and blanks', () => {
    expect(landClassColor(' 1104k ')).toBe(landClassColor('1104'));
    expect(landClassColorSource('1104K')).toBe('derived');
    expect(landClassColor('0301K')).toBe(landClassColor('0301'));
    // 0603 盐田 has no colour of its own: 06 工矿用地, derived from 0601 工业用地 (197, 154, 140) = #c59a8c.
    expect(landClassColor('0603')).toBe('#c59a8c');
    expect(landClassColorSource('0603')).toBe('derived');
    expect(landClassColor('03')).toBe(landClassColor('0301'));
  });

  it('greys out codes that are not land classes', () => {
    expect(landClassColor('9999')).toBe(UNKNOWN_LAND_CLASS_COLOR);
    expect(landClassColor('')).toBe(UNKNOWN_LAND_CLASS_COLOR);
    expect(landClassColorSource('9999')).toBe('unknown');
  });
});
