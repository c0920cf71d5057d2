import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crsFromEpsg } from './crs-from-epsg';
import { crsFromWkt } from './crs-from-wkt';
import { crsToEsriWkt } from './crs-to-esri-wkt';
import { crsToOgcWkt } from './crs-to-ogc-wkt';
import { isWktNode, parseWktTree, type WktArg } from './wkt-tree';
import { zoneOfEpsg } from './zone-table';

/** gdalsrsinfo -o wkt1 / -o wkt_esri outputs (core/fixtures/prj/make-fixtures.py). */
const fixtures = new URL('../../fixtures/prj/', import.meta.url);
const gdal: Record<string, { source?: string; wkt1: string; esri: string }> = JSON.parse(readFileSync(new URL('wkt-expected.json', fixtures), 'utf8'));
const esriNames: Record<string, string> = JSON.parse(readFileSync(new URL('esri-names.json', fixtures), 'utf8'));

/**
 * Structural equality of two WKT trees: same keywords and strings in the same order, numbers equal to 1e-9
 * (relative), so formatting ("6378137" vs "6378137.0", line breaks) does not matter and everything else does.
 */
function sameTree(a: WktArg, b: WktArg, path: string): string | null {
  if (typeof a === 'number' || typeof b === 'number') {
    if (typeof a !== 'number' || typeof b !== 'number') return `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)) ? null : `${path}: ${a} vs ${b}`;
  }
  if (!isWktNode(a) || !isWktNode(b)) {
    if (isWktNode(a) || isWktNode(b)) return `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
    return a.text === b.text ? null : `${path}: "${a.text}" vs "${b.text}"`;
  }
  if (a.keyword !== b.keyword || a.args.length !== b.args.length) return `${path}: ${a.keyword}(${a.args.length} args) vs ${b.keyword}(${b.args.length} args)`;
  for (let i = 0; i < a.args.length; i++) {
    const d = sameTree(a.args[i], b.args[i], `${path}/${a.keyword}[${i}]`);
    if (d) return d;
  }
  return null;
}

const compare = (ours: string, theirs: string) => sameTree(parseWktTree(ours), parseWktTree(theirs), '');

/** GDAL's ESRI morph of a free-form name (spaces and punctuation → "_"). We keep such names verbatim instead. */
const gdalEsriName = (name: string) => name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/_+$/, '');

describe('crsToOgcWkt and crsToEsriWkt agree with GDAL', () => {
  for (const [key, want] of Object.entries(gdal)) {
    it(key, () => {
      const crs = want.source ? crsFromWkt(want.source) : crsFromEpsg(Number(key.slice(5)))!;
      expect(compare(crsToOgcWkt(crs), want.wkt1)).toBeNull();
      let esri = crsToEsriWkt(crs);
      if (want.source) esri = esri.replace(`PROJCS["${crs.name}"`, `PROJCS["${gdalEsriName(crs.name)}"`);
      expect(compare(esri, want.esri)).toBeNull();
    });
  }

  it('writes ArcGIS’s name for every one of the 192 Chinese zone codes', () => {
    expect(Object.keys(esriNames)).toHaveLength(192);
    for (const [code, name] of Object.entries(esriNames)) {
      expect(zoneOfEpsg(Number(code)), code).not.toBeNull();
      expect(crsToEsriWkt(crsFromEpsg(Number(code))!), code).toMatch(new RegExp(`^PROJCS\\["${name}",GEOGCS\\[`));
    }
  });
});

describe('round trip crsFromWkt(crsToXWkt(c)) equals c', () => {
  const crss = [
    ...Object.keys(esriNames).map((code) => crsFromEpsg(Number(code))!),
    ...[4490, 4610, 4214, 4326, 3857, 32650, 32750].map((code) => crsFromEpsg(code)!),
    ...Object.values(gdal).filter((g) => g.source).map((g) => crsFromWkt(g.source!)),
    crsFromWkt(readFileSync(new URL('in/xian80-zone40-towgs84.wkt1', fixtures), 'utf8')),
  ];
  it(`for ${crss.length} CRSs through OGC WKT1`, () => {
    for (const crs of crss) expect(crsFromWkt(crsToOgcWkt(crs)), crs.name).toEqual(crs);
  });
  it('through ESRI WKT (which cannot hold datum-shift parameters)', () => {
    for (const crs of crss) {
      const withoutShift = { ...crs, proj4: crs.proj4.replace(/ \+towgs84=\S+/, '') };
      expect(crsFromWkt(crsToEsriWkt(crs)), crs.name).toEqual(withoutShift);
    }
  });
  it('writes the .prj of §5.2 exactly, for zone 39', () => {
    expect(crsToEsriWkt(crsFromEpsg(4527)!)).toBe(
      'PROJCS["CGCS2000_3_Degree_GK_Zone_39",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],' +
        'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",39500000.0],PARAMETER["False_Northing",0.0],' +
        'PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]',
    );
  });
});
