import type { Geometry, Position } from '../../types';

/** The geometries of one Placemark as read, flattened out of any MultiGeometry. */
export interface PlacemarkShapes {
  polygons: Position[][][];
  lines: Position[][];
  points: Position[];
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * The positions of a KML `<coordinates>` text: tuples `lon,lat[,alt]` separated by white space. Writers differ in
 * the details (", " after a comma, tabs, line breaks, a trailing comma), which are tolerated; anything that is not a
 * number is refused with the tuple named.
 * @returns the positions, or the first bad tuple.
 */
export function parseCoordinates(text: string): Position[] | { bad: string } {
  const tuples = text.replace(/\s*,\s*/g, ',').trim().split(/\s+/);
  const out: Position[] = [];
  for (const tuple of tuples) {
    if (tuple === '') continue;
    const parts = tuple.replace(/,$/, '').split(',');
    if (parts.length < 2 || parts.length > 3 || !parts.every((p) => NUMBER.test(p))) return { bad: tuple.slice(0, 60) };
    const position = parts.map(Number);
    if (!position.every(Number.isFinite)) return { bad: tuple.slice(0, 60) };
    out.push(position);
  }
  return out;
}

/** A ring closed as KML viewers close it (the last position repeats the first). */
export function closeRing(ring: Position[]): Position[] {
  if (ring.length === 0) return ring;
  const [a, b] = [ring[0], ring[ring.length - 1]];
  return a[0] === b[0] && a[1] === b[1] ? ring : [...ring, a];
}

/**
 * One geometry for a Placemark: its polygons (a MultiPolygon when more than one), else its lines, else its points.
 * Returns which kinds were left out when a MultiGeometry mixes them.
 */
export function placemarkGeometry(shapes: PlacemarkShapes): { geometry: Geometry | null; leftOut: number } {
  const { polygons, lines, points } = shapes;
  if (polygons.length > 0) {
    const geometry: Geometry = polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
    return { geometry, leftOut: lines.length + points.length };
  }
  if (lines.length > 0) {
    const geometry: Geometry = lines.length === 1 ? { type: 'LineString', coordinates: lines[0] } : { type: 'MultiLineString', coordinates: lines };
    return { geometry, leftOut: points.length };
  }
  if (points.length > 0) return { geometry: points.length === 1 ? { type: 'Point', coordinates: points[0] } : { type: 'MultiPoint', coordinates: points }, leftOut: 0 };
  return { geometry: null, leftOut: 0 };
}
