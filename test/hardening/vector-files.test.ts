/**
 * Hostile shapefile parts not covered beside the readers (core/src/io/shapefile/damaged-shapefile.test.ts holds the
 * rest): a header length shorter than the header, a record too short for its type, rings of fewer than 4 vertices,
 * rings that do not close, and a table whose records mix two encodings.
 */
import { bytesSource, openDbfTable, openShapefile } from '#core';
import { describe, expect, it } from 'vitest';
import { expectInputError, expectMessages, oneFieldDbf, polygonShp } from './tiny-files';

type Ring = [number, number][];
const square: Ring = [[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]];
const readAll = (shp: Uint8Array) => {
  const layer = openShapefile({ shp: bytesSource(shp), name: 'T' });
  return { layer, features: [...layer.features()] };
};

describe('hostile .shp headers and records', () => {
  it('a declared file length shorter than the 100-byte header', async () => {
    const shp = polygonShp([[square]]);
    new DataView(shp.buffer).setInt32(24, 10, false); // 10 words = 20 bytes
    const e = await expectInputError(() => readAll(shp), 'SHP_BAD_LENGTH', ['T.shp', 20]);
    expect(e.details.declaredBytes).toBe(20);
  });

  it('a record whose content length is too short for a polygon', async () => {
    const shp = polygonShp([[square]]);
    // Content length 6 words = 12 bytes: the shape type fits, the 32-byte box and counts do not.
    new DataView(shp.buffer).setInt32(104, 6, false);
    new DataView(shp.buffer).setInt32(24, (100 + 8 + 12) / 2, false);
    await expectInputError(() => readAll(shp.slice(0, 120)), 'SHP_RECORD_TOO_SHORT', ['T.shp', 1]);
  });
});

describe('vertices outside the boxes the file declares', () => {
  // Gauss-Kruger zone 40 eastings: the magnitudes the check must get right.
  const parcel: Ring = [[40_500_000, 3_500_000], [40_500_000, 3_500_100], [40_500_100, 3_500_100], [40_500_100, 3_500_000], [40_500_000, 3_500_000]];

  it('a coordinate overwritten with 10^300 inside a record whose box was not: SHP_VERTEX_OUTSIDE_EXTENT, not an absurd vertex', async () => {
    const shp = polygonShp([[parcel], [parcel]]);
    // Record 2 starts at 100 + 8 + 128; its first x is after the 44-byte head and one part index.
    new DataView(shp.buffer).setFloat64(100 + 8 + 128 + 8 + 48, 1e300, true);
    const e = await expectInputError(() => readAll(shp), 'SHP_VERTEX_OUTSIDE_EXTENT', ['T.shp', 2, '1e+300']);
    expect(e.details).toMatchObject({ record: 2, vertex: 1, x: 1e300, y: 3_500_000 });
  });

  it('a box a little inside its vertices, as a lower-precision writer leaves it, is accepted', () => {
    const shp = polygonShp([[parcel]]);
    const view = new DataView(shp.buffer);
    // The record box 0.25 m inside the vertices on both x sides; the slack is 1e-6 × 40 500 100 ≈ 40.5 m.
    view.setFloat64(100 + 8 + 4, 40_500_000.25, true);
    view.setFloat64(100 + 8 + 20, 40_500_099.75, true);
    expect(readAll(shp).features).toHaveLength(1);
  });
});

describe('rings', () => {
  it('a ring that does not close is closed on reading, with the area of the closed ring', () => {
    const { features } = readAll(polygonShp([[square.slice(0, 4)]]));
    const ring = (features[0].geometry as { coordinates: number[][][] }).coordinates[0];
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    // Shoelace of the 10 m square, counter-clockwise (RFC 7946): +100 m².
    const area = ring.slice(0, -1).reduce((s, [x, y], i) => s + x * ring[i + 1][1] - ring[i + 1][0] * y, 0) / 2;
    expect(area).toBe(100);
  });

  it('a ring of fewer than 4 vertices is left out with SHP_DEGENERATE_RINGS naming the record', () => {
    const sliver: Ring = [[20, 20], [21, 21], [20, 20]];
    const { layer, features } = readAll(polygonShp([[square], [square, sliver]]));
    expect((features[1].geometry as { coordinates: unknown[] }).coordinates).toHaveLength(1);
    const warning = layer.info.warnings.find((w) => w.code === 'SHP_DEGENERATE_RINGS')!;
    expect(warning.details).toMatchObject({ file: 'T.shp', count: 1, records: [2] });
    expectMessages(warning, ['T.shp', 2]);
  });
});

describe('mixed encodings in one table', () => {
  const gbk = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4, 0xb5, 0xd8, 0xc0, 0xe0]); // 中文地类 in GBK
  const utf8 = new TextEncoder().encode('中文地类');

  it('GBK records with UTF-8 records appended: read as GB18030 and the garbled values are counted', () => {
    const table = openDbfTable(bytesSource(oneFieldDbf([gbk, gbk, utf8])), { file: 'M.dbf' });
    expect(table.info.encoding).toEqual({ name: 'GB18030', source: 'detected' });
    expect([...table.features()][0].properties.NAME).toBe('中文地类');
    const warning = table.info.warnings.find((w) => w.code === 'ENCODING_MIXED')!;
    expect(warning.details).toEqual({ file: 'M.dbf', used: 'GB18030', count: 1 });
    expectMessages(warning, ['M.dbf', 'GB18030', 1]);
  });

  it('a table all in GBK or all in UTF-8 is not reported as mixed', () => {
    expect(openDbfTable(bytesSource(oneFieldDbf([gbk, gbk])), { file: 'G.dbf' }).info.warnings).toEqual([]);
    const u = openDbfTable(bytesSource(oneFieldDbf([utf8, utf8])), { file: 'U.dbf' });
    expect(u.info.encoding?.name).toBe('UTF-8');
    expect(u.info.warnings).toEqual([]);
  });

  it('bytes that are neither UTF-8 nor GB18030 are read with ENCODING_UNCERTAIN', () => {
    const broken = new Uint8Array([0xd6, 0xd0, 0xff, 0xff, 0x41]); // 0xFF is never a GB18030 lead byte
    const table = openDbfTable(bytesSource(oneFieldDbf([broken])), { file: 'B.dbf' });
    const warning = table.info.warnings.find((w) => w.code === 'ENCODING_UNCERTAIN')!;
    expect(warning.details).toEqual({ file: 'B.dbf', used: 'GB18030' });
    expectMessages(warning, ['B.dbf']);
  });
});
