import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fixtureFile, SHAPEFILE_DIR } from '../../fixtures/shapefile/fixtures';
import { errorMessage } from '../errors';
import { bytesSource } from '../types';
import { openShapefile } from './shapefile/shapefile-reader';
import { listZipLayers, readZipShapefile } from './zip';

interface Entry {
  name: string | Uint8Array;
  data: Uint8Array;
  method?: 0 | 8 | 12;
  /** Overrides of what the headers declare. */
  declaredSize?: number;
  crc?: number;
  flags?: number;
  zip64?: boolean;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

function crc32(bytes: Uint8Array): number {
  let crc = -1;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ -1) >>> 0;
}

/** A zip written byte by byte, so headers can say whatever a test needs (sizes, names, flags, ZIP64). */
function buildZip(entries: Entry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? utf8(e.name) : e.name;
    const method = e.method ?? 8;
    const body = method === 8 ? deflateSync(e.data) : e.data;
    const size = e.declaredSize ?? e.data.length;
    const flags = (e.flags ?? 0) | (typeof e.name === 'string' && /[^\x20-\x7e]/.test(e.name) ? 0x800 : 0);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(6, flags, true);
    local.setUint16(8, method, true);
    local.setUint32(14, e.crc ?? crc32(e.data), true);
    local.setUint32(18, body.length, true);
    local.setUint32(22, size, true);
    local.setUint16(26, name.length, true);
    chunks.push(new Uint8Array(local.buffer), name, body);
    const extra = e.zip64 ? new DataView(new ArrayBuffer(28)) : null;
    if (extra) {
      extra.setUint16(0, 1, true);
      extra.setUint16(2, 24, true);
      extra.setBigUint64(4, BigInt(size), true);
      extra.setBigUint64(12, BigInt(body.length), true);
      extra.setBigUint64(20, BigInt(offset), true);
    }
    const cd = new DataView(new ArrayBuffer(46));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(8, flags, true);
    cd.setUint16(10, method, true);
    cd.setUint32(16, e.crc ?? crc32(e.data), true);
    cd.setUint32(20, extra ? 0xffffffff : body.length, true);
    cd.setUint32(24, extra ? 0xffffffff : size, true);
    cd.setUint16(28, name.length, true);
    cd.setUint16(30, extra ? 28 : 0, true);
    cd.setUint32(42, extra ? 0xffffffff : offset, true);
    central.push(new Uint8Array(cd.buffer), name, ...(extra ? [new Uint8Array(extra.buffer)] : []));
    offset += 30 + name.length + body.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const part = (ext: string) => fixtureFile(SHAPEFILE_DIR, 'dltb-gbk', ext)!;
const layerEntries = (base: string, exts = ['shp', 'shx', 'dbf', 'prj', 'cpg']): Entry[] => exts.map((ext) => ({ name: `${base}.${ext}`, data: part(ext.toLowerCase()) }));

function expectZipError(action: () => unknown, code: string, mention: string[] = []) {
  try {
    action();
  } catch (e) {
    const error = e as { name: string; code: string };
    expect([error.name, error.code]).toEqual(['InputError', code]);
    for (const lang of ['zh', 'en'] as const) {
      const text = errorMessage(e, lang);
      expect(text).not.toMatch(/\{\w+\}/);
      for (const m of mention) expect(text).toContain(m);
    }
    return;
  }
  throw new Error(`expected ${code}`);
}

describe('zip: finding and reading a shapefile', () => {
  it('reads a layer from a folder of a zip made by a common tool, whatever the case of the extension', () => {
    const zip = bytesSource(new Uint8Array(readFileSync(`${SHAPEFILE_DIR}zips/dltb-in-folder.zip`)));
    expect(listZipLayers(zip)).toEqual([{ name: '三调/DLTB', shp: '三调/DLTB.SHP', shx: '三调/DLTB.shx', dbf: '三调/DLTB.dbf', prj: '三调/DLTB.prj', cpg: '三调/DLTB.cpg' }]);
    const files = readZipShapefile(zip, { file: 'dltb.zip' });
    expect(files.shp).toEqual(part('shp'));
    expect(files.dbf).toEqual(part('dbf'));
    expect(files.cpg).toBe('GBK');
    expect(files.prj).toContain('CGCS2000');
    const layer = openShapefile({ shp: bytesSource(files.shp), shx: bytesSource(files.shx!), dbf: bytesSource(files.dbf!), cpg: files.cpg });
    expect(layer.info.featureCount).toBe(9);
  });

  it('reads ZIP64 records (local headers forced by the tool, central directory built here)', () => {
    const zip64 = bytesSource(new Uint8Array(readFileSync(`${SHAPEFILE_DIR}zips/dltb-zip64.zip`)));
    expect(readZipShapefile(zip64).shx).toEqual(part('shx'));
    const built = buildZip(layerEntries('DLTB').map((e) => ({ ...e, zip64: true })));
    expect(readZipShapefile(bytesSource(built)).dbf).toEqual(part('dbf'));
  });

  it('decodes names stored in GBK without the UTF-8 flag (Chinese Windows zip tools)', () => {
    const gbkName = Uint8Array.from([0xb5, 0xd8, 0xc0, 0xe0, 0xcd, 0xbc, 0xb0, 0xdf]); // 地类图斑
    const entries = ['shp', 'dbf'].map((ext) => ({ name: Uint8Array.from([...gbkName, ...utf8(`.${ext}`)]), data: part(ext) }));
    expect(listZipLayers(bytesSource(buildZip(entries)))[0].name).toBe('地类图斑');
  });

  it('skips macOS resource forks', () => {
    const zip = buildZip([...layerEntries('DLTB'), { name: '__MACOSX/._DLTB.shp', data: utf8('x') }, { name: 'a/._B.shp', data: utf8('x') }]);
    expect(listZipLayers(bytesSource(zip)).map((l) => l.name)).toEqual(['DLTB']);
  });

  it('asks which layer when there are several, and takes one by path or base name', () => {
    const zip = bytesSource(buildZip([...layerEntries('2022/DLTB'), ...layerEntries('2022/XZQ', ['shp', 'dbf'])]));
    expectZipError(() => readZipShapefile(zip, { file: 'county.zip' }), 'ZIP_SEVERAL_LAYERS', ['county.zip', '2022/DLTB', '2022/XZQ']);
    expect(readZipShapefile(zip, { layer: '2022/xzq' }).shx).toBeNull();
    expect(readZipShapefile(zip, { layer: 'DLTB' }).name).toBe('2022/DLTB');
    expectZipError(() => readZipShapefile(zip, { file: 'county.zip', layer: 'CJDCQ' }), 'ZIP_LAYER_NOT_FOUND', ['CJDCQ']);
  });
});

describe('zip: bad input', () => {
  it('not a zip', () => {
    expectZipError(() => readZipShapefile(bytesSource(utf8('GIS data'.repeat(100))), { file: 'x.zip' }), 'ZIP_NOT_ZIP', ['x.zip']);
    expectZipError(() => readZipShapefile(bytesSource(new Uint8Array(0)), { file: 'x.zip' }), 'ZIP_NOT_ZIP', ['x.zip']);
  });

  it('a half-copied zip: the central directory at its end is missing', () => {
    const zip = buildZip(layerEntries('DLTB'));
    expectZipError(() => readZipShapefile(bytesSource(zip.slice(0, zip.length - 60)), { file: 'x.zip' }), 'ZIP_DAMAGED', ['x.zip']);
  });

  it('a central directory pointing past its end record', () => {
    const zip = buildZip(layerEntries('DLTB'));
    new DataView(zip.buffer).setUint32(zip.length - 6, zip.length, true);
    expectZipError(() => readZipShapefile(bytesSource(zip)), 'ZIP_DAMAGED');
  });

  it('no shapefile inside', () => {
    expectZipError(() => readZipShapefile(bytesSource(buildZip([{ name: 'readme.txt', data: utf8('hi') }, ...layerEntries('T', ['dbf'])])), { file: 'x.zip' }), 'ZIP_NO_SHAPEFILE', ['x.zip']);
  });

  for (const name of ['../DLTB.shp', '/etc/DLTB.shp', 'C:/temp/DLTB.shp', 'a/../../DLTB.dbf', '..\\DLTB.shx']) {
    it(`zip-slip name ${name}`, () => {
      expectZipError(() => listZipLayers(bytesSource(buildZip([...layerEntries('DLTB'), { name, data: utf8('x') }])), { file: 'x.zip' }), 'ZIP_UNSAFE_PATH', ['x.zip']);
    });
  }

  it('a zip bomb: an entry that inflates past its declared size is stopped there', () => {
    const zeros = new Uint8Array(20 * 2 ** 20); // 20 MiB of zeros deflate to ~20 KiB
    const zip = buildZip([{ name: 'DLTB.shp', data: zeros, declaredSize: 1000 }]);
    expect(zip.length).toBeLessThan(100_000);
    expectZipError(() => readZipShapefile(bytesSource(zip), { file: 'bomb.zip' }), 'ZIP_SIZE_MISMATCH', ['bomb.zip', 'DLTB.shp', '1000']);
  });

  it('declared sizes past the limits are refused before inflating', () => {
    const zip = bytesSource(buildZip(layerEntries('DLTB')));
    expectZipError(() => readZipShapefile(zip, { limits: { maxEntryBytes: 1000 } }), 'ZIP_ENTRY_TOO_LARGE', ['DLTB.shp', '1940', '1000']);
    expectZipError(() => readZipShapefile(zip, { limits: { maxTotalBytes: 5000 } }), 'ZIP_TOTAL_TOO_LARGE');
    expectZipError(() => readZipShapefile(zip, { limits: { maxEntries: 3 } }), 'ZIP_TOO_MANY_ENTRIES', ['5', '3']);
    // A declared size of 3 GiB is refused by the default 2 GiB limit, without allocating anything.
    expectZipError(() => readZipShapefile(bytesSource(buildZip([{ name: 'DLTB.shp', data: part('shp'), declaredSize: 3 * 2 ** 30 }]))), 'ZIP_ENTRY_TOO_LARGE');
  });

  it('a declared size beyond what its compressed bytes can inflate to is refused before allocating it', () => {
    // 1.9 GB declared for a few hundred compressed bytes: DEFLATE cannot expand more than 1032:1.
    const zip = buildZip([{ name: 'DLTB.shp', data: part('shp'), declaredSize: 1_962_934_528 }]);
    // (test/fuzz's allocation guard is what shows nothing of that size is allocated on the way.)
    expectZipError(() => readZipShapefile(bytesSource(zip), { file: 'big.zip' }), 'ZIP_SIZE_MISMATCH', ['big.zip', 'DLTB.shp', '1962934528']);
  });

  it('a damaged entry: wrong CRC, broken deflate stream, short of its declared size', () => {
    expectZipError(() => readZipShapefile(bytesSource(buildZip([{ name: 'DLTB.shp', data: part('shp'), crc: 1234 }]))), 'ZIP_CRC_MISMATCH', ['DLTB.shp']);
    const zip = buildZip([{ name: 'DLTB.shp', data: part('shp') }]);
    zip.fill(0xff, 40, 60); // inside the deflate stream
    expect(() => readZipShapefile(bytesSource(zip))).toThrow(expect.objectContaining({ name: 'InputError' }));
    expectZipError(() => readZipShapefile(bytesSource(buildZip([{ name: 'DLTB.shp', data: part('shp'), declaredSize: part('shp').length + 10 }]))), 'ZIP_SIZE_MISMATCH');
  });

  it('encrypted entries and unsupported methods', () => {
    expectZipError(() => readZipShapefile(bytesSource(buildZip([{ name: 'DLTB.shp', data: part('shp'), flags: 1 }]))), 'ZIP_ENCRYPTED', ['DLTB.shp']);
    expectZipError(() => readZipShapefile(bytesSource(buildZip([{ name: 'DLTB.shp', data: part('shp'), method: 12 }]))), 'ZIP_UNSUPPORTED_METHOD', ['DLTB.shp', '12']);
  });

  it('any corruption gives an InputError, never anything else', () => {
    const good = buildZip(layerEntries('DLTB'));
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let trial = 0; trial < 300; trial++) {
      const zip = random() < 0.3 ? good.slice(0, Math.floor(random() * good.length)) : good.slice();
      for (let k = 0; k < 4; k++) zip[Math.floor(random() * zip.length)] = Math.floor(random() * 256);
      try {
        readZipShapefile(bytesSource(zip));
      } catch (e) {
        expect((e as { name: string }).name, String(e)).toBe('InputError');
      }
    }
  });
});
