import { describe, expect, it } from 'vitest';
import { crsFromGeoKeys, GEOKEY, geoKeysFromCrs, USER_DEFINED, type GeoKeys } from './geokeys';
import { gaussKrugerCrs, knownCrsFromEpsg } from './zone-table';

// GeoTIFFs written by GDAL are covered by core/src/io/geotiff/geotiff-reader.test.ts (EPSG 4528, 4490, 32650,
// user-defined TM, Albers, LCC 1SP/2SP, Mercator, GK zone without code); these are the cases GDAL does not write.
const keys = (entries: [number, number | number[] | string][]): GeoKeys => new Map(entries);

describe('crsFromGeoKeys: what it cannot read becomes a warning, never an exception', () => {
  it('an EPSG code outside the product\'s table', () => {
    const { crs, warning } = crsFromGeoKeys(keys([[GEOKEY.GTModelType, 1], [GEOKEY.ProjectedCSType, 2154]]), 'lambert93.tif');
    expect(crs).toBeNull();
    expect(warning).toEqual({ code: 'RASTER_CRS_UNKNOWN_EPSG', details: { file: 'lambert93.tif', epsg: 2154 } });
  });

  it('a projection method it does not build (Lambert azimuthal equal area)', () => {
    const { crs, warning } = crsFromGeoKeys(keys([[GEOKEY.GTModelType, 1], [GEOKEY.ProjectedCSType, USER_DEFINED], [GEOKEY.GeographicType, 4326], [GEOKEY.ProjCoordTrans, 10]]), 'laea.tif');
    expect(crs).toBeNull();
    expect(warning?.code).toBe('RASTER_CRS_UNSUPPORTED');
  });

  it('a geocentric model, and no keys at all', () => {
    expect(crsFromGeoKeys(keys([[GEOKEY.GTModelType, 3]]), 'g.tif').warning?.code).toBe('RASTER_CRS_UNSUPPORTED');
    expect(crsFromGeoKeys(keys([]), 'plain.tif').warning?.code).toBe('RASTER_CRS_MISSING');
  });

  it('a user-defined datum given only by its ellipsoid axes', () => {
    // a = 6378140, 1/f = 298.257: the Xian 1980 (IAG 1975) ellipsoid.
    const { crs } = crsFromGeoKeys(keys([[GEOKEY.GTModelType, 2], [GEOKEY.GeographicType, USER_DEFINED], [GEOKEY.GeogSemiMajorAxis, 6378140], [GEOKEY.GeogInvFlattening, 298.257]]), 'x80.tif');
    expect(crs).toMatchObject({ epsg: 4610, kind: 'geographic', ellipsoid: 'Xian1980' });
  });
});

describe('geoKeysFromCrs', () => {
  it('writes the EPSG code when there is one', () => {
    const written = geoKeysFromCrs(knownCrsFromEpsg(4528)!);
    expect(written.get(GEOKEY.ProjectedCSType)).toBe(4528);
    expect(crsFromGeoKeys(written, 'x.tif').crs?.epsg).toBe(4528);
  });

  it('writes a Gauss-Kruger zone outside the EPSG table as user-defined TM keys that read back to the same zone', () => {
    // Beijing 1954 6° zone 24 (CM 141°E) is beyond the EPSG range (zones 13–23).
    const zone = gaussKrugerCrs({ datum: 'Beijing1954', width: 6, zone: 24, prefixed: true });
    expect(zone.epsg).toBeNull();
    const back = crsFromGeoKeys(geoKeysFromCrs(zone), 'z.tif').crs!;
    expect(back.proj4).toBe('+proj=tmerc +lat_0=0 +lon_0=141 +k=1 +x_0=24500000 +y_0=0 +ellps=krass +units=m +no_defs');
    expect(back.transverseMercator).toMatchObject({ centralMeridian: 141, falseEasting: 24500000, scale: 1 });
  });
});
