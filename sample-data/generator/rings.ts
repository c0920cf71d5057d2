/**
 * The outline of a set of cells, found topologically: every cell edge shared by two cells of the set cancels, and
 * the edges left over chain into rings. Because neighbouring cells share vertex ids (tessellation.ts), this is
 * exact — no floating-point union, no slivers — and it gives holes (a pond inside a paddy block) and several
 * parts (two fields either side of a road) for free.
 *
 *   counter-clockwise cells → outer rings counter-clockwise, holes clockwise
 *
 * Where the outline touches itself at a vertex, the chain turns as far left as it can and is then cut into simple
 * loops, so every ring is simple and rings meet at most at points (valid simple-feature polygons).
 */
import type { Cells } from './tessellation';

/** A polygon as vertex ids: the outer ring, then its holes; rings are not closed. */
export type IdPolygon = number[][];

const KEY = 2 ** 26;

/**
 * The polygons covering `cells` (owned-cell indices), largest first.
 * @throws Error when the cells' edges do not chain into rings (a broken tessellation — a bug, not bad input).
 */
export function outlineOf(cells: Cells, members: readonly number[]): IdPolygon[] {
  const edges = new Map<number, number>();
  const order: number[] = [];
  for (const c of members) {
    const from = cells.ringStart[c];
    const to = cells.ringStart[c + 1];
    for (let k = from; k < to; k++) {
      const a = cells.ringVertex[k];
      const b = cells.ringVertex[k + 1 < to ? k + 1 : from];
      const twin = b * KEY + a;
      if (edges.has(twin)) edges.delete(twin);
      else {
        edges.set(a * KEY + b, b);
        order.push(a * KEY + b);
      }
    }
  }
  const outgoing = new Map<number, number[]>();
  for (const [key, b] of edges) {
    const a = Math.floor(key / KEY);
    const list = outgoing.get(a);
    if (list) list.push(b);
    else outgoing.set(a, [b]);
  }
  const rings: number[][] = [];
  for (const start of order) {
    if (!edges.has(start)) continue;
    const ring: number[] = [];
    let a = Math.floor(start / KEY);
    let b = edges.get(start)!;
    edges.delete(start);
    removeOutgoing(outgoing, a, b);
    const first = a;
    for (let guard = 0; ; guard++) {
      if (guard > 1e7) throw new Error('cell outline does not close');
      ring.push(a);
      if (b === first) break;
      const next = leftmost(cells, a, b, outgoing.get(b));
      if (next === undefined) throw new Error(`cell outline is open at vertex ${b}`);
      edges.delete(b * KEY + next);
      removeOutgoing(outgoing, b, next);
      a = b;
      b = next;
    }
    rings.push(...simpleLoops(ring));
  }
  return assemble(cells, rings);
}

/**
 * Splits a closed walk that passes a vertex twice into simple loops. Turning left keeps apart parts that touch at a
 * corner, but the walk around a region whose hole touches its outline at a vertex goes round both, outline and
 * hole, in one: cut there, the outline loop stays counter-clockwise and the hole loop comes out clockwise.
 */
function simpleLoops(walk: readonly number[]): number[][] {
  const loops: number[][] = [];
  const path: number[] = [];
  const at = new Map<number, number>();
  for (const v of walk) {
    const seen = at.get(v);
    if (seen !== undefined) {
      const loop = path.splice(seen + 1);
      for (const u of loop) at.delete(u);
      loops.push([v, ...loop]);
    } else {
      at.set(v, path.length);
      path.push(v);
    }
  }
  loops.push(path);
  return loops.filter((l) => l.length >= 3);
}

/** Of the edges leaving `b`, the one turning furthest left after arriving from `a`. */
function leftmost(cells: Cells, a: number, b: number, candidates: number[] | undefined): number | undefined {
  if (!candidates || candidates.length === 0) return undefined;
  if (candidates.length === 1) return candidates[0];
  const inAngle = Math.atan2(cells.vy[b] - cells.vy[a], cells.vx[b] - cells.vx[a]);
  let best = candidates[0];
  let bestTurn = -Infinity;
  for (const c of candidates) {
    let turn = Math.atan2(cells.vy[c] - cells.vy[b], cells.vx[c] - cells.vx[b]) - inAngle;
    while (turn <= -Math.PI) turn += 2 * Math.PI;
    while (turn > Math.PI) turn -= 2 * Math.PI;
    if (turn > bestTurn) {
      bestTurn = turn;
      best = c;
    }
  }
  return best;
}

function removeOutgoing(outgoing: Map<number, number[]>, a: number, b: number) {
  const list = outgoing.get(a)!;
  list.splice(list.indexOf(b), 1);
}

/** Groups rings into polygons: each clockwise ring (a hole) goes to the smallest outer ring containing it. */
function assemble(cells: Cells, rings: number[][]): IdPolygon[] {
  const outers: { ring: number[]; area: number }[] = [];
  const holes: number[][] = [];
  for (const ring of rings) {
    const area = ringArea(cells, ring);
    if (area > 0) outers.push({ ring, area });
    else holes.push(ring);
  }
  outers.sort((p, q) => q.area - p.area);
  const polygons: IdPolygon[] = outers.map((o) => [o.ring]);
  for (const hole of holes) {
    // The midpoint of a hole's edge is strictly inside its outer ring: no edge is shared between rings.
    const px = (cells.vx[hole[0]] + cells.vx[hole[1]]) / 2;
    const py = (cells.vy[hole[0]] + cells.vy[hole[1]]) / 2;
    let owner = -1;
    for (let k = outers.length - 1; k >= 0; k--) {
      if (contains(cells, outers[k].ring, px, py)) {
        owner = k;
        break;
      }
    }
    if (owner < 0) throw new Error('a hole lies outside every outer ring');
    polygons[owner].push(hole);
  }
  return polygons;
}

/** Signed area (counter-clockwise positive) of a ring of vertex ids, m². */
export function ringArea(cells: Cells, ring: readonly number[]): number {
  const x0 = cells.vx[ring[0]];
  const y0 = cells.vy[ring[0]];
  let sum = 0;
  for (let k = 1; k + 1 < ring.length; k++) {
    sum += (cells.vx[ring[k]] - x0) * (cells.vy[ring[k + 1]] - y0) - (cells.vx[ring[k + 1]] - x0) * (cells.vy[ring[k]] - y0);
  }
  return sum / 2;
}

function contains(cells: Cells, ring: readonly number[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = cells.vx[ring[i]];
    const yi = cells.vy[ring[i]];
    const xj = cells.vx[ring[j]];
    const yj = cells.vy[ring[j]];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
