import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAND_CLASSES } from './land-class-table';
import { findLandClass, landClassLevel1, landClassLookupChain, normalizeDlbm } from './land-class';

describe('land-class table', () => {
  it('matches docs/methods/sandiao-landclass.csv row for row', () => {
    const csv = readFileSync(new URL('../../../docs/methods/sandiao-landclass.csv', import.meta.url), 'utf8').trim().split('\n').slice(1);
    const parsed = csv.map(splitCsvLine);
    expect(LAND_CLASSES.length).toBe(parsed.length);
    LAND_CLASSES.forEach((c, i) => {
      const [code, nameZh, nameEn, level1, , wetland, kind, confidence] = parsed[i];
      expect([c.code, c.nameZh, c.nameEn, c.level1, String(c.isWetland), c.kind, c.confidence]).toEqual([code, nameZh, nameEn, level1, wetland, kind, confidence]);
    });
  });
});

describe('land-class lookup', () => {
  it('normalises case and whitespace', () => {
    expect(normalizeDlbm(' 1104k ')).toBe('1104K');
    expect(findLandClass('1104k')?.nameZh).toBe('可调整养殖坑塘');
  });

  it('maps K and A codes to their base class, then to the level-1 class', () => {
    expect(landClassLookupChain('0301K')).toEqual(['0301K', '0301', '03']);
    expect(landClassLookupChain('1104A')).toEqual(['1104A', '1104', '11']);
    expect(landClassLookupChain('0101')).toEqual(['0101', '01']);
  });

  it('takes the level-1 class from the table, not from the first two digits', () => {
    expect(landClassLevel1('0402')).toBe('00'); // 沼泽草地 is in the 00 湿地 group
    expect(landClassLevel1('1108')).toBe('00');
    expect(landClassLevel1('0401')).toBe('04');
  });

  it('knows level-1 and H codes, and not CZCSXM values', () => {
    expect(findLandClass('09')?.nameZh).toBe('特殊用地');
    expect(findLandClass('05H1')?.level1).toBe('05');
    expect(findLandClass('201')).toBeUndefined();
    expect(landClassLevel1('9999')).toBeUndefined();
    expect(landClassLookupChain('9999')).toEqual(['9999']);
  });
});

/** Splits one CSV line; fields with commas are double-quoted (no escaped quotes occur in this file). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      const end = line.indexOf('"', i + 1);
      fields.push(line.slice(i + 1, end));
      i = end + 2;
    } else {
      const end = line.indexOf(',', i);
      const stop = end === -1 ? line.length : end;
      fields.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return fields;
}
