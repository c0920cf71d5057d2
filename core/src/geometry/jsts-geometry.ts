import Coordinate from 'jsts/org/locationtech/jts/geom/Coordinate.js';
import type Geometry from 'jsts/org/locationtech/jts/geom/Geometry.js';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import type LinearRing from 'jsts/org/locationtech/jts/geom/LinearRing.js';
import type JstsPolygon from 'jsts/org/locationtech/jts/geom/Polygon.js';
import type { MultiPolygon, Polygon, Position, Ring } from '../types';

/**
 * GeoJSON ↔ jsts, in a local frame: jsts works on coordinates minus an origin near the data. Zone-prefixed
 * eastings are ~4e7 m, where a double keeps only ~7e-9 m and JTS's intersection arithmetic loses more; relative to
 * an origin a few km away the same numbers keep 1e-12 m. Subtracting an origin close to a coordinate is exact
 * (Sterbenz), so vertices that no operation touched come back bit-identical.
 */
export interface LocalFrame {
  factory: GeometryFactory;
  originX: number;
  originY: number;
}

/** A frame whose origin is the given point rounded to whole units (metres or degrees). */
export function localFrame(x: number, y: number): LocalFrame {
  return { factory: new GeometryFactory(), originX: Math.round(x), originY: Math.round(y) };
}

/**
 * Builds a jsts Polygon/MultiPolygon from GeoJSON parts. Rings are closed if needed; rings with fewer than three
 * distinct vertices enclose nothing and are left out (a part whose shell is degenerate is left out whole).
 */
export function toJsts(frame: LocalFrame, parts: readonly Ring[][]): Geometry {
  const polygons: JstsPolygon[] = [];
  for (const part of parts) {
    const shell = toRing(frame, part[0]);
    if (!shell) continue;
    const holes: LinearRing[] = [];
    for (let r = 1; r < part.length; r++) {
      const hole = toRing(frame, part[r]);
      if (hole) holes.push(hole);
    }
    polygons.push(frame.factory.createPolygon(shell, holes));
  }
  return polygons.length === 1 ? polygons[0] : frame.factory.createMultiPolygon(polygons);
}

function toRing(frame: LocalFrame, ring: readonly Position[] | undefined): LinearRing | null {
  if (!ring || ring.length < 3) return null;
  const coords: Coordinate[] = [];
  for (const p of ring) {
    const c = new Coordinate(p[0] - frame.originX, p[1] - frame.originY);
    const prev = coords[coords.length - 1];
    if (!prev || prev.x !== c.x || prev.y !== c.y) coords.push(c);
  }
  const first = coords[0];
  const last = coords[coords.length - 1];
  if (first.x !== last.x || first.y !== last.y) coords.push(new Coordinate(first.x, first.y));
  return coords.length >= 4 ? frame.factory.createLinearRing(coords) : null;
}

/** The polygon components of any jsts geometry (collections are searched; points and lines are ignored). */
export function polygonComponents(g: Geometry): JstsPolygon[] {
  const out: JstsPolygon[] = [];
  const visit = (x: Geometry): void => {
    const type = x.getGeometryType();
    if (type === 'Polygon') {
      if (!x.isEmpty()) out.push(x as JstsPolygon);
    } else if (type === 'MultiPolygon' || type === 'GeometryCollection') {
      for (let i = 0; i < x.getNumGeometries(); i++) visit(x.getGeometryN(i));
    }
  };
  visit(g);
  return out;
}

/**
 * GeoJSON parts of jsts polygons, back in the data's coordinates, oriented as RFC 7946 asks (shells
 * counter-clockwise, holes clockwise), rings closed.
 */
export function fromJstsPolygons(frame: LocalFrame, polygons: readonly JstsPolygon[]): Ring[][] {
  return polygons.map((p) => {
    const rings = [fromRing(frame, p.getExteriorRing(), true)];
    for (let i = 0; i < p.getNumInteriorRing(); i++) rings.push(fromRing(frame, p.getInteriorRingN(i), false));
    return rings;
  });
}

function fromRing(frame: LocalFrame, ring: LinearRing, counterClockwise: boolean): Ring {
  const coords = ring.getCoordinates();
  let twiceArea = 0;
  for (let i = 0; i + 1 < coords.length; i++) twiceArea += coords[i].x * coords[i + 1].y - coords[i + 1].x * coords[i].y;
  const out: Ring = coords.map((c) => [c.x + frame.originX, c.y + frame.originY]);
  return twiceArea > 0 === counterClockwise ? out : out.reverse();
}

/** A Polygon for one part, a MultiPolygon for several; null for none. */
export function partsToGeometry(parts: Ring[][]): Polygon | MultiPolygon | null {
  if (parts.length === 0) return null;
  return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
}
