import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crsFromEpsg } from '../../crs/crs-from-epsg';
import { errorMessage, InputError } from '../../errors';
import { isMessageCode } from '../../messages/index';
import type { Feature, FieldType } from '../../types';
import { openGeoJson } from '../geojson';
import { openKml } from './kml-reader';
import { writeKml } from './kml-writer';

/** GDAL-written and hand-written KML with what GDAL's LIBKML driver reads (core/fixtures/kml/make-fixtures.py). */
const dir = new URL('../../../fixtures/kml/', import.meta.url);
const bytes = (path: string) => new Uint8Array(readFileSync(new URL(path, dir)));
const OGR_TYPES: Record<string, FieldType> = { String: 'string', Integer: 'integer', Integer64: 'integer', Real: 'number' };
/** SimpleData that the file holds but its Schema does not declare: LIBKML drops it, we keep it. */
const EXTRA: Record<string, string[]> = { 'dltb-libkml.kml': ['BGRQ'] };

function caught(f: () => unknown): { code?: string; details?: Record<string, unknown> } | undefined {
  try {
    f();
  } catch (e) {
    return e as { code?: string; details?: Record<string, unknown> };
  }
  return undefined;
}

describe('openKml reads what GDAL reads', () => {
  for (const name of readdirSync(new URL('in/', dir)).sort()) {
    it(name, () => {
      const gdal: { fields: { name: string; ogrType: string }[]; features: { properties: Record<string, unknown>; geometry: unknown }[] } = JSON.parse(
        readFileSync(new URL(`out/${name.replace('.kml', '.json')}`, dir), 'utf8'),
      );
      const layer = openKml(bytes(`in/${name}`), { file: name });
      const extra = EXTRA[name] ?? [];
      expect(layer.info.crs).toEqual(crsFromEpsg(4326));
      expect(layer.info.fields.filter((f) => !extra.includes(f.name)).map((f) => [f.name, f.type])).toEqual(gdal.fields.map((f) => [f.name, OGR_TYPES[f.ogrType]]));
      const features = [...layer.features()];
      expect(features).toHaveLength(gdal.features.length);
      features.forEach((f, i) => {
        const props = Object.fromEntries(Object.entries(f.properties).filter(([k]) => !extra.includes(k)));
        expect(props).toEqual(gdal.features[i].properties);
        expect(f.geometry).toEqual(gdal.features[i].geometry);
      });
    });
  }

  it('reads the encoding the XML declaration names', () => {
    expect(openKml(bytes('in/gbk-declared.kml')).info.encoding?.name).toBe('GBK');
    expect(openKml(bytes('in/google-earth.kml')).info.encoding?.name).toBe('UTF-8');
  });

  it('recognises a DLTB layer', () => {
    expect(openKml(bytes('in/dltb-gdal.kml')).info.schema).toBe('sandiao-dltb');
  });
});

describe('openKml refuses bad input cleanly', () => {
  const broken: Record<string, { error: string; line: number | null }> = JSON.parse(readFileSync(new URL('broken.json', dir), 'utf8'));
  for (const [name, want] of Object.entries(broken)) {
    it(name, () => {
      const e = caught(() => openKml(bytes(`broken/${name}`), { file: name }));
      expect(e?.code).toBe(want.error);
      if (want.line !== null) expect(e?.details?.line).toBe(want.line);
      expect(errorMessage(e, 'en')).not.toMatch(/\n|\{\w+\}/);
      expect(errorMessage(e, 'zh')).not.toMatch(/\n|\{\w+\}/);
    });
  }

  it('checks the size before reading', () => {
    expect(caught(() => openKml(bytes('in/dltb-gdal.kml'), { maxBytes: 100 }))?.code).toBe('KML_TOO_LARGE');
  });

  it('reads a large document in one pass (20 000 placemarks)', () => {
    const placemark = (i: number) => `<Placemark><name>p${i}</name><Polygon><outerBoundaryIs><LinearRing><coordinates>119.${i},30.1 119.${i},30.2 119.${i}5,30.2 119.${i},30.1</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>\n`;
    const text = `<kml><Document>${Array.from({ length: 20000 }, (_, i) => placemark(i)).join('')}</Document></kml>`;
    const layer = openKml(new TextEncoder().encode(text));
    expect(layer.info.featureCount).toBe(20000);
    expect(layer.info.geometryType).toBe('Polygon');
  });

  it('never crashes on mangled input: every failure is a catalogued InputError', () => {
    const text = new TextDecoder().decode(bytes('in/google-earth.kml'));
    let seed = 424242;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const junk = ['<', '>', '/', '&', '"', ']]>', '<![CDATA[', '<!--', ',', 'x', '\n'];
    let failures = 0;
    for (let round = 0; round < 300; round++) {
      const chars = [...text];
      for (let k = 0; k < 1 + Math.floor(random() * 5); k++) {
        const at = Math.floor(random() * chars.length);
        if (random() < 0.5) chars.splice(at, 1 + Math.floor(random() * 30));
        else chars.splice(at, 0, junk[Math.floor(random() * junk.length)]);
      }
      try {
        openKml(new TextEncoder().encode(chars.join('')));
      } catch (e) {
        failures++;
        expect(e).toBeInstanceOf(InputError);
        expect(isMessageCode((e as InputError).code)).toBe(true);
      }
    }
    expect(failures).toBeGreaterThan(0);
  });
});

describe('writeKml', () => {
  const source = openGeoJson(new Uint8Array(readFileSync(new URL('../../../fixtures/geojson/in/dltb-4528-legacy.geojson', import.meta.url))));
  const parcels = [...source.features()];

  it('writes what ogr2ogr -f KML writes (GDAL writes dates as YYYY/MM/DD, we keep YYYY-MM-DD)', () => {
    const ours = [...openKml(new TextEncoder().encode(writeKml(parcels, { crs: source.info.crs!, fields: source.info.fields, name: 'DLTB' }))).features()];
    const gdal = [...openKml(bytes('in/dltb-gdal.kml')).features()];
    expect(ours).toHaveLength(gdal.length);
    const flat = (c: unknown): number[] => (typeof c === 'number' ? [c] : (c as unknown[]).flatMap(flat));
    ours.forEach((f, i) => {
      expect({ ...f.properties, BGRQ: (f.properties.BGRQ as string | null)?.replace(/-/g, '/') ?? null }).toEqual(gdal[i].properties);
      expect(f.geometry!.type).toBe(gdal[i].geometry!.type);
      const [a, b] = [flat(f.geometry!.coordinates), flat(gdal[i].geometry!.coordinates)];
      expect(a.length).toBe(b.length);
      // Both reprojected from EPSG:4528 (PROJ for GDAL): the same points to 1e-9° (0.1 mm).
      a.forEach((x, k) => expect(Math.abs(x - b[k])).toBeLessThan(1e-9));
    });
  });

  it('round-trips: read(write(x)) == x, with a name field and GBK-unfriendly text escaped', () => {
    const wgs = crsFromEpsg(4326)!;
    const features: Feature[] = [
      { type: 'Feature', id: 0, geometry: { type: 'Point', coordinates: [119.6, 30.6] }, properties: { name: '界桩 <1> & "2"', n: 3, ok: true, d: '2024-05-20' } },
      { type: 'Feature', id: 1, geometry: { type: 'MultiPoint', coordinates: [[119.6, 30.61], [119.62, 30.6]] }, properties: { name: null, n: null, ok: false, d: null } },
    ];
    const fields = [
      { name: 'name', type: 'string' as const, width: null },
      { name: 'n', type: 'integer' as const, width: null },
      { name: 'ok', type: 'boolean' as const, width: null },
      { name: 'd', type: 'date' as const, width: null },
    ];
    const text = writeKml(features, { crs: wgs, fields, nameField: 'name' });
    const back = openKml(new TextEncoder().encode(text));
    expect(back.info.fields.map((f) => [f.name, f.type])).toEqual([['name', 'string'], ['description', 'string'], ['n', 'integer'], ['ok', 'boolean'], ['d', 'string']]);
    expect([...back.features()].map((f) => ({ geometry: f.geometry, properties: f.properties }))).toEqual(
      features.map((f) => ({ geometry: f.geometry, properties: { ...f.properties, description: null } })),
    );
  });
});
