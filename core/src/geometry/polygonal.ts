import { InputError } from '../errors';
import type { Geometry, Position, Ring } from '../types';

/**
 * Helpers shared by the geometry operations: polygon parts as plain ring arrays, input checks that name the
 * offending vertex, and bounding boxes. Rings follow GeoJSON (closed: last position = first); code that reads
 * rings also accepts an unclosed ring and treats it as closed.
 */

/** The parts of a Polygon or MultiPolygon as arrays of rings (the first ring of each part is its shell). */
export function polygonParts(geometry: Geometry): Ring[][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  throw new InputError('GEOMETRY_NOT_POLYGONAL', { type: geometry.type });
}

/**
 * Throws GEOMETRY_NON_FINITE when a coordinate is NaN or infinite, naming part/ring/vertex (1-based, as users
 * count). Called only after a computation came out non-finite, so the common path pays nothing.
 */
export function assertFiniteCoordinates(parts: readonly Ring[][]): void {
  for (let p = 0; p < parts.length; p++) {
    for (let r = 0; r < parts[p].length; r++) {
      const ring = parts[p][r];
      for (let v = 0; v < ring.length; v++) {
        const [x, y] = ring[v];
        if (!Number.isFinite(x) || !Number.isFinite(y)) {
          throw new InputError('GEOMETRY_NON_FINITE', { part: p + 1, ring: r + 1, vertex: v + 1, x: String(x), y: String(y) });
        }
      }
    }
  }
}

/** Number of distinct vertices of a ring: the closing repeat, if present, is not counted. */
export function ringVertexCount(ring: readonly Position[]): number {
  const n = ring.length;
  if (n > 1 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1]) return n - 1;
  return n;
}

/** Bounding box [minX, minY, maxX, maxY] of all rings; Infinity/-Infinity for an empty geometry. */
export function partsBbox(parts: readonly Ring[][]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const part of parts) {
    // The shell bounds the part; holes lie inside it in valid data, and scanning them too keeps invalid data safe.
    for (const ring of part) {
      for (const p of ring) {
        const x = p[0];
        const y = p[1];
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  return [minX, minY, maxX, maxY];
}

/** Whether a geometry is a Polygon or MultiPolygon. */
export function isPolygonal(geometry: Geometry | null | undefined): geometry is Extract<Geometry, { type: 'Polygon' | 'MultiPolygon' }> {
  return geometry != null && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon');
}

/** The parts with every ring closed (last position = first); rings already closed are reused, not copied. */
export function closedParts(parts: readonly Ring[][]): Ring[][] {
  return parts.map((part) =>
    part.map((ring) => {
      const n = ring.length;
      if (n === 0 || (ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1])) return ring;
      return [...ring, ring[0]];
    }),
  );
}
