/**
 * Voronoi cells of the seeds a tile owns, as rings of vertex ids with their neighbours. The Delaunay triangulation
 * (d3-delaunay) covers the tile plus a margin; a cell's vertices are the circumcentres of the triangles around its
 * seed, and two cells that share an edge share those vertex ids exactly — the parcels merged from cells (rings.ts)
 * therefore meet without gaps or slivers. Each circumcentre is computed from its three seeds in id order, so
 * neighbouring tiles, which triangulate different windows, still compute bit-identical shared vertices.
 */
import { Delaunay } from 'd3-delaunay';
import type { Extent } from './river-network';
import type { Seeds } from './seeds';

export interface Cells {
  /** Number of owned cells. */
  count: number;
  /** Window seed index of each owned cell. */
  seed: Int32Array;
  /** Cell c's ring is ringVertex[ringStart[c] … ringStart[c+1]), counter-clockwise, not closed. */
  ringStart: Int32Array;
  ringVertex: Int32Array;
  /** The window seed across the edge from ring vertex k to k+1 (wrapping). */
  ringNeighbour: Int32Array;
  /** Owned-cell index of each window seed, or −1. */
  cellOfSeed: Int32Array;
  /** Vertex coordinates, local metres, indexed by vertex id (only the vertices of owned cells are set). */
  vx: Float64Array;
  vy: Float64Array;
}

/**
 * Builds the owned cells.
 * @param owns which window seeds belong to the tile (the others only shape the cells at its edge).
 * @returns null when a cell near the window edge might differ from the county-wide tessellation (the window's
 *   margin around the owned seeds is too small): one of its triangles' circumcircles leaves the window.
 */
export function tessellate(seeds: Seeds, window: Extent, owns: (i: number) => boolean): Cells | null {
  const coords = new Float64Array(2 * seeds.count);
  for (let i = 0; i < seeds.count; i++) {
    coords[2 * i] = seeds.xs[i];
    coords[2 * i + 1] = seeds.ys[i];
  }
  const delaunay = new Delaunay(coords);
  const { triangles, halfedges, inedges } = delaunay;
  const vx = new Float64Array(triangles.length / 3);
  const vy = new Float64Array(triangles.length / 3);
  const done = new Uint8Array(triangles.length / 3);
  const cellOfSeed = new Int32Array(seeds.count).fill(-1);
  const cellSeeds: number[] = [];
  const starts = [0];
  const vertices: number[] = [];
  const neighbours: number[] = [];

  for (let i = 0; i < seeds.count; i++) {
    if (!owns(i)) continue;
    const ring: number[] = [];
    const across: number[] = [];
    const e0 = inedges[i];
    let e = e0;
    do {
      const t = Math.floor(e / 3);
      if (!done[t]) {
        if (!circumcentre(seeds, triangles, t, vx, vy, window)) return null;
        done[t] = 1;
      }
      ring.push(t);
      const out = e % 3 === 2 ? e - 2 : e + 1; // the half-edge leaving seed i in this triangle
      const back = out % 3 === 2 ? out - 2 : out + 1;
      across.push(triangles[back]);
      e = halfedges[out];
    } while (e !== e0 && e !== -1);
    if (e === -1 || e0 === -1) return null; // a seed on the window's hull: its cell is open
    // Each edge (ring[k] → ring[k+1]) is dual to the Delaunay edge i → across[k].
    if (signedArea(ring, vx, vy) < 0) {
      ring.reverse();
      // Reversing the vertices shifts which neighbour lies across each edge by one.
      const shifted = across.slice(0, across.length).reverse();
      across.length = 0;
      for (let k = 0; k < shifted.length; k++) across.push(shifted[(k + 1) % shifted.length]);
    }
    cellOfSeed[i] = cellSeeds.length;
    cellSeeds.push(i);
    vertices.push(...ring);
    neighbours.push(...across);
    starts.push(vertices.length);
  }
  const cells = { count: cellSeeds.length, seed: Int32Array.from(cellSeeds), ringStart: Int32Array.from(starts), ringVertex: Int32Array.from(vertices), ringNeighbour: Int32Array.from(neighbours), cellOfSeed, vx, vy };
  return mergeVerticesToMillimetre(cells);
}

/**
 * Rounds the vertices to the millimetre, as the data is delivered, and makes vertices that round to the same point
 * one vertex: two circumcentres less than a millimetre apart (nearly co-circular seeds) would otherwise become a
 * point that outlines pass twice without the topology knowing. A cell edge that shrinks to nothing is dropped with
 * the neighbour across it (those cells now touch at a point).
 */
function mergeVerticesToMillimetre(cells: Cells): Cells {
  const mm = (v: number) => Math.round(v * 1000) / 1000;
  const canonical = new Map<string, number>();
  const idOf = (v: number) => {
    cells.vx[v] = mm(cells.vx[v]);
    cells.vy[v] = mm(cells.vy[v]);
    const key = `${cells.vx[v]},${cells.vy[v]}`;
    const id = canonical.get(key);
    if (id !== undefined) return id;
    canonical.set(key, v);
    return v;
  };
  const remap = new Int32Array(cells.vx.length).fill(-1);
  for (const v of cells.ringVertex) if (remap[v] < 0) remap[v] = idOf(v);
  const starts = [0];
  const vertices: number[] = [];
  const neighbours: number[] = [];
  for (let c = 0; c < cells.count; c++) {
    const from = cells.ringStart[c];
    const to = cells.ringStart[c + 1];
    for (let k = from; k < to; k++) {
      const v = remap[cells.ringVertex[k]];
      const next = remap[cells.ringVertex[k + 1 < to ? k + 1 : from]];
      if (v === next) continue; // edge k → k+1 has no length: keep the next vertex and the edge leaving it
      vertices.push(v);
      neighbours.push(cells.ringNeighbour[k]);
    }
    starts.push(vertices.length);
  }
  return { ...cells, ringStart: Int32Array.from(starts), ringVertex: Int32Array.from(vertices), ringNeighbour: Int32Array.from(neighbours) };
}

/**
 * Sets the circumcentre of triangle t, its corners taken in seed-id order.
 * @returns whether its circle lies inside the window.
 */
function circumcentre(seeds: Seeds, triangles: Uint32Array, t: number, vx: Float64Array, vy: Float64Array, window: Extent): boolean {
  const c = [triangles[3 * t], triangles[3 * t + 1], triangles[3 * t + 2]].sort((p, q) => seeds.ids[p] - seeds.ids[q]);
  const ax = seeds.xs[c[0]];
  const ay = seeds.ys[c[0]];
  const bx = seeds.xs[c[1]] - ax;
  const by = seeds.ys[c[1]] - ay;
  const cx = seeds.xs[c[2]] - ax;
  const cy = seeds.ys[c[2]] - ay;
  const d = 2 * (bx * cy - by * cx);
  const b2 = bx * bx + by * by;
  const c2 = cx * cx + cy * cy;
  const ux = (cy * b2 - by * c2) / d;
  const uy = (bx * c2 - cx * b2) / d;
  const r = Math.hypot(ux, uy);
  vx[t] = ax + ux;
  vy[t] = ay + uy;
  // A triangle is Delaunay county-wide when no seed lies in its circumcircle; every seed near the tile is in the
  // window, so a circle inside the window is proof.
  return vx[t] - r >= window.minX && vx[t] + r <= window.maxX && vy[t] - r >= window.minY && vy[t] + r <= window.maxY;
}

function signedArea(ring: readonly number[], vx: Float64Array, vy: Float64Array): number {
  let sum = 0;
  const x0 = vx[ring[0]];
  const y0 = vy[ring[0]];
  for (let k = 1; k + 1 < ring.length; k++) sum += (vx[ring[k]] - x0) * (vy[ring[k + 1]] - y0) - (vx[ring[k + 1]] - x0) * (vy[ring[k]] - y0);
  return sum / 2;
}
