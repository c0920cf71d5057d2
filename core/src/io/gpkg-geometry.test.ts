import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Geometry } from '../types';
import { decodeGpkgGeometry, encodeGpkgFlatGeometry, encodeGpkgGeometry, geometryExtent, gpkgGeometryExtent, isGpkgGeometryEmpty, type FlatGeometry } from './gpkg-geometry';

// Blobs written by GDAL's GeoPackage driver (core/fixtures/gpkg-geometry/make-fixtures.py), with their 2D GeoJSON.
interface GdalCase { name: string; wkt: string; hex: string; geometry: Geometry; is2d: boolean }
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/gpkg-geometry/gdal-blobs.json', import.meta.url), 'utf8')) as { cases: GdalCase[] };

const fromHex = (hex: string): Uint8Array => Uint8Array.from(hex.match(/../g)!.map((b) => parseInt(b, 16)));
const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();

describe('GeoPackage geometry against GDAL-written blobs', () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))('decodes %s (Z/M dropped)', (_name, c) => {
    const decoded = decodeGpkgGeometry(fromHex(c.hex));
    expect(decoded.srsId).toBe(4528);
    expect(decoded.empty).toBe(false);
    expect(decoded.geometry).toEqual(c.geometry);
  });

  it.each(fixture.cases.filter((c) => c.is2d).map((c) => [c.name, c] as const))('encodes %s byte for byte as GDAL does', (_name, c) => {
    expect(toHex(encodeGpkgGeometry(c.geometry, 4528))).toBe(c.hex);
  });

  it('maps every vertex while decoding when asked', () => {
    const c = fixture.cases.find((k) => k.name === 'multipolygon')!;
    const shifted = decodeGpkgGeometry(fromHex(c.hex), (x, y) => [x + 100, y * 2]).geometry;
    const expected = (c.geometry.coordinates as number[][][][]).map((p) => p.map((r) => r.map(([x, y]) => [x + 100, y * 2])));
    expect(shifted).toEqual({ type: 'MultiPolygon', coordinates: expected });
  });

  it('reads the XYZ envelope GDAL writes for Z geometries as the 2D extent', () => {
    const c = fixture.cases.find((k) => k.name === 'polygon-z')!;
    const bytes = fromHex(c.hex);
    expect((bytes[3] >> 1) & 7).toBe(2); // envelope indicator 2 = XYZ
    expect(decodeGpkgGeometry(bytes).envelope).toEqual([0, 0, 1, 1]);
  });
});

describe('GeoPackage geometry header variants', () => {
  const square: Geometry = { type: 'Polygon', coordinates: [[[0, 0], [0, 2], [3, 2], [3, 0], [0, 0]]] };

  it('writes header fields: magic, version 0, little-endian flag, XY envelope, srs id', () => {
    const b = encodeGpkgGeometry(square, -1);
    expect([b[0], b[1], b[2], b[3]]).toEqual([0x47, 0x50, 0, 0b0000_0011]);
    const v = new DataView(b.buffer);
    expect(v.getInt32(4, true)).toBe(-1);
    // envelope order in the header is minx, maxx, miny, maxy
    expect([v.getFloat64(8, true), v.getFloat64(16, true), v.getFloat64(24, true), v.getFloat64(32, true)]).toEqual([0, 3, 0, 2]);
    expect(gpkgGeometryExtent(b)).toEqual([0, 0, 3, 2]);
  });

  it('reads XYM and XYZM envelopes (indicators 3 and 4)', () => {
    for (const [indicator, ordinates] of [[3, 6], [4, 8]] as const) {
      const wkb = encodeGpkgGeometry(square, 7).subarray(40);
      const blob = new Uint8Array(8 + ordinates * 8 + wkb.length);
      const v = new DataView(blob.buffer);
      blob.set([0x47, 0x50, 0, 1 | (indicator << 1)]);
      v.setInt32(4, 7, true);
      [0, 3, 0, 2, 10, 20, 30, 40].slice(0, ordinates).forEach((x, i) => v.setFloat64(8 + 8 * i, x, true));
      blob.set(wkb, 8 + ordinates * 8);
      const d = decodeGpkgGeometry(blob);
      expect(d.envelope).toEqual([0, 0, 3, 2]);
      expect(d.geometry).toEqual(square);
    }
  });

  it('reads a big-endian header and big-endian WKB', () => {
    const blob = new Uint8Array(8 + 5 + 16);
    const v = new DataView(blob.buffer);
    blob.set([0x47, 0x50, 0, 0]); // B = 0: big-endian header, no envelope
    v.setInt32(4, 4490, false);
    blob[8] = 0; // WKB big endian
    v.setUint32(9, 1, false);
    v.setFloat64(13, 120.5, false);
    v.setFloat64(21, 30.25, false);
    expect(decodeGpkgGeometry(blob)).toEqual({ srsId: 4490, envelope: null, empty: false, geometry: { type: 'Point', coordinates: [120.5, 30.25] } });
    expect(gpkgGeometryExtent(blob)).toEqual([120.5, 30.25, 120.5, 30.25]);
  });

  it('reads EWKB dimension bits (0x80000000 = Z)', () => {
    const blob = new Uint8Array(8 + 5 + 24);
    const v = new DataView(blob.buffer);
    blob.set([0x47, 0x50, 0, 1]);
    blob[8] = 1;
    v.setUint32(9, 0x80000001, true);
    [1, 2, 3].forEach((x, i) => v.setFloat64(13 + 8 * i, x, true));
    expect(decodeGpkgGeometry(blob).geometry).toEqual({ type: 'Point', coordinates: [1, 2] });
  });

  it('flags empty geometries and writes no envelope for them (GeoPackage §2.1.3.1.1)', () => {
    const emptyPolygon = encodeGpkgGeometry({ type: 'Polygon', coordinates: [] }, 4528);
    expect(emptyPolygon[3]).toBe(0b0001_0001);
    expect(emptyPolygon.length).toBe(8 + 9);
    expect(isGpkgGeometryEmpty(emptyPolygon)).toBe(true);
    expect(gpkgGeometryExtent(emptyPolygon)).toBeNull();
    expect(decodeGpkgGeometry(emptyPolygon).geometry).toEqual({ type: 'Polygon', coordinates: [] });

    const emptyPoint = encodeGpkgGeometry({ type: 'Point', coordinates: [] }, 4528);
    // as GDAL writes POINT EMPTY: flags 0x11 (empty, little endian, no envelope), then WKB POINT(NaN NaN)
    expect(toHex(emptyPoint)).toBe('47500011B01100000101000000000000000000F87F000000000000F87F');
    expect(decodeGpkgGeometry(emptyPoint).geometry).toEqual({ type: 'Point', coordinates: [] });
  });
});

describe('bad blobs give InputError GPKG_GEOMETRY_INVALID, never a crash or a huge allocation', () => {
  const good = encodeGpkgGeometry({ type: 'LineString', coordinates: [[0, 0], [1, 1]] }, 1);

  it.each([
    ['no magic', Uint8Array.from([0x48, 0x50, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0])],
    ['truncated header', good.subarray(0, 20)],
    ['truncated coordinates', good.subarray(0, good.length - 3)],
    ['extended type', Uint8Array.from([0x47, 0x50, 0, 0x21, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0])],
  ])('%s', (_name, bytes) => {
    expect(() => decodeGpkgGeometry(bytes)).toThrow(expect.objectContaining({ code: 'GPKG_GEOMETRY_INVALID' }));
  });

  it('a count of 2^32-1 points is rejected before allocating', () => {
    const bad = good.slice();
    new DataView(bad.buffer).setUint32(40 + 5, 0xffffffff, true);
    expect(() => decodeGpkgGeometry(bad)).toThrow(expect.objectContaining({ code: 'GPKG_GEOMETRY_INVALID' }));
  });

  it('a geometry collection is reported as unsupported', () => {
    const blob = Uint8Array.from([0x47, 0x50, 0, 1, 0, 0, 0, 0, 1, 7, 0, 0, 0, 0, 0, 0, 0]);
    expect(() => decodeGpkgGeometry(blob)).toThrow(expect.objectContaining({ code: 'GPKG_GEOMETRY_UNSUPPORTED', details: { type: 'GeometryCollection' } }));
  });
});

describe('geometryExtent', () => {
  it('covers every part and hole of a multipolygon', () => {
    expect(geometryExtent({ type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[5, -2], [6, 0], [5, 0], [5, -2]]]] })).toEqual([0, -2, 6, 1]);
  });
  it('is null for an empty geometry', () => {
    expect(geometryExtent({ type: 'MultiPoint', coordinates: [] })).toBeNull();
  });
});

describe('encodeGpkgFlatGeometry (the bulk-import path) writes the same bytes as the GeoJSON path', () => {
  const flat = (g: Geometry): FlatGeometry => {
    const xy: number[] = [];
    const starts: number[] = [];
    const counts: number[] = [];
    const part = (pts: number[][]): void => {
      starts.push(xy.length / 2);
      for (const p of pts) xy.push(p[0], p[1]);
    };
    switch (g.type) {
      case 'Point': part([g.coordinates]); break;
      case 'MultiPoint': g.coordinates.forEach((p) => part([p])); break;
      case 'LineString': part(g.coordinates); break;
      case 'MultiLineString': g.coordinates.forEach(part); break;
      case 'Polygon': g.coordinates.forEach(part); counts.push(g.coordinates.length); break;
      case 'MultiPolygon': g.coordinates.forEach((poly) => { poly.forEach(part); counts.push(poly.length); }); break;
    }
    starts.push(xy.length / 2);
    return { type: g.type, xy: Float64Array.from(xy), partStarts: Int32Array.from(starts), polygonRingCounts: counts.length ? Int32Array.from(counts) : null };
  };

  it.each(fixture.cases.filter((c) => c.is2d).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const encoded = encodeGpkgFlatGeometry(flat(c.geometry), 4528)!;
    expect(toHex(encoded.blob)).toBe(c.hex);
    expect(encoded.extent).toEqual(geometryExtent(c.geometry));
  });

  it('promotes to the multi type on request', () => {
    const polygon: Geometry = { type: 'Polygon', coordinates: [[[0, 0], [0, 2], [3, 2], [0, 0]], [[1, 1], [1.5, 1.2], [1.2, 1.5], [1, 1]]] };
    const line: Geometry = { type: 'LineString', coordinates: [[0, 0], [5, 5]] };
    const point: Geometry = { type: 'Point', coordinates: [7, 8] };
    expect(toHex(encodeGpkgFlatGeometry(flat(polygon), 1, 'MultiPolygon')!.blob)).toBe(toHex(encodeGpkgGeometry({ type: 'MultiPolygon', coordinates: [polygon.coordinates] }, 1)));
    expect(toHex(encodeGpkgFlatGeometry(flat(line), 1, 'MultiLineString')!.blob)).toBe(toHex(encodeGpkgGeometry({ type: 'MultiLineString', coordinates: [line.coordinates] }, 1)));
    expect(toHex(encodeGpkgFlatGeometry(flat(point), 1, 'MultiPoint')!.blob)).toBe(toHex(encodeGpkgGeometry({ type: 'MultiPoint', coordinates: [point.coordinates] }, 1)));
  });

  it('returns null for a geometry without vertices', () => {
    expect(encodeGpkgFlatGeometry({ type: 'Polygon', xy: new Float64Array(0), partStarts: Int32Array.of(0), polygonRingCounts: Int32Array.of() }, 1)).toBeNull();
  });
});
