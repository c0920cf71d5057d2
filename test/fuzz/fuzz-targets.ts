/**
 * What the fuzzer feeds and how each reader is driven to the end: every parser VEP Studio reads user files with,
 * opened and then read through (every feature, every window the test asks for), as the app and `vep` would.
 * Seeds are the committed valid fixtures of core/fixtures/ (and zips built from them).
 *
 * Loaded inside the fuzz worker after the allocation guard (fuzz-worker.ts), never by the test process.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import {
  bytesSource, crsFromWkt, decodeGpkgGeometry, gpkgGeometryExtent, isGpkgGeometryEmpty, listZipLayers, openCoordinatesTxt,
  openDbfTable, openGeoJson, openGeoTiff, openKml, openShapefile, readZipShapefile, type Feature, type Geometry, type VectorSource,
} from '#core';
import type { IntField } from './mutate';
import { dbfFields, gpkgFields, shpFields, shxFields, tiffFields, zipFields } from './seed-fields';

/** One valid input: its files by role (e.g. shp, shx, dbf) and the header integers of each. */
export interface FuzzSeed {
  name: string;
  files: Record<string, Uint8Array>;
  fields: Record<string, IntField[]>;
}

export interface FuzzTarget {
  /** Tokens of the format for the text mutations. */
  dictionary: string[];
  seeds(): FuzzSeed[];
  /** Reads the input through; throws what the reader throws. */
  parse(files: Record<string, Uint8Array>, name: string): Promise<void>;
}

const FIXTURES = new URL('../../core/fixtures/', import.meta.url);
const read = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(path, FIXTURES)));
const list = (dir: string, ext: string): string[] => readdirSync(new URL(dir, FIXTURES)).filter((f) => f.endsWith(ext)).sort();
const text = (b: Uint8Array | undefined): string | null => (b ? new TextDecoder().decode(b) : null);
const NUMBER_TOKENS = ['NaN', 'Infinity', '-1e309', '1e309', '-0', '0x10', '1e-400', '99999999999999999999999', '1.2.3', 'abc', ''];

/** Reads every feature and checks the one promise readers make about coordinates: finite eastings and northings. */
function drain(source: VectorSource): void {
  for (const feature of source.features()) checkFinite(feature);
}

function checkFinite(feature: Feature): void {
  if (!feature.geometry) return;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      if (!Number.isFinite(c[0]) || !Number.isFinite(c[1])) throw new Error(`reader yielded a non-finite coordinate [${c[0]}, ${c[1]}] in feature ${feature.id}`);
    } else if (Array.isArray(c)) for (const x of c) visit(x);
  };
  visit((feature.geometry as Geometry).coordinates);
}

const SHAPEFILES = ['dltb-gbk', 'points', 'lines', 'multipoints', 'polygonz', 'linem', 'pointzm', 'orientation', 'enc-big5', 'empty'];

function shapefileSeeds(): FuzzSeed[] {
  return SHAPEFILES.map((name) => {
    const files: Record<string, Uint8Array> = {};
    for (const ext of ['shp', 'shx', 'dbf', 'cpg']) {
      try {
        files[ext] = read(`shapefile/in/${name}.${ext}`);
      } catch {
        // not every fixture has every part
      }
    }
    return { name, files, fields: { shp: shpFields(files.shp), shx: files.shx ? shxFields(files.shx) : [], dbf: files.dbf ? dbfFields(files.dbf) : [] } };
  });
}

function zipSeeds(): FuzzSeed[] {
  return shapefileSeeds().slice(0, 4).map((s, i) => {
    const entries: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
    for (const [ext, bytes] of Object.entries(s.files)) entries[`${i === 1 ? 'data/' : ''}${s.name}.${ext}`] = [bytes, { level: i === 2 ? 0 : 6 }];
    const zip = zipSync(entries, { mtime: new Date(2024, 0, 1) });
    return { name: `${s.name}.zip`, files: { zip }, fields: { zip: zipFields(zip) } };
  });
}

const simple = (name: string, bytes: Uint8Array, role: string, fields: IntField[] = []): FuzzSeed => ({ name, files: { [role]: bytes }, fields: { [role]: fields } });

export const TARGETS: Record<string, FuzzTarget> = {
  shapefile: {
    dictionary: [],
    seeds: shapefileSeeds,
    async parse(f, name) {
      const layer = openShapefile({ shp: bytesSource(f.shp), shx: f.shx ? bytesSource(f.shx) : null, dbf: f.dbf ? bytesSource(f.dbf) : null, cpg: text(f.cpg), name });
      drain(layer);
      for (const record of layer.records()) void record;
    },
  },
  dbf: {
    dictionary: ['\r', ' ', '*', '-', '.', ...NUMBER_TOKENS],
    seeds: () => [
      ...list('dbf/in/', '.dbf').map((f) => read(`dbf/in/${f}`)),
      ...['dltb-gbk', 'enc-ldid-0-gbk', 'enc-cpg-utf8-gbk', 'enc-gb18030'].map((n) => read(`shapefile/in/${n}.dbf`)),
    ].map((b, i) => simple(`dbf-${i}`, b, 'dbf', dbfFields(b))),
    async parse(f, name) {
      drain(openDbfTable(bytesSource(f.dbf), { file: `${name}.dbf` }));
    },
  },
  zip: {
    dictionary: ['../', '/', '..\\', 'C:\\', '__MACOSX/', '.shp', '.SHP', 'PK\x05\x06', 'PK\x01\x02', 'PK\x03\x04'],
    seeds: zipSeeds,
    async parse(f, name) {
      const layers = listZipLayers(bytesSource(f.zip), { file: name });
      for (const layer of layers.slice(0, 2)) {
        const files = readZipShapefile(bytesSource(f.zip), { file: name, layer: layer.name });
        drain(openShapefile({ shp: bytesSource(files.shp), shx: files.shx ? bytesSource(files.shx) : null, dbf: files.dbf ? bytesSource(files.dbf) : null, cpg: files.cpg, name: files.name }));
      }
    },
  },
  wkt: {
    dictionary: ['[', ']', '(', ')', ',', '"', 'PROJCS[', 'GEOGCS[', 'PARAMETER["', 'UNIT["metre",', 'AUTHORITY["EPSG","', 'TOWGS84[', 'SPHEROID[', 'ID["EPSG",', 'CONVERSION[', '[[[[[[[[', ...NUMBER_TOKENS],
    seeds: () => [...list('prj/in/', ''), 'shapefile/in/dltb-gbk.prj'].map((f) => simple(f, f.includes('/') ? read(f) : read(`prj/in/${f}`), 'wkt')),
    async parse(f) {
      crsFromWkt(new TextDecoder().decode(f.wkt));
    },
  },
  geotiff: {
    dictionary: [],
    seeds: () => [...list('geotiff/in/', '.tif').map((f) => `geotiff/in/${f}`), 'geotiff/nodata/nodata-00.tif'].map((p) => {
      const b = read(p);
      return simple(p.split('/').pop() as string, b, 'tif', tiffFields(b));
    }),
    async parse(f, name) {
      // The reader's own limits, set small: a 4 KB file has no business asking for more.
      const tiff = await openGeoTiff(bytesSource(f.tif), { name, cacheBytes: 4 << 20, maxWindowBytes: 16 << 20 });
      const { width, height, bands } = tiff.info;
      for (let band = 1; band <= Math.min(bands, 2); band++) {
        tiff.readWindow(band, { x: 0, y: 0, width: Math.min(width, 64), height: Math.min(height, 64) });
        const x = Math.max(0, width - 16);
        const y = Math.max(0, height - 16);
        tiff.readWindow(band, { x, y, width: width - x, height: height - y });
      }
    },
  },
  'coordinates-txt': {
    dictionary: ['\n', '\r\n', ',', '，', '@', '【', '】', 'J1,1,', '[地块坐标]', '[属性描述]', '带号=', '坐标系=', '面', '线', '点', ...NUMBER_TOKENS],
    seeds: () => list('coordinates-txt/in/', '.txt').map((f) => simple(f, read(`coordinates-txt/in/${f}`), 'txt')),
    async parse(f, name) {
      drain(openCoordinatesTxt(f.txt, { file: name }));
    },
  },
  geojson: {
    dictionary: ['{', '}', '[', ']', ',', ':', '"', 'null', '"coordinates":', '"type":"Polygon"', '"features":', '"crs":', '[[[[[[[[[[', '"properties":{}', ...NUMBER_TOKENS],
    seeds: () => list('geojson/in/', '.geojson').map((f) => simple(f, read(`geojson/in/${f}`), 'json')),
    async parse(f, name) {
      drain(openGeoJson(f.json, { file: name }));
    },
  },
  kml: {
    dictionary: ['<', '>', '</', '/>', '&', '&amp;', '&#x0;', '&#99999999;', '<![CDATA[', ']]>', '<!--', '<!DOCTYPE x [<!ENTITY a "aaaa">]>', '&a;', '<coordinates>', '</coordinates>', '<Polygon>', '<kml:', ' ', ',', ...NUMBER_TOKENS],
    seeds: () => list('kml/in/', '.kml').map((f) => simple(f, read(`kml/in/${f}`), 'kml')),
    async parse(f, name) {
      drain(openKml(f.kml, { file: name }));
    },
  },
  'gpkg-geometry': {
    dictionary: [],
    seeds: () => {
      const cases = JSON.parse(new TextDecoder().decode(read('gpkg-geometry/gdal-blobs.json'))).cases as { name: string; hex: string }[];
      return cases.map((c) => {
        const b = Uint8Array.from(c.hex.match(/../g) ?? [], (h) => parseInt(h, 16));
        return simple(c.name, b, 'blob', gpkgFields(b));
      });
    },
    async parse(f) {
      const decoded = decodeGpkgGeometry(f.blob);
      gpkgGeometryExtent(f.blob);
      isGpkgGeometryEmpty(f.blob);
      void decoded;
    },
  },
};
