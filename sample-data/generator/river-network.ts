/**
 * The valley system: a dendritic river network drawn as meandering random walks. Trunk rivers cross the county
 * towards the east-north-east (as the Xitiaoxi drains Anji), tributaries branch off every kilometre or so and climb
 * away from them, and short minor streams branch off the tributaries. Each river carries its valley-floor
 * elevation and valley half-width along its length; the terrain is built around them (terrain.ts).
 */
import { LineIndex } from './line-index';
import { fractalNoise } from './noise';
import { lengthOf, pointAt, polyline, valueAt, type Polyline } from './polyline';
import type { Rng } from './prng';

export interface River {
  id: number;
  /** 1 trunk, 2 tributary, 3 minor stream. */
  order: 1 | 2 | 3;
  parent: number | null;
  line: Polyline;
  /** Valley-floor elevation at each vertex, m. */
  floorZ: Float64Array;
  /** Half-width of the flat valley floor at each vertex, m. */
  halfWidth: Float64Array;
  /** Width of the water surface drawn as a 1101 strip, m, or 0 for a stream too small to map. */
  waterWidthM: number;
  /** Arc length up to which the water strip is drawn (streams dry out towards their source). */
  waterToS: number;
}

export interface Extent {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

const STEP_M = 30;
const TRUNK_SPACING_M = 7000;

/**
 * Draws the rivers of an extent.
 * @param extent the area the rivers must cover (the study area plus a margin), local metres.
 */
export function generateRivers(rng: Rng, extent: Extent, noiseSeed: number): River[] {
  const index = new LineIndex(200);
  const rivers: River[] = [];
  const width = extent.maxX - extent.minX;
  const height = extent.maxY - extent.minY;
  const heading = rng.range(0.2, 0.4);
  const trunks = Math.max(1, Math.round(height / TRUNK_SPACING_M));
  for (let k = 0; k < trunks; k++) {
    const y0 = extent.minY + ((k + 0.5) * height) / trunks - Math.tan(heading) * width * 0.5 + rng.range(-0.1, 0.1) * (height / trunks);
    const line = walk(rng, extent.minX, y0, heading, heading, 0.05, Infinity, extent, index, null, 0);
    const len = lengthOf(line);
    // Floors fall 1.5 m per km towards the outlet, which sits at ~20 m like the plain north of Anji.
    const floorZ = perVertex(line, (s) => 20 + 0.0015 * (len - s));
    const halfWidth = perVertex(line, (s) => {
      const p = pointAt(line, s);
      return 230 + 110 * fractalNoise(noiseSeed + 11, p.x, p.y, 2500, 2);
    });
    addRiver(rivers, index, { order: 1, parent: null, line, floorZ, halfWidth, waterWidthM: Math.round(rng.range(26, 36)), waterToS: len });
  }
  // Branches are drawn breadth-first so tributaries claim the space before minor streams fill what is left.
  for (const order of [2, 3] as const) {
    const parents = rivers.filter((r) => r.order === order - 1);
    for (const parent of parents) branchesOf(rng, parent, order, extent, index, rivers, noiseSeed);
  }
  return rivers;
}

function branchesOf(rng: Rng, parent: River, order: 2 | 3, extent: Extent, index: LineIndex, rivers: River[], noiseSeed: number) {
  const len = lengthOf(parent.line);
  let side = rng.next() < 0.5 ? 1 : -1;
  const spacing: [number, number] = order === 2 ? [800, 1500] : [350, 700];
  for (let s = rng.range(200, spacing[1]); s < len - 150; s += rng.range(spacing[0], spacing[1])) {
    if (rng.next() < 0.7) side = -side;
    const p = pointAt(parent.line, s);
    const parentHeading = Math.atan2(p.dy, p.dx);
    // Walking upstream, a tributary leaves backwards and sideways: it joins its parent at an acute angle.
    const start = parentHeading + side * rng.range(1.9, 2.4);
    const target = order === 2 ? rng.range(1500, 4500) : rng.range(400, 1400);
    const minSep = order === 2 ? 320 : 170;
    const line = walk(rng, p.x, p.y, start, start - side * 0.25, 0.16, target, extent, index, parent.id, minSep);
    const l = lengthOf(line);
    if (l < (order === 2 ? 500 : 250)) continue;
    const zJunction = valueAt(parent.line, parent.floorZ, s);
    const gradient = order === 2 ? rng.range(0.022, 0.045) : rng.range(0.06, 0.1);
    const floorZ = perVertex(line, (t) => zJunction + gradient * t);
    const baseWidth = order === 2 ? rng.range(70, 120) : rng.range(18, 30);
    const parentHalfWidth = valueAt(parent.line, parent.halfWidth, s);
    const halfWidth = perVertex(line, (t) => {
      const q = pointAt(line, t);
      const w = baseWidth * (1 - 0.6 * (t / l)) * (1 + 0.3 * fractalNoise(noiseSeed + 13, q.x, q.y, 800, 2));
      // Blend into the parent's floor near the junction so valleys open into each other.
      const blend = Math.max(0, 1 - t / (parentHalfWidth + 150));
      return w * (1 - blend) + parentHalfWidth * 0.6 * blend;
    });
    const waterWidthM = order === 2 ? Math.round(rng.range(6, 10)) : 0;
    addRiver(rivers, index, { order, parent: parent.id, line, floorZ, halfWidth, waterWidthM, waterToS: l * 0.75 });
  }
}

function addRiver(rivers: River[], index: LineIndex, river: Omit<River, 'id'>) {
  const id = index.add(river.line);
  rivers.push({ id, ...river });
}

/**
 * A meandering walk from (x, y): the heading wanders with `wander` rad per step and is pulled back towards
 * `meanHeading`; it stops after `maxLength` metres, on leaving the extent, or on coming within `minSep` of a river
 * other than `parent` (the parent is ignored for the first few hundred metres so the walk can leave it).
 */
function walk(
  rng: Rng, x: number, y: number, heading: number, meanHeading: number, wander: number, maxLength: number,
  extent: Extent, index: LineIndex, parent: number | null, minSep: number,
): Polyline {
  const flat = [x, y];
  let h = heading;
  let travelled = 0;
  while (travelled < maxLength) {
    h += wander * rng.normal() + 0.12 * (meanHeading - h);
    const nx = x + STEP_M * Math.cos(h);
    const ny = y + STEP_M * Math.sin(h);
    if (nx < extent.minX || nx > extent.maxX || ny < extent.minY || ny > extent.maxY) {
      if (parent === null) flat.push(nx, ny);
      break;
    }
    if (minSep > 0) {
      const skipParent = travelled < minSep * 1.5;
      const hit = index.nearest(nx, ny, minSep, (id) => skipParent && id === parent);
      if (hit) break;
    }
    x = nx;
    y = ny;
    travelled += STEP_M;
    flat.push(x, y);
  }
  return polyline(flat);
}

function perVertex(line: Polyline, f: (s: number) => number): Float64Array {
  const out = new Float64Array(line.s.length);
  for (let i = 0; i < out.length; i++) out[i] = f(line.s[i]);
  return out;
}
