/**
 * Groups the rings of one shapefile polygon record into polygons with holes, by containment, the way GDAL's
 * `OGRGeometryFactory::organizePolygons` does with METHOD=DEFAULT (its fast, first-vertex variant):
 *
 *   1. sort the rings by area, largest first; the largest is an outer ring;
 *   2. for each next ring, find the smallest larger ring that contains it (envelope first, then its first vertex,
 *      or the next vertices / edge midpoints when that vertex lies on the other ring's boundary);
 *   3. inside an outer ring → a hole of it; inside a hole → an outer ring again (an island in a lake);
 *      inside nothing → an outer ring;
 *   4. polygons come out in the records' ring order, holes in their ring order.
 *
 * GDAL's shapefile driver itself uses METHOD=ONLY_CCW, which trusts the orientation (clockwise = outer). On
 * correctly oriented files the two give the same polygons (the fixtures check it); containment alone also gets
 * wrongly oriented rings right (a counter-clockwise shell, a clockwise hole), where ONLY_CCW turns the hole into the
 * shell. Rings of fewer than 4 vertices in a multi-ring record are left out (GDAL would then give up on holes and
 * return every ring as its own polygon); the caller reports them.
 *
 * Ordinates are taken relative to a vertex of the ring at hand, so areas and tests keep their precision at
 * Gauss-Kruger magnitudes (eastings of 4e7 m).
 */

/** Vertex ranges of one record: ring k spans vertices [starts[k], ends[k]). */
export interface RingSpans {
  xy: Float64Array;
  starts: ArrayLike<number>;
  ends: ArrayLike<number>;
}

export interface RingAssembly {
  /** Each polygon as ring indices, outer ring first. */
  polygons: number[][];
  /** Rings left out because they have fewer than 4 vertices (closed). */
  degenerate: number[];
}

interface RingInfo {
  index: number;
  area: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  outer: boolean;
  parent: number;
}

/** Assembles the rings of one polygon record (see the module comment). */
export function assembleRings(spans: RingSpans): RingAssembly {
  const count = spans.starts.length;
  if (count === 1) return { polygons: [[0]], degenerate: [] };
  const rings: RingInfo[] = [];
  const degenerate: number[] = [];
  for (let k = 0; k < count; k++) {
    if (closedVertexCount(spans, k) < 4) degenerate.push(k);
    else rings.push(ringInfo(spans, k));
  }
  if (rings.length === 0) return { polygons: [], degenerate };

  const bySize = [...rings].sort((a, b) => b.area - a.area); // stable: equal areas keep ring order
  bySize[0].outer = true;
  for (let i = 1; i < bySize.length; i++) {
    const ring = bySize[i];
    ring.outer = true;
    for (let j = i - 1; j >= 0; j--) {
      const other = bySize[j];
      if (!(other.minX <= ring.minX && other.maxX >= ring.maxX && other.minY <= ring.minY && other.maxY >= ring.maxY)) continue;
      if (!ringInsideRing(spans, ring.index, other.index)) continue;
      if (other.outer) {
        ring.outer = false;
        ring.parent = other.index;
      }
      break;
    }
  }

  const polygonOf = new Map<number, number[]>();
  const polygons: number[][] = [];
  for (const ring of rings) {
    if (ring.outer) {
      const polygon = [ring.index];
      polygonOf.set(ring.index, polygon);
      polygons.push(polygon);
    }
  }
  for (const ring of rings) if (!ring.outer) polygonOf.get(ring.parent)!.push(ring.index);
  return { polygons, degenerate };
}

/** Signed area (counter-clockwise positive, x east / y north) of ring k, treated as closed. */
export function signedRingArea(spans: RingSpans, k: number): number {
  const { xy } = spans;
  const start = spans.starts[k];
  const end = spans.ends[k];
  if (end - start < 3) return 0;
  const x0 = xy[2 * start];
  const y0 = xy[2 * start + 1];
  let sum = 0;
  for (let v = start + 1; v < end - 1; v++) {
    sum += (xy[2 * v] - x0) * (xy[2 * v + 3] - y0) - (xy[2 * v + 2] - x0) * (xy[2 * v + 1] - y0);
  }
  return sum / 2;
}

/** Vertices of ring k once closed (a ring stored without its closing vertex counts it). */
export function closedVertexCount(spans: RingSpans, k: number): number {
  const n = spans.ends[k] - spans.starts[k];
  if (n === 0) return 0;
  const a = 2 * spans.starts[k];
  const b = 2 * (spans.ends[k] - 1);
  const closed = spans.xy[a] === spans.xy[b] && spans.xy[a + 1] === spans.xy[b + 1];
  return closed ? n : n + 1;
}

function ringInfo(spans: RingSpans, k: number): RingInfo {
  const { xy } = spans;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let v = spans.starts[k]; v < spans.ends[k]; v++) {
    const x = xy[2 * v];
    const y = xy[2 * v + 1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { index: k, area: Math.abs(signedRingArea(spans, k)), minX, minY, maxX, maxY, outer: false, parent: -1 };
}

/**
 * Whether ring `inner` lies inside ring `outer`, judged from one vertex strictly inside or outside: the first
 * vertex, or the first later vertex off the boundary, or failing that the first edge midpoint off it.
 */
function ringInsideRing(spans: RingSpans, inner: number, outer: number): boolean {
  const { xy } = spans;
  const start = spans.starts[inner];
  const end = spans.ends[inner];
  for (let v = start; v < end; v++) {
    const x = xy[2 * v];
    const y = xy[2 * v + 1];
    if (v > start && x === xy[2 * v - 2] && y === xy[2 * v - 1]) continue;
    if (!onRingBoundary(spans, outer, x, y)) return pointInRing(spans, outer, x, y);
  }
  for (let v = start + 1; v < end; v++) {
    const x = (xy[2 * v] + xy[2 * v - 2]) / 2;
    const y = (xy[2 * v + 1] + xy[2 * v - 1]) / 2;
    if (!onRingBoundary(spans, outer, x, y)) return pointInRing(spans, outer, x, y);
  }
  return false;
}

/** Crossing-number test (strict: a point on the boundary may go either way; callers rule that out first). */
function pointInRing(spans: RingSpans, k: number, px: number, py: number): boolean {
  const { xy } = spans;
  const start = spans.starts[k];
  const end = spans.ends[k];
  let crossings = 0;
  let x2 = xy[2 * (end - 1)] - px;
  let y2 = xy[2 * (end - 1) + 1] - py;
  for (let v = start; v < end; v++) {
    const x1 = xy[2 * v] - px;
    const y1 = xy[2 * v + 1] - py;
    if ((y1 > 0 && y2 <= 0) || (y2 > 0 && y1 <= 0)) {
      if ((x1 * y2 - x2 * y1) / (y2 - y1) > 0) crossings++;
    }
    x2 = x1;
    y2 = y1;
  }
  return (crossings & 1) === 1;
}

function onRingBoundary(spans: RingSpans, k: number, px: number, py: number): boolean {
  const { xy } = spans;
  const start = spans.starts[k];
  const end = spans.ends[k];
  let x2 = xy[2 * (end - 1)] - px;
  let y2 = xy[2 * (end - 1) + 1] - py;
  for (let v = start; v < end; v++) {
    const x1 = xy[2 * v] - px;
    const y1 = xy[2 * v + 1] - py;
    if ((x1 !== x2 || y1 !== y2) && x1 * y2 - x2 * y1 === 0 && Math.min(x1, x2) <= 0 && Math.max(x1, x2) >= 0 && Math.min(y1, y2) <= 0 && Math.max(y1, y2) >= 0) {
      return true;
    }
    x2 = x1;
    y2 = y1;
  }
  return false;
}
