/**
 * Cuts one vector-tile layer out of features in Web Mercator: transform to tile coordinates (extent 4096, y down),
 * clip to the tile plus a buffer, simplify (Douglas–Peucker in tile units), round to integers, orient rings as MVT
 * wants them, and coalesce polygons smaller than a cell into pixel squares (cell-accumulator.ts). Pure: the store
 * (or anything else) supplies the features.
 */
import type { Geometry, Position, Properties } from '../types';
import { CellAccumulator } from './cell-accumulator';
import { clipLine, clipRing, type Box } from './clip';
import { MVT_LINESTRING, MVT_POINT, MVT_POLYGON, type MvtFeature, type MvtLayer } from './mvt-encode';
import { simplify } from './simplify';
import { mercatorToTile, type TileId } from './tile-grid';

/** A feature to cut: geometry in Web Mercator metres (see lonLatToMercator for lon/lat input). */
export interface TileSourceFeature {
  id?: number;
  geometry: Geometry;
  properties: Properties;
}

export interface CutTileOptions {
  /** Tile units per side (default 4096). */
  extent?: number;
  /** Tile units kept around the tile so lines and fills join without seams (default 64). */
  buffer?: number;
  /** Douglas–Peucker tolerance, tile units (default 1: 1/16 of a screen pixel on a 256-px tile). */
  tolerance?: number;
  /**
   * Cells per tile side for coalescing: a polygon whose bounding box fits in one cell is added to the cells instead
   * of being drawn, a line that small is dropped (default 256; 0 draws everything).
   */
  gridSize?: number;
  /** The property whose value a coalesced cell takes (the dominant one by area), e.g. "DLBM". */
  classKey?: string | null;
  /** Cells counted elsewhere (e.g. by the store straight from its R-tree) to merge with this layer's tiny polygons. */
  cells?: CellAccumulator;
  /**
   * What the input coordinates are: Web Mercator metres (default), or already tile units (x right, y down,
   * 0…extent as floats) when the caller projected straight into the tile.
   */
  coordinates?: 'mercator' | 'tile';
}

/**
 * The layer `name` of tile z/x/y.
 * @throws InputError TILE_OUT_OF_RANGE for a tile not on the grid.
 */
export function cutTileLayer(name: string, features: Iterable<TileSourceFeature>, tile: TileId, options: CutTileOptions = {}): MvtLayer {
  const extent = options.extent ?? 4096;
  const buffer = options.buffer ?? 64;
  const tolerance = options.tolerance ?? 1;
  const gridSize = options.gridSize ?? 256;
  const cells = options.cells ?? new CellAccumulator(gridSize || 1, extent);
  const cellUnits = gridSize > 0 ? extent / gridSize : 0;
  const box: Box = [-buffer, -buffer, extent + buffer, extent + buffer];
  const [a, c, e, f] = mercatorToTile(tile, extent);
  const inTileUnits = options.coordinates === 'tile';
  const toTile = (p: Position): Position => [a * p[0] + c, e * p[1] + f];
  const mapAll = (pts: Position[]): Position[] => (inTileUnits ? pts : pts.map(toTile));
  const classKey = options.classKey ?? null;
  const out: MvtFeature[] = [];

  for (const feature of features) {
    const g = feature.geometry;
    const classValue = classKey ? (feature.properties[classKey] ?? null) : null;
    if (g.type === 'Point' || g.type === 'MultiPoint') {
      const pts = mapAll(g.type === 'Point' ? (g.coordinates.length ? [g.coordinates] : []) : g.coordinates).filter((p) => inBox(p, box));
      if (pts.length) out.push({ id: feature.id, type: MVT_POINT, geometry: pts.map((p) => [[Math.round(p[0]), Math.round(p[1])]]), properties: feature.properties });
    } else if (g.type === 'LineString' || g.type === 'MultiLineString') {
      const lines: number[][][] = [];
      for (const line of g.type === 'LineString' ? [g.coordinates] : g.coordinates) {
        const t = mapAll(line);
        if (cellUnits > 0 && fitsInCell(t, cellUnits)) continue;
        for (const piece of clipLine(t, box)) {
          const pts = roundDedupe(simplify(piece, tolerance));
          if (pts.length >= 2) lines.push(pts);
        }
      }
      if (lines.length) out.push({ id: feature.id, type: MVT_LINESTRING, geometry: lines, properties: feature.properties });
    } else {
      const rings: number[][][] = [];
      for (const polygon of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
        if (polygon.length === 0) continue;
        const exterior = mapAll(polygon[0]);
        if (cellUnits > 0 && fitsInCell(exterior, cellUnits)) {
          const [minX, minY, maxX, maxY] = bounds(exterior);
          const weight = Math.abs(ringArea(exterior)) / (cellUnits * cellUnits);
          cells.add(Math.floor((minX + maxX) / 2 / cellUnits), Math.floor((minY + maxY) / 2 / cellUnits), classValue, weight);
          continue;
        }
        const outer = tileRing(exterior, box, tolerance, true);
        if (!outer) continue;
        rings.push(outer);
        for (const hole of polygon.slice(1)) {
          const h = tileRing(mapAll(hole), box, tolerance, false);
          if (h) rings.push(h);
        }
      }
      if (rings.length) out.push({ id: feature.id, type: MVT_POLYGON, geometry: rings, properties: feature.properties });
    }
  }
  if (gridSize > 0) out.push(...cells.features(classKey));
  return { name, extent, features: out };
}

/** A ring clipped, simplified, rounded and oriented (exterior: positive area, y down); null when nothing is left. */
function tileRing(ring: Position[], box: Box, tolerance: number, exterior: boolean): number[][] | null {
  const clipped = clipRing(ring, box);
  if (clipped.length < 4) return null;
  const pts = roundDedupe(simplify(clipped, tolerance));
  if (pts.length < 4) return null;
  const area = ringArea(pts);
  if (area === 0) return null;
  if (area > 0 !== exterior) pts.reverse();
  return pts;
}

function roundDedupe(points: Position[]): number[][] {
  const out: number[][] = [];
  for (const p of points) {
    const x = Math.round(p[0]), y = Math.round(p[1]);
    const last = out[out.length - 1];
    if (!last || last[0] !== x || last[1] !== y) out.push([x, y]);
  }
  return out;
}

/** The surveyor's formula: positive for a ring that turns clockwise on screen (y down). */
export function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return sum / 2;
}

function bounds(points: Position[]): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const p of points) {
    if (p[0] < minX) minX = p[0];
    if (p[0] > maxX) maxX = p[0];
    if (p[1] < minY) minY = p[1];
    if (p[1] > maxY) maxY = p[1];
  }
  return [minX, minY, maxX, maxY];
}

function fitsInCell(points: Position[], cellUnits: number): boolean {
  const [minX, minY, maxX, maxY] = bounds(points);
  return maxX - minX < cellUnits && maxY - minY < cellUnits;
}

function inBox(p: Position, box: Box): boolean {
  return p[0] >= box[0] && p[0] <= box[2] && p[1] >= box[1] && p[1] <= box[3];
}
