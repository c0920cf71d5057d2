import ArrayList from 'jsts/java/util/ArrayList.js';
import type Coordinate from 'jsts/org/locationtech/jts/geom/Coordinate.js';
import type Geometry from 'jsts/org/locationtech/jts/geom/Geometry.js';
import PrecisionModel from 'jsts/org/locationtech/jts/geom/PrecisionModel.js';
import GeometryNoder from 'jsts/org/locationtech/jts/noding/snapround/GeometryNoder.js';
import InteriorPointArea from 'jsts/org/locationtech/jts/algorithm/InteriorPointArea.js';
import Polygonizer from 'jsts/org/locationtech/jts/operation/polygonize/Polygonizer.js';
import UnaryUnionOp from 'jsts/org/locationtech/jts/operation/union/UnaryUnionOp.js';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import type { MessageCode, MessageDetails } from '../messages/index';
import type { Geometry as GeoJsonGeometry, PolygonalGeometry, Ring } from '../types';
import { fromJstsPolygons, localFrame, partsToGeometry, polygonComponents, toJsts, type LocalFrame } from './jsts-geometry';
import { planarAreaM2, ringSignedArea } from './planar-area';
import { partsBbox } from './polygonal';
import { cleanRing, distinctCount, findSpikes, isZeroAreaRing } from './redline-rings';
import { robustOverlay } from './robust-overlay';
import { pointInParts } from './segment-predicates';

/** One step the repair took, for the user to read before accepting it (messages in core/src/messages/geometry.ts). */
export interface RepairAction {
  code: MessageCode;
  details: MessageDetails;
}

export interface RedlineRepair {
  /** The repaired red line (shells counter-clockwise, holes clockwise), or null when nothing usable is left. */
  geometry: PolygonalGeometry | null;
  actions: RepairAction[];
}

/**
 * Proposes a repair of a red line; the engine never applies it by itself — the user sees `actions` and accepts
 * or not. Steps, each reported when it changed something:
 *  1. drop non-finite vertices and consecutive duplicates, close rings;
 *  2. remove spikes (vertices whose edges meet at < `spikeAngleDeg`), repeatedly;
 *  3. drop rings left with < 3 points or no area;
 *  4. if the polygon is still not valid (self-intersections, holes crossing or outside the shell, overlapping
 *     parts), rebuild it from its rings: each ring's linework is noded and polygonized, the faces it encloses by
 *     the even-odd rule form its area (a bow-tie keeps both lobes), every part is its shell's area minus its holes'
 *     areas (a hole outside its shell removes nothing and is reported), and the parts are unioned — the "structure"
 *     idea of GEOS MakeValid, with holes only ever subtracting;
 *  5. orient shells counter-clockwise and holes clockwise (RFC 7946).
 * Areas in the actions are planar, in the CRS's units².
 */
export function repairRedline(geometry: GeoJsonGeometry, spikeAngleDeg = 1): RedlineRepair {
  const actions: RepairAction[] = [];
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    return { geometry: null, actions: [{ code: 'REPAIR_NOT_POLYGON', details: { type: geometry.type } }] };
  }
  const input = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let nonFinite = 0;
  let duplicates = 0;
  let closed = 0;
  let spikes = 0;
  let dropped = 0;
  const parts: Ring[][] = [];
  input.forEach((part) => {
    const rings: Ring[] = [];
    part.forEach((ring, r) => {
      const c = cleanRing(ring, 0, r);
      nonFinite += c.nonFinite.length;
      duplicates += c.duplicates;
      if (!c.wasClosed && ring.length > 0) closed++;
      let coords = c.coords;
      // A ring on one line encloses nothing: drop it as it is, rather than peel it vertex by vertex as "spikes".
      for (let s = isZeroAreaRing(coords) ? [] : findSpikes(coords, spikeAngleDeg); s.length > 0 && distinctCount(coords) >= 3; s = findSpikes(coords, spikeAngleDeg)) {
        spikes++;
        coords = removeVertex(coords, s[0].index);
      }
      const usable = distinctCount(coords) >= 3 && !isZeroAreaRing(coords);
      if (!usable) dropped++;
      if (r === 0 && !usable) return;
      if (r > 0 && (!usable || rings.length === 0)) return;
      rings.push(coords);
    });
    // A part whose shell was dropped loses its holes too; count them.
    if (rings.length === 0) dropped += Math.max(0, part.length - 1);
    else parts.push(rings);
  });
  if (nonFinite > 0) actions.push({ code: 'REPAIR_DROPPED_NON_FINITE', details: { count: nonFinite } });
  if (duplicates > 0) actions.push({ code: 'REPAIR_REMOVED_DUPLICATES', details: { count: duplicates } });
  if (closed > 0) actions.push({ code: 'REPAIR_CLOSED_RINGS', details: { count: closed } });
  if (spikes > 0) actions.push({ code: 'REPAIR_REMOVED_SPIKES', details: { count: spikes } });
  if (dropped > 0) actions.push({ code: 'REPAIR_DROPPED_RINGS', details: { count: dropped } });
  if (parts.length === 0) return { geometry: null, actions: [...actions, { code: 'REPAIR_NOTHING_LEFT', details: {} }] };

  const [minX, minY, maxX, maxY] = partsBbox(parts);
  const frame = localFrame((minX + maxX) / 2, (minY + maxY) / 2);
  const jsts = toJsts(frame, parts);
  let result: Ring[][];
  if (new IsValidOp(jsts).isValid()) {
    result = parts.map((part) => part.map((ring, r) => orient(ring, r === 0)));
    if (parts.some((part) => part.some((ring, r) => (ringSignedArea(ring) > 0) !== (r === 0)))) actions.push({ code: 'REPAIR_REORIENTED', details: {} });
  } else {
    const before = planarAreaM2({ type: 'MultiPolygon', coordinates: parts });
    const rebuilt = rebuild(frame, parts, actions);
    result = fromJstsPolygons(frame, polygonComponents(rebuilt));
    const after = result.length > 0 ? planarAreaM2({ type: 'MultiPolygon', coordinates: result }) : 0;
    actions.push({ code: 'REPAIR_REBUILT_TOPOLOGY', details: { areaBefore: round4(before), areaAfter: round4(after), parts: result.length } });
  }
  const repaired = partsToGeometry(result);
  if (!repaired) actions.push({ code: 'REPAIR_NOTHING_LEFT', details: {} });
  return { geometry: repaired, actions };
}

function removeVertex(ring: Ring, index: number): Ring {
  const n = distinctCount(ring);
  const open = ring.slice(0, n).filter((_, i) => i !== index);
  return open.length > 0 ? [...open, open[0]] : [];
}

function orient(ring: Ring, counterClockwise: boolean): Ring {
  return ringSignedArea(ring) > 0 === counterClockwise ? ring : [...ring].reverse();
}

function round4(x: number): number {
  return Number(x.toFixed(4));
}

/** Parts rebuilt from their rings (step 4 of repairRedline). */
function rebuild(frame: LocalFrame, parts: Ring[][], actions: RepairAction[]): Geometry {
  const areas: Geometry[] = [];
  let holesOutside = 0;
  for (const part of parts) {
    const shellArea = ringArea(frame, part[0]);
    let area = shellArea;
    for (const hole of part.slice(1)) {
      const holeArea = ringArea(frame, hole);
      if (holeArea.isEmpty()) continue;
      // A hole that would remove nothing from its shell lies outside it (a hole inside another hole is not that).
      const outside = robustOverlay(shellArea, holeArea, 'intersection').getArea() <= 1e-9 * shellArea.getArea();
      if (outside) holesOutside++;
      else area = robustOverlay(area, holeArea, 'difference');
    }
    if (!area.isEmpty()) areas.push(area);
  }
  if (holesOutside > 0) actions.push({ code: 'REPAIR_IGNORED_OUTSIDE_HOLES', details: { count: holesOutside } });
  return UnaryUnionOp.union(frame.factory.createGeometryCollection(areas));
}

/** Grid of the snap-rounding noder: 1e6 per unit = 1 µm in a metric CRS, far below any survey precision. */
const NODING_GRID_SCALE = 1e6;

/** The area a ring encloses by the even-odd rule, as a valid polygon, however the ring crosses or touches itself. */
function ringArea(frame: LocalFrame, ring: Ring): Geometry {
  const simple = toJsts(frame, [[ring]]);
  if (new IsValidOp(simple).isValid()) return simple;
  const shell = polygonComponents(simple)[0];
  // Snap-rounding nodes the ring at every crossing and touching point, robustly (a plain line union fails on a
  // vertex lying on another edge). Duplicate segments (where the ring runs back over itself) are kept once.
  const input = new ArrayList<Geometry>();
  input.add(shell.getExteriorRing());
  const segments = new Map<string, [Coordinate, Coordinate]>();
  for (const line of new GeometryNoder(new PrecisionModel(NODING_GRID_SCALE)).node(input)) {
    const c = line.getCoordinates();
    for (let i = 0; i + 1 < c.length; i++) {
      const [a, b] = c[i].x < c[i + 1].x || (c[i].x === c[i + 1].x && c[i].y <= c[i + 1].y) ? [c[i], c[i + 1]] : [c[i + 1], c[i]];
      if (a.x !== b.x || a.y !== b.y) segments.set(`${a.x},${a.y},${b.x},${b.y}`, [a, b]);
    }
  }
  const polygonizer = new Polygonizer();
  for (const [a, b] of segments.values()) polygonizer.add(frame.factory.createLineString([a, b]));
  const local: Ring[][] = [[ring.map(([x, y]) => [x - frame.originX, y - frame.originY])]];
  const kept = polygonizer.getPolygons().toArray().filter((face) => {
    const p = InteriorPointArea.getInteriorPoint(face);
    return p !== null && pointInParts(local, p.x, p.y);
  });
  return UnaryUnionOp.union(frame.factory.createMultiPolygon(kept));
}
