/**
 * A point inside a polygon, for pieces too small to hold a cell centre: on the horizontal line through the middle
 * of the largest part's bounding box, the midpoint of the widest stretch inside it (even-odd over its rings, so
 * holes are avoided). Unlike a centroid it cannot fall outside a concave or holed piece.
 */
import type { PixelPolygon } from './pixel-polygon';
import { ringDoubleArea } from './pixel-polygon';

/** [x, y] inside the polygon (pixel space), or the mean of its vertices for a piece with no area. */
export function interiorPoint(polygon: PixelPolygon): [number, number] {
  // The part with the largest area (outer ring minus holes).
  const partArea = new Map<number, number>();
  polygon.rings.forEach((ring, i) => {
    const a = Math.abs(ringDoubleArea(ring)) * (polygon.outer[i] ? 1 : -1);
    partArea.set(polygon.polygonOf[i], (partArea.get(polygon.polygonOf[i]) ?? 0) + a);
  });
  let part = -1;
  let best = 0;
  for (const [p, a] of partArea) if (a > best) [part, best] = [p, a];
  const rings = polygon.rings.filter((_, i) => polygon.polygonOf[i] === part);
  if (part >= 0) {
    let minY = Infinity;
    let maxY = -Infinity;
    for (const ring of rings) for (let k = 1; k < ring.length; k += 2) [minY, maxY] = [Math.min(minY, ring[k]), Math.max(maxY, ring[k])];
    const y = (minY + maxY) / 2;
    const cuts: number[] = [];
    for (const ring of rings) {
      const n = ring.length / 2;
      for (let i = 0, j = n - 1; i < n; j = i++) {
        const [x1, y1, x2, y2] = [ring[2 * j], ring[2 * j + 1], ring[2 * i], ring[2 * i + 1]];
        if ((y1 > y) !== (y2 > y)) cuts.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
      }
    }
    cuts.sort((a, b) => a - b);
    let widest = -1;
    let point: [number, number] | null = null;
    for (let i = 0; i + 1 < cuts.length; i += 2) {
      if (cuts[i + 1] - cuts[i] > widest) {
        widest = cuts[i + 1] - cuts[i];
        point = [(cuts[i] + cuts[i + 1]) / 2, y];
      }
    }
    if (point) return point;
  }
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (const ring of polygon.rings) {
    for (let k = 0; k < ring.length; k += 2) {
      sx += ring[k];
      sy += ring[k + 1];
      n++;
    }
  }
  return [sx / n, sy / n];
}
