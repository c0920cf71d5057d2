/**
 * Cells → parcels (图斑). Neighbouring cells of the same class and village grow into one parcel up to a size
 * typical of the class (small paddy fields, large bamboo stands, long road segments). Before that, a few parcels
 * are made on purpose to have holes — the ring of paddy around a pond, the forest around a hamlet — and after it a
 * few pairs of small fields either side of a road become one two-part record, as multipart parcels occur in
 * real deliveries.
 */
import type { Cells } from './tessellation';
import { hash32, Rng } from './prng';

/** What parcel growth needs to know about each owned cell. */
export interface CellInfo {
  dlbm: string[];
  /** Village code of each cell. */
  village: string[];
  /** Planar area of each cell, m². */
  areaM2: Float64Array;
  /** Whether a cell is the centre of a strip (road, ditch, river). */
  strip: Uint8Array;
}

export interface Parcel {
  dlbm: string;
  village: string;
  /** Owned-cell indices. */
  cells: number[];
}

/** Target parcel area by class, m² [min, max]; strips are limited by length instead. */
const TARGET_M2: Record<string, [number, number]> = {
  '0101': [800, 4500], '0103': [700, 3500], '0202': [2000, 10000], '0201': [1500, 6000], '0202K': [1500, 5000],
  '0201K': [1500, 5000], '0301K': [1500, 5000], '0302K': [1500, 5000], '0302': [5000, 30000], '0301': [6000, 40000],
  '0305': [5000, 20000], '0307': [4000, 15000], '0404': [3000, 15000], '1207': [2000, 8000], '0702': [4000, 25000], '1103': [1e9, 1e9],
  '1101': [6000, 30000], '1104A': [2000, 6000], '0602': [6000, 20000],
};
const DEFAULT_TARGET: [number, number] = [800, 4000];
/** Strip length per parcel, m: roads and ditches are cut into segments of a few hundred metres. */
const STRIP_LENGTH_M: [number, number] = [250, 700];

const FORESTS = new Set(['0301', '0302', '0305', '0307']);

/**
 * Groups cells into parcels.
 * @param stripWidth width of the strip a centre cell belongs to, m (to turn a segment length into an area).
 */
export function growParcels(cells: Cells, info: CellInfo, stripWidth: (c: number) => number, seed: number): Parcel[] {
  const rng = new Rng(hash32(seed, 41));
  const parcelOf = new Int32Array(cells.count).fill(-1);
  const parcels: Parcel[] = [];
  const neighbours = (c: number) => {
    const out: number[] = [];
    for (let k = cells.ringStart[c]; k < cells.ringStart[c + 1]; k++) {
      const n = cells.cellOfSeed[cells.ringNeighbour[k]];
      if (n >= 0) out.push(n);
    }
    return out;
  };
  const same = (a: number, b: number) => info.dlbm[a] === info.dlbm[b] && info.village[a] === info.village[b];
  const grow = (start: number, target: number) => {
    const id = parcelOf[start] >= 0 ? parcelOf[start] : parcels.push({ dlbm: info.dlbm[start], village: info.village[start], cells: [start] }) - 1;
    parcelOf[start] = id;
    const p = parcels[id];
    let area = p.cells.reduce((s, c) => s + info.areaM2[c], 0);
    for (let q = 0; q < p.cells.length && area < target; q++) {
      for (const n of neighbours(p.cells[q])) {
        if (parcelOf[n] >= 0 || !same(p.cells[q], n) || area + info.areaM2[n] > target) continue;
        parcelOf[n] = id;
        p.cells.push(n);
        area += info.areaM2[n];
      }
    }
  };
  const targetOf = (c: number) => {
    if (info.strip[c]) return rng.range(...STRIP_LENGTH_M) * stripWidth(c);
    const [lo, hi] = TARGET_M2[info.dlbm[c]] ?? DEFAULT_TARGET;
    return rng.range(lo, hi);
  };

  // Parcels with holes: a ring of one class around a different core, claimed as one parcel before growth.
  for (let c = 0; c < cells.count; c++) {
    const isPond = info.dlbm[c] === '1104';
    const isHamletCore = info.dlbm[c] === '0702' && !info.strip[c];
    if (!isPond && !isHamletCore) continue;
    const core = isPond ? [c] : component(c, neighbours, (n) => info.dlbm[n] === '0702' && !info.strip[n], 12);
    if (!core || core.some((k) => parcelOf[k] >= 0)) continue;
    const inCore = new Set(core);
    const ring = [...new Set(core.flatMap(neighbours))].filter((n) => !inCore.has(n));
    const ringClass = isPond ? '0101' : info.dlbm[ring[0]];
    const ok = ring.length >= 3 && ring.every((n) => parcelOf[n] < 0 && info.village[n] === info.village[c] && !info.strip[n] && (isPond ? info.dlbm[n] === '0101' : FORESTS.has(info.dlbm[n])));
    if (!ok || !allNeighboursOwned(cells, core)) continue;
    for (const n of ring) info.dlbm[n] = ringClass;
    const id = parcels.push({ dlbm: ringClass, village: info.village[c], cells: ring }) - 1;
    for (const n of ring) parcelOf[n] = id;
    grow(ring[0], targetOf(ring[0]) * 1.5);
    const coreId = parcels.push({ dlbm: info.dlbm[c], village: info.village[c], cells: core }) - 1;
    for (const k of core) parcelOf[k] = coreId;
  }

  // Ordinary growth, from cells taken in a shuffled order so parcels do not all start in one corner.
  const order = Array.from({ length: cells.count }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (const c of order) if (parcelOf[c] < 0) grow(c, targetOf(c));

  return pairAcrossStrips(cells, info, parcels, parcelOf, neighbours, seed);
}

/**
 * Joins a few pairs of small fields of the same class and village that face each other across a road or ditch
 * into two-part parcels (about one record in a hundred).
 */
function pairAcrossStrips(cells: Cells, info: CellInfo, parcels: Parcel[], parcelOf: Int32Array, neighbours: (c: number) => number[], seed: number): Parcel[] {
  const joined = new Int32Array(parcels.length).fill(-1);
  const area = parcels.map((p) => p.cells.reduce((s, c) => s + info.areaM2[c], 0));
  const target = Math.max(1, Math.round(parcels.length / 100));
  let made = 0;
  for (let c = 0; c < cells.count && made < target; c++) {
    if (!info.strip[c] || (info.dlbm[c] !== '1006' && info.dlbm[c] !== '1107')) continue;
    const sides = [...new Set(neighbours(c).filter((n) => !info.strip[n]).map((n) => parcelOf[n]))];
    for (let a = 0; a < sides.length; a++) {
      for (let b = a + 1; b < sides.length; b++) {
        const p = sides[a];
        const q = sides[b];
        if (joined[p] >= 0 || joined[q] >= 0 || parcels[p].dlbm !== parcels[q].dlbm || parcels[p].village !== parcels[q].village) continue;
        if (!['0101', '0103', '0202'].includes(parcels[p].dlbm) || area[p] > 6000 || area[q] > 6000) continue;
        if (touches(parcels[p].cells, parcelOf, q, neighbours)) continue;
        if ((hash32(seed, p, q) & 3) !== 0) continue;
        joined[q] = p;
        joined[p] = p;
        parcels[p].cells.push(...parcels[q].cells);
        made++;
      }
    }
  }
  return parcels.filter((_, i) => joined[i] < 0 || joined[i] === i);
}

function touches(cellsOfP: readonly number[], parcelOf: Int32Array, q: number, neighbours: (c: number) => number[]): boolean {
  return cellsOfP.some((c) => neighbours(c).some((n) => parcelOf[n] === q));
}

/** The connected cells matching `accept` around `start`, or null when there are more than `max`. */
function component(start: number, neighbours: (c: number) => number[], accept: (c: number) => boolean, max: number): number[] | null {
  const seen = new Set([start]);
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    for (const n of neighbours(queue[q])) {
      if (seen.has(n) || !accept(n)) continue;
      seen.add(n);
      queue.push(n);
      if (queue.length > max) return null;
    }
  }
  return queue;
}

/** Whether every cell of `core` is bordered only by owned cells (a core at the tile edge cannot be enclosed). */
function allNeighboursOwned(cells: Cells, core: readonly number[]): boolean {
  return core.every((c) => {
    for (let k = cells.ringStart[c]; k < cells.ringStart[c + 1]; k++) if (cells.cellOfSeed[cells.ringNeighbour[k]] < 0) return false;
    return true;
  });
}
