import { describe, expect, it } from 'vitest';
import type { CrsInfo } from '#core';
import { convertArea, formatArea } from './area-units';
import { metresPerPixel, scaleDenominator } from './map-scale';
import { toSurveyXY } from './survey-coords';

const GK40: CrsInfo = {
  epsg: 4528,
  name: 'CGCS2000 / 3-degree Gauss-Kruger zone 40',
  proj4: '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
  kind: 'projected',
  ellipsoid: 'CGCS2000',
};

describe('area units', () => {
  it('converts m² to 亩 with 1 亩 = 10000/15 m² exactly', () => {
    expect(convertArea(10000 / 15, 'mu')).toBe(1);
    expect(convertArea(10000, 'mu')).toBe(15); // 10000 × 15 / 10000
    expect(convertArea(666.67, 'mu')).toBeCloseTo(1.000005, 9); // 666.67 × 15 / 10000 = 1.000005
    expect(convertArea(25000, 'ha')).toBe(2.5);
  });

  it('formats with the unit’s decimals and shows a dash for no value', () => {
    expect(formatArea(1234.5, 'm2', 'en')).toBe('1,234.50');
    expect(formatArea(10000, 'mu', 'en')).toBe('15.0000');
    expect(formatArea(null, 'ha', 'en')).toBe('—');
  });
});

describe('map scale', () => {
  it('uses the 512-pixel world of MapLibre', () => {
    // z0 at the equator: 40 075 016.686 m / 512 px = 78 271.517 m/px.
    expect(metresPerPixel(0, 0)).toBeCloseTo(78271.517, 2);
    // z16 at 60°N: 78 271.517 × cos 60° / 65 536 = 0.597164 m/px.
    expect(metresPerPixel(60, 16)).toBeCloseTo(0.597164, 5);
  });

  it('gives the scale denominator to two significant digits', () => {
    // z14 at 30.6°N: 78 271.517 × 0.860742 / 16 384 = 4.11203 m/px; ÷ 0.000264583 m/px = 15 541.6 → 16 000.
    expect(scaleDenominator(30.6, 14)).toBe(16000);
  });
});

describe('survey coordinates', () => {
  it('gives X = northing and Y = easting as pyproj does (EPSG:4326 → EPSG:4528)', () => {
    // Expected values from pyproj: Transformer.from_crs('EPSG:4326', 'EPSG:4528', always_xy=True).
    const cases: [number, number, number, number][] = [
      [119.68, 30.64, 3391106.085, 40469324.3527],
      [120.0, 30.5, 3375541.7329, 40500000.0],
      [119.5123456, 30.8, 3408902.4719, 40453329.7392],
    ];
    for (const [lon, lat, x, y] of cases) {
      const xy = toSurveyXY(lon, lat, GK40)!;
      expect(Math.abs(xy.x - x)).toBeLessThan(0.001);
      expect(Math.abs(xy.y - y)).toBeLessThan(0.001);
    }
  });

  it('returns null for a geographic CRS', () => {
    expect(toSurveyXY(120, 30, { ...GK40, kind: 'geographic', proj4: '+proj=longlat +ellps=GRS80 +no_defs' })).toBeNull();
  });
});
