import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crsFromEpsg } from '../crs/crs-from-epsg';
import { createTransform, transformGeometry } from '../crs/transform';
import { errorMessage } from '../errors';
import type { Feature, FieldType } from '../types';
import { openGeoJson, writeGeoJson } from './geojson';

/** ogr2ogr-written GeoJSON and what GDAL reads from it (core/fixtures/geojson/make-fixtures.py). */
const dir = new URL('../../fixtures/geojson/', import.meta.url);
const bytes = (path: string) => new Uint8Array(readFileSync(new URL(path, dir)));
interface GdalReading {
  epsg: number | null;
  fields: { name: string; ogrType: string }[];
  features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } | null }[];
}
const OGR_TYPES: Record<string, FieldType> = { String: 'string', Integer: 'integer', Integer64: 'integer', Real: 'number', Date: 'date', Boolean: 'boolean' };

/** GDAL writes nested objects back as JSON text with its own spacing: compare such values as parsed JSON. */
const normalise = (v: unknown) => (typeof v === 'string' && v.startsWith('{') ? JSON.parse(v) : v);

describe('openGeoJson reads what GDAL reads', () => {
  for (const name of readdirSync(new URL('in/', dir)).sort()) {
    it(name, () => {
      const gdal: GdalReading = JSON.parse(readFileSync(new URL(`out/${name.replace('.geojson', '.json')}`, dir), 'utf8'));
      const layer = openGeoJson(bytes(`in/${name}`), { file: name });
      // GDAL names a layer with z coordinates EPSG:4979 (WGS 84 3D); core keeps z as a third ordinate of WGS 84.
      expect(layer.info.crs?.epsg).toBe(gdal.epsg === 4979 ? 4326 : gdal.epsg);
      expect(layer.info.fields.map((f) => [f.name, f.type])).toEqual(gdal.fields.map((f) => [f.name, OGR_TYPES[f.ogrType]]));
      const features = [...layer.features()];
      expect(features).toHaveLength(gdal.features.length);
      features.forEach((f, i) => {
        const want = gdal.features[i];
        expect(Object.fromEntries(Object.entries(f.properties).map(([k, v]) => [k, normalise(v)]))).toEqual(
          Object.fromEntries(Object.entries(want.properties).map(([k, v]) => [k, normalise(v)])),
        );
        expect(f.geometry).toEqual(want.geometry);
      });
    });
  }

  it('recognises the 三调 DLTB schema and the layer type', () => {
    const layer = openGeoJson(bytes('in/dltb-4528-legacy.geojson'));
    expect(layer.info.schema).toBe('sandiao-dltb');
    expect(layer.info.geometryType).toBe('MultiPolygon');
    expect(layer.info.extent).toEqual([40500000, 3400000, 40500300, 3400250.875]);
  });
});

describe('openGeoJson refuses bad input with a path', () => {
  const broken: Record<string, { error: string; path: string | null }> = JSON.parse(readFileSync(new URL('broken.json', dir), 'utf8'));
  for (const [name, want] of Object.entries(broken)) {
    it(name, () => {
      let e: { code?: string; details?: { path?: string } } | undefined;
      try {
        openGeoJson(bytes(`broken/${name}`), { file: name });
      } catch (x) {
        e = x as typeof e;
      }
      expect(e?.code).toBe(want.error);
      if (want.path !== null) expect(e?.details?.path).toBe(want.path);
      expect(errorMessage(e, 'en')).not.toMatch(/\n|\{\w+\}/);
      expect(errorMessage(e, 'zh')).not.toMatch(/\n|\{\w+\}/);
    });
  }

  it('reads the 2008 draft crs member {"type": "EPSG", "properties": {"code": 4528}}', () => {
    const text = JSON.stringify({ type: 'Feature', crs: { type: 'EPSG', properties: { code: 4528 } }, properties: {}, geometry: { type: 'Point', coordinates: [40500100, 3400100] } });
    expect(openGeoJson(new TextEncoder().encode(text)).info.crs?.epsg).toBe(4528);
  });

  it('checks the size before parsing', () => {
    let code: string | undefined;
    try {
      openGeoJson(bytes('in/dltb-4528-legacy.geojson'), { maxBytes: 1000 });
    } catch (e) {
      code = (e as { code: string }).code;
    }
    expect(code).toBe('GEOJSON_TOO_LARGE');
  });

  it('keeps polygons from a mixed layer and says what it left out', () => {
    const mixed = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { n: 1 }, geometry: { type: 'Point', coordinates: [119.6, 30.6] } },
      { type: 'Feature', properties: { n: 2 }, geometry: { type: 'Polygon', coordinates: [[[119.6, 30.6], [119.7, 30.6], [119.7, 30.7], [119.6, 30.6]]] } },
    ] };
    const layer = openGeoJson(new TextEncoder().encode(JSON.stringify(mixed)), { file: 'm.geojson' });
    expect(layer.info.featureCount).toBe(1);
    expect(layer.info.warnings).toEqual([{ code: 'VECTOR_GEOMETRY_MIXED', details: { file: 'm.geojson', kept: 'Polygon', polygons: 0, lines: 0, points: 1 } }]);
  });
});

describe('writeGeoJson writes what ogr2ogr writes', () => {
  const features = (name: string) => [...openGeoJson(bytes(`in/${name}`)).features()];
  const parsed = (name: string) => JSON.parse(readFileSync(new URL(`in/${name}`, dir), 'utf8'));

  it('legacy GeoJSON in EPSG:4528 with the crs member, full precision', () => {
    const ours = JSON.parse(writeGeoJson(features('dltb-4528-legacy.geojson'), { crs: crsFromEpsg(4528)!, name: 'DLTB' }));
    expect(ours).toEqual(parsed('dltb-4528-legacy.geojson'));
  });

  it('COORDINATE_PRECISION=2', () => {
    const ours = JSON.parse(writeGeoJson(features('dltb-4528-legacy.geojson'), { crs: crsFromEpsg(4528)!, name: 'DLTB', precision: 2 }));
    expect(ours).toEqual(parsed('dltb-4528-precision-2.geojson'));
  });

  it('RFC 7946: reprojected to WGS 84, 7 decimals, no crs member (within one unit of the 7th decimal of GDAL)', () => {
    const t = createTransform(crsFromEpsg(4528)!, crsFromEpsg(4326)!);
    const wgs: Feature[] = features('dltb-4528-legacy.geojson').map((f) => ({ ...f, geometry: f.geometry && transformGeometry(f.geometry, t) }));
    const ours = JSON.parse(writeGeoJson(wgs, { crs: crsFromEpsg(4326)!, name: 'DLTB', precision: 7 }));
    const gdal = parsed('dltb-rfc7946.geojson');
    expect(ours.crs).toBeUndefined();
    const flat = (c: unknown): number[] => (typeof c === 'number' ? [c] : (c as unknown[]).flatMap(flat));
    ours.features.forEach((f: { properties: unknown; geometry: { coordinates: unknown } }, i: number) => {
      expect(f.properties).toEqual(gdal.features[i].properties);
      // GDAL's RFC 7946 writer also rewinds rings (outer counter-clockwise); compare as sets of rounded positions.
      const a = flat(f.geometry.coordinates);
      const b = flat(gdal.features[i].geometry.coordinates);
      expect(a.length).toBe(b.length);
      const key = (xs: number[]) => xs.reduce<string[]>((acc, x, k) => (k % 2 ? acc : [...acc, `${x.toFixed(6)},${xs[k + 1].toFixed(6)}`]), []).sort();
      expect(key(a)).toEqual(key(b));
      a.forEach((x) => expect(Math.abs(x - [...b].sort((p, q) => Math.abs(p - x) - Math.abs(q - x))[0])).toBeLessThanOrEqual(1.01e-7));
    });
  });

  it('round-trips: read(write(x)) == x', () => {
    for (const name of ['dltb-4528-legacy.geojson', 'points-4326.geojson', 'lines-4326.geojson', 'null-geometry.geojson']) {
      const layer = openGeoJson(bytes(`in/${name}`));
      const text = writeGeoJson(layer.features(), { crs: layer.info.crs! });
      const back = openGeoJson(new TextEncoder().encode(text));
      expect([...back.features()], name).toEqual([...layer.features()]);
      expect(back.info.fields, name).toEqual(layer.info.fields);
      expect(back.info.crs, name).toEqual(layer.info.crs);
    }
  });

  it('refuses a CRS it cannot name', () => {
    let code: string | undefined;
    try {
      writeGeoJson([], { crs: { ...crsFromEpsg(4528)!, epsg: null } });
    } catch (e) {
      code = (e as { code: string }).code;
    }
    expect(code).toBe('GEOJSON_WRITE_NO_EPSG');
  });
});
