import { readFileSync } from 'node:fs';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { crsFromEpsg } from './crs-from-epsg';
import { crsFromUserInput, epsgCodeOf } from './crs-from-user-input';
import { crsFromWkt } from './crs-from-wkt';
import { baseGeographicProj4 } from './transform';

/** What GDAL/PROJ say about each file of core/fixtures/prj/in (made by core/fixtures/prj/make-fixtures.py). */
interface Expected {
  error?: string;
  epsg?: number | null;
  name?: string;
  kind?: 'projected' | 'geographic';
  /** [lon, lat, x, y]: the point projected by PROJ from the CRS's own geographic CRS. */
  samples?: [number, number, number, number][];
}
const fixtures = new URL('../../fixtures/prj/', import.meta.url);
const expected: Record<string, Expected> = JSON.parse(readFileSync(new URL('expected.json', fixtures), 'utf8'));
const read = (name: string) => readFileSync(new URL(`in/${name}`, fixtures), 'utf8');

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('crsFromWkt on .prj / WKT1 / WKT2 written by GDAL', () => {
  for (const [name, want] of Object.entries(expected)) {
    it(name, () => {
      if (want.error) {
        expect(codeOf(() => crsFromWkt(read(name), { source: name }))).toBe(want.error);
        return;
      }
      const crs = crsFromWkt(read(name), { source: name });
      expect(crs.epsg).toBe(want.epsg);
      expect(crs.name).toBe(want.name);
      expect(crs.kind).toBe(want.kind);
      // An identified CRS is exactly the one of our tables, whatever text form it came in.
      if (want.epsg !== null && crsFromEpsg(want.epsg!) && !name.includes('towgs84')) expect(crs).toEqual(crsFromEpsg(want.epsg!));
      // proj4 equivalence: our proj4 string projects PROJ's sample points to within 1 mm (the projection alone:
      // PROJ samples from the CRS's own geographic CRS, so no datum shift is involved).
      const project = proj4(baseGeographicProj4(crs), crs.proj4.replace(/ \+towgs84=\S+/, ''));
      for (const [lon, lat, x, y] of want.samples!) {
        const [ox, oy] = project.forward([lon, lat]);
        expect(Math.hypot(ox - x, oy - y), `${name} at ${lon}, ${lat}`).toBeLessThan(1e-3);
      }
    });
  }

  it('names the --crs flag in both languages when a .prj cannot be used', async () => {
    const { errorMessage } = await import('../errors');
    let error: unknown;
    try {
      crsFromWkt(read('garbage.prj'), { source: 'DLTB.prj' });
    } catch (e) {
      error = e;
    }
    expect(errorMessage(error, 'en')).toMatch(/^DLTB\.prj: .*--crs EPSG:4528$/);
    expect(errorMessage(error, 'zh')).toMatch(/^DLTB\.prj：无法读取坐标系定义.*--crs/);
    expect(errorMessage(error, 'en')).not.toMatch(/\n/);
  });

  it('keeps the user’s 7 parameters from WKT1 TOWGS84 and WKT2 BOUNDCRS alike', () => {
    const a = crsFromWkt(read('xian80-zone40-towgs84.wkt1'));
    const b = crsFromWkt(read('xian80-zone40-towgs84.wkt2'));
    expect(a.proj4).toContain('+towgs84=10,20,30,1,2,3,4 ');
    expect(b).toEqual(a);
  });

  it('prefers the 6° code for an un-prefixed CM only when the name says Gauss-Kruger without 3 degrees', () => {
    const gk = read('epsg-4509.prj');
    expect(crsFromWkt(gk).epsg).toBe(4509);
    expect(crsFromWkt(gk.replace('CGCS2000_GK_CM_117E', 'CGCS2000_3_Degree_GK_CM_117E')).epsg).toBe(4548);
    expect(crsFromWkt(gk.replace('CGCS2000_GK_CM_117E', 'Beijing style 6-degree')).epsg).toBe(4509);
  });

  it('refuses a geographic CRS in grads and a non-Greenwich prime meridian', () => {
    const wgs = read('epsg-4326.prj');
    expect(codeOf(() => crsFromWkt(wgs.replace('UNIT["Degree",0.0174532925199433]', 'UNIT["Grad",0.015707963267949]')))).toBe('CRS_UNSUPPORTED');
    expect(codeOf(() => crsFromWkt(wgs.replace('PRIMEM["Greenwich",0.0]', 'PRIMEM["Paris",2.33722917]')))).toBe('CRS_UNSUPPORTED');
  });
});

describe('crsFromUserInput (--crs)', () => {
  it('reads EPSG references in every spelling', () => {
    for (const text of ['EPSG:4528', 'epsg:4528', ' 4528 ', 'urn:ogc:def:crs:EPSG::4528', 'urn:ogc:def:crs:EPSG:9.8.15:4528', 'http://www.opengis.net/def/crs/EPSG/0/4528', '+init=epsg:4528']) {
      expect(epsgCodeOf(text), text).toBe(4528);
      expect(crsFromUserInput(text), text).toEqual(crsFromEpsg(4528));
    }
    expect(crsFromUserInput('urn:ogc:def:crs:OGC:1.3:CRS84')).toEqual(crsFromEpsg(4326));
    expect(crsFromUserInput('EPSG:32750').name).toBe('WGS 84 / UTM zone 50S');
  });

  it('reads proj4 strings into the same CrsInfo as the EPSG code', () => {
    const cases: [string, number][] = [
      ['+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs', 4528],
      ['+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +a=6378137 +rf=298.257222101 +units=m +no_defs +type=crs', 4549],
      ['+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=20500000 +y_0=0 +ellps=krass +units=m +no_defs', 21420],
      ['+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=IAU76 +units=m +no_defs', 2364],
      ['+proj=utm +zone=50 +datum=WGS84 +units=m +no_defs', 32650],
      ['+proj=longlat +ellps=GRS80 +no_defs', 4490],
      ['+proj=longlat +datum=WGS84 +no_defs', 4326],
      ['+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs', 3857],
    ];
    for (const [text, code] of cases) expect(crsFromUserInput(text), text).toEqual(crsFromEpsg(code));
  });

  it('gives catalogued errors for what it cannot use', () => {
    expect(codeOf(() => crsFromUserInput('EPSG:27700'))).toBe('CRS_EPSG_UNKNOWN');
    expect(codeOf(() => crsFromUserInput('zone 40 please'))).toBe('CRS_UNPARSEABLE');
    expect(codeOf(() => crsFromUserInput('+proj=tmerc +lon_0=abc'))).toBe('CRS_UNPARSEABLE');
    expect(codeOf(() => crsFromUserInput('+proj=stere +lat_0=90 +ellps=WGS84'))).toBe('CRS_UNSUPPORTED');
    expect(codeOf(() => crsFromUserInput('+proj=tmerc +lon_0=120 +ellps=GRS80 +units=us-ft'))).toBe('CRS_UNSUPPORTED');
    expect(codeOf(() => crsFromUserInput('+proj=tmerc +lon_0=120 +ellps=GRS80 +nadgrids=china.gsb'))).toBe('CRS_UNSUPPORTED');
  });
});
