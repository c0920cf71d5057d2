/**
 * Two project red lines (红线) placed on the sample where an appraiser would meet them:
 *  1. a concave (L-shaped) transfer parcel of about 20 ha on the edge of a valley floor, half paddy and half
 *     forested slope — the straddling case the accounting must split;
 *  2. a parcel of about 6 ha with an excluded plot inside (a hole, ring 2 of the coordinate file).
 * Both avoid the highway, rivers, the reservoir and villages, and sit as near the sample's centre as they fit, so
 * most of their 1 km impact zone has data.
 */
import type { Polygon, Position } from '#core';
import type { Landscape } from './landscape';
import type { LinearFeature } from './linear-features';
import { toMillimetre, type Origin } from './gk-geometry';
import { lengthOf, pointAt, valueAt } from './polyline';
import { hashUnit } from './prng';

export interface RedLine {
  /** 地块编号. */
  number: string;
  /** 地块名称. */
  name: string;
  /** 地块用途. */
  use: string;
  /** Polygon in the projected CRS (easting, northing), rings closed; ring 2, if any, is the excluded plot. */
  geometry: Polygon;
}

/** (u, v) outline of red line 1: u along the valley, v up the slope from the floor's edge (v < 0 is floor). */
const L_SHAPE: readonly (readonly [number, number])[] = [
  [-320, -90], [320, -90], [320, 105], [240, 110], [60, 112], [58, 300], [-150, 300], [-260, 285], [-320, 210],
];
/** Red line 2 and its excluded plot. */
const HEXAGON: readonly (readonly [number, number])[] = [[-165, -70], [150, -95], [175, 40], [95, 140], [-110, 150], [-180, 45]];
const HOLE: readonly (readonly [number, number])[] = [[-20, -15], [-20, 35], [40, 35], [42, -15]];

interface Site {
  x: number;
  y: number;
  /** Unit vector along the valley and across it, pointing away from the river. */
  ux: number;
  uy: number;
  vx: number;
  vy: number;
}

/**
 * Places the two red lines.
 * @param inside whether a local point lies inside the sample outline.
 * @param centre the sample's centre, local metres.
 */
export function placeRedLines(land: Landscape, inside: (x: number, y: number) => boolean, centre: readonly [number, number], origin: Origin): RedLine[] {
  const sites = valleyEdgeSites(land).sort((a, b) => Math.hypot(a.x - centre[0], a.y - centre[1]) - Math.hypot(b.x - centre[0], b.y - centre[1]));
  const first = sites.find((s) => suits(land, inside, s, L_SHAPE, 0.15, 0.7));
  if (!first) throw new Error('no valley edge inside the sample suits red line 1');
  const second = sites.find((s) => Math.hypot(s.x - first.x, s.y - first.y) > 1000 && suits(land, inside, s, HEXAGON, 0, 1));
  if (!second) throw new Error('no site inside the sample suits red line 2');
  const village = (s: Site) => land.villages.at(s.x, s.y).name;
  return [
    { number: '1', name: `${village(first)}出让地块`, use: '工业用地', geometry: { type: 'Polygon', coordinates: [ring(L_SHAPE, first, origin, 1)] } },
    { number: '2', name: `${village(second)}旅游用地`, use: '商业服务业设施用地', geometry: { type: 'Polygon', coordinates: [ring(HEXAGON, second, origin, 2), ring(HOLE, second, origin, 3).reverse()] } },
  ];
}

/** Points on the edge of every valley floor, every 100 m, on both sides. */
function valleyEdgeSites(land: Landscape): Site[] {
  const out: Site[] = [];
  for (const r of land.rivers) {
    for (let s = 150; s < lengthOf(r.line) - 150; s += 100) {
      const p = pointAt(r.line, s);
      const hw = valueAt(r.line, r.halfWidth, s);
      for (const side of [1, -1]) {
        const vx = -p.dy * side;
        const vy = p.dx * side;
        out.push({ x: p.x + vx * hw, y: p.y + vy * hw, ux: p.dx * side, uy: p.dy * side, vx, vy });
      }
    }
  }
  return out;
}

/**
 * Whether an outline fits at a site: inside the sample with 300 m to spare, clear of the highway, rivers, the
 * reservoir and villages (field roads and ditches may cross it, as they do real transfer parcels),
 * with a share of valley floor (e = 0) between `minFloor` and `maxFloor` (checked on a 20 m lattice).
 */
function suits(land: Landscape, inside: (x: number, y: number) => boolean, site: Site, shape: readonly (readonly [number, number])[], minFloor: number, maxFloor: number): boolean {
  let floor = 0;
  let count = 0;
  const [minU, maxU] = range(shape.map((p) => p[0]));
  const [minV, maxV] = range(shape.map((p) => p[1]));
  for (let u = minU; u <= maxU; u += 20) {
    for (let v = minV; v <= maxV; v += 20) {
      if (!inPolygon(shape, u, v)) continue;
      const [x, y] = toLocal(site, u, v);
      for (const [dx, dy] of [[0, 0], [300, 0], [-300, 0], [0, 300], [0, -300]]) if (!inside(x + dx, y + dy)) return false;
      const at = land.site(x, y);
      if (at.reservoir || at.settlement) return false;
      // Field roads and ditches may run through a transfer parcel; the highway and rivers may not.
      if (land.linearIndex.near(x, y, 60).some((hit) => isMajor(land.linear[hit.line]) && hit.d < land.linear[hit.line].widthM / 2 + 15)) return false;
      count++;
      if (at.e === 0) floor++;
    }
  }
  return count > 0 && floor / count >= minFloor && floor / count <= maxFloor;
}

function isMajor(f: LinearFeature): boolean {
  return f.kind === 'highway' || f.kind === 'river';
}

function ring(shape: readonly (readonly [number, number])[], site: Site, origin: Origin, salt: number): Position[] {
  // A few metres of jitter so the outline looks surveyed rather than drawn with a ruler.
  const out = shape.map(([u, v], k) => {
    const [x, y] = toLocal(site, u + 6 * (hashUnit(salt, k, 1) - 0.5), v + 6 * (hashUnit(salt, k, 2) - 0.5));
    return [toMillimetre(origin.easting + x), toMillimetre(origin.northing + y)];
  });
  // Counter-clockwise exteriors (RFC 7946); `toLocal` keeps the (u, v) winding when u × v points up.
  if (signedArea(out) < 0) out.reverse();
  out.push(out[0]);
  return out;
}

function toLocal(site: Site, u: number, v: number): [number, number] {
  return [site.x + site.ux * u + site.vx * v, site.y + site.uy * u + site.vy * v];
}

function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[(i + 1) % ring.length];
    sum += (x0 - ring[0][0]) * (y1 - ring[0][1]) - (x1 - ring[0][0]) * (y0 - ring[0][1]);
  }
  return sum / 2;
}

function range(values: readonly number[]): [number, number] {
  return [Math.min(...values), Math.max(...values)];
}

function inPolygon(shape: readonly (readonly [number, number])[], u: number, v: number): boolean {
  let inside = false;
  for (let i = 0, j = shape.length - 1; i < shape.length; j = i++) {
    const [ui, vi] = shape[i];
    const [uj, vj] = shape[j];
    if (vi > v !== vj > v && u < ((uj - ui) * (v - vi)) / (vj - vi) + ui) inside = !inside;
  }
  return inside;
}
