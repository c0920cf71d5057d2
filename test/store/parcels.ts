/**
 * Synthetic 三调-like parcels for store, import and tile tests and the import benchmark: a jittered grid of DLTB
 * polygons in CGCS2000 / 3-degree GK zone 40 (EPSG:4528) that share their boundaries like real parcels, with
 * multipart parcels, holes and the usual DLTB fields. Deterministic for a seed.
 */
import type { CrsInfo, Feature, FieldDef, Position } from '#core';
import { mulberry32 } from '../prng';

export const GK40: CrsInfo = {
  epsg: 4528,
  name: 'CGCS2000 / 3-degree Gauss-Kruger zone 40',
  proj4: '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
  kind: 'projected',
  ellipsoid: 'CGCS2000',
  transverseMercator: { centralMeridian: 120, latitudeOfOrigin: 0, scale: 1, falseEasting: 40500000, falseNorthing: 0, zone: { number: 40, width: 3, prefixed: true } },
};

export const DLTB_FIELDS: FieldDef[] = [
  { name: 'BSM', type: 'string', width: 18 },
  { name: 'TBBH', type: 'string', width: 8 },
  { name: 'DLBM', type: 'string', width: 5 },
  { name: 'DLMC', type: 'string', width: 60 },
  { name: 'TBMJ', type: 'number', width: 18, decimals: 2 },
  { name: 'SJNF', type: 'integer', width: 4 },
  { name: 'GXSJ', type: 'date', width: 8 },
  { name: 'SFJBNT', type: 'boolean', width: 1 },
];

const CLASSES: [string, string][] = [
  ['0101', '水田'], ['0103', '旱地'], ['0201', '果园'], ['0301', '乔木林地'], ['0305', '灌木林地'],
  ['0404', '其他草地'], ['0702', '农村宅基地'], ['1003', '公路用地'], ['1101', '河流水面'], ['1104', '坑塘水面'],
];

export interface ParcelOptions {
  count: number;
  seed?: number;
  /** South-west corner, metres in EPSG:4528 (default near 120.0°E, 30.6°N). */
  origin?: [number, number];
  /** Grid spacing, metres (default 90). */
  cellM?: number;
  /** Extra vertices per parcel edge (default 4), to make realistic vertex counts. */
  edgeVertices?: number;
}

/** A stable pseudo-random number in [0, 1) for integer coordinates (so neighbours jitter a shared vertex alike). */
function hashUnit(a: number, b: number, c: number): number {
  let h = Math.imul(a, 374761393) ^ Math.imul(b, 668265263) ^ Math.imul(c, 2246822519);
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/** The number of grid columns for `count` parcels. */
export function gridColumns(count: number): number {
  return Math.ceil(Math.sqrt(count));
}

/** Yields `count` parcels, row by row from the south-west. */
export function* makeParcels(options: ParcelOptions): Generator<Feature> {
  const { count, seed = 1, origin = [40500000, 3385000], cellM = 90, edgeVertices = 4 } = options;
  const random = mulberry32(seed).next;
  const cols = gridColumns(count);
  const jitter = cellM * 0.2;
  // A grid node, jittered the same way for every parcel that uses it; k > 0 are the edge vertices between nodes.
  const node = (i: number, j: number, k = 0, horizontal = true): Position => {
    const x = origin[0] + i * cellM + (hashUnit(i, j, k * 2 + (horizontal ? 0 : 1)) - 0.5) * jitter;
    const y = origin[1] + j * cellM + (hashUnit(j, i, k * 2 + 7 + (horizontal ? 0 : 1)) - 0.5) * jitter;
    return [round3(x), round3(y)];
  };
  const edge = (i0: number, j0: number, i1: number, j1: number): Position[] => {
    const pts: Position[] = [node(i0, j0)];
    const horizontal = j0 === j1;
    const [ia, ja] = [Math.min(i0, i1), Math.min(j0, j1)];
    const inner: Position[] = [];
    for (let k = 1; k <= edgeVertices; k++) {
      const f = k / (edgeVertices + 1);
      const base = horizontal ? [origin[0] + (ia + f) * cellM, origin[1] + ja * cellM] : [origin[0] + ia * cellM, origin[1] + (ja + f) * cellM];
      const wobble = (hashUnit(ia * 31 + k, ja, horizontal ? 3 : 5) - 0.5) * jitter * 0.5;
      inner.push(horizontal ? [round3(base[0]), round3(base[1] + wobble)] : [round3(base[0] + wobble), round3(base[1])]);
    }
    const reversed = horizontal ? i1 < i0 : j1 < j0;
    pts.push(...(reversed ? inner.reverse() : inner));
    return pts;
  };
  for (let n = 0; n < count; n++) {
    const i = n % cols;
    const j = Math.floor(n / cols);
    // Counter-clockwise exterior (as GeoJSON prefers); shapefile readers hand rings over as they are stored.
    const ring = [...edge(i, j, i + 1, j), ...edge(i + 1, j, i + 1, j + 1), ...edge(i + 1, j + 1, i, j + 1), ...edge(i, j + 1, i, j)];
    ring.push(ring[0]);
    const [code, name] = CLASSES[Math.floor(random() * CLASSES.length)];
    let geometry: Feature['geometry'];
    if (n % 13 === 5) {
      const [cx, cy] = [origin[0] + (i + 0.5) * cellM, origin[1] + (j + 0.5) * cellM];
      const r = cellM * 0.15;
      const hole = [[cx - r, cy - r], [cx - r, cy + r], [cx + r, cy + r], [cx + r, cy - r], [cx - r, cy - r]].map((p) => p.map(round3));
      geometry = { type: 'Polygon', coordinates: [ring, hole] };
    } else if (n % 17 === 3) {
      // A parcel with a 50 m hole and, inside the hole, a 10 m islet: a valid two-part multipolygon.
      const [x0, y0] = [origin[0] + i * cellM + 20, origin[1] + j * cellM + 20];
      const square = (x: number, y: number, s: number): Position[] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]].map((p) => p.map(round3));
      geometry = { type: 'MultiPolygon', coordinates: [[ring, square(x0, y0, 50).reverse()], [square(x0 + 20, y0 + 20, 10)]] };
    } else {
      geometry = { type: 'Polygon', coordinates: [ring] };
    }
    yield {
      type: 'Feature',
      id: n,
      geometry,
      properties: {
        BSM: `330523${String(n + 1).padStart(12, '0')}`,
        TBBH: String((n % 9999) + 1),
        DLBM: code,
        DLMC: name,
        TBMJ: Math.round((cellM * cellM - (n % 7)) * 100) / 100,
        SJNF: 2019 + (n % 4),
        GXSJ: `2020-0${(n % 9) + 1}-1${n % 10}`,
        SFJBNT: n % 3 === 0,
      },
    };
  }
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
