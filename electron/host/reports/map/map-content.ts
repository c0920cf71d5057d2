/**
 * The map's content in a frame: parcel pieces filled in the 三调 land-class colours (core's landClassColor), their
 * outlines, the impact ring's edge dashed and the red line solid on top. Geometries are converted to page points
 * once, vertices closer than a twentieth of a point dropped (a county-wide layer stays a small PDF), parcels outside
 * the frame skipped, and same-coloured parcels filled in one path.
 */
import { landClassColor, type CrsInfo, type Extent, type PolygonalGeometry, type Position } from '#core';
import { toPage, type MapFrame } from './map-frame';
import { hexRgb, type FlatPolygon, type Rgb, type Surface } from './surface';

export interface MapParcel {
  geometry: PolygonalGeometry | null;
  dlbm: string | null;
}

/** What a map shows, in one projected CRS (metres). */
export interface MapData {
  crs: CrsInfo;
  parcels: readonly MapParcel[];
  redline: PolygonalGeometry | null;
  ring: PolygonalGeometry | null;
}

export const RED_LINE_STYLE = { color: [214, 0, 0] as Rgb, widthPt: 1.8 };
export const RING_STYLE = { color: [235, 120, 0] as Rgb, widthPt: 1.1, dash: [5, 2.5] };
const OUTLINE_STYLE = { color: [96, 96, 96] as Rgb, widthPt: 0.2, opacity: 0.75 };
/** Above this many parcels in view, outlines are left out: they would only grey the fills. */
const MAX_OUTLINED_PARCELS = 20_000;
const MIN_STEP_PT = 0.05;

/** The extent of everything on the map (the ring usually), or null for an empty map. */
export function mapDataExtent(data: MapData): Extent | null {
  const e: Extent = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (g: PolygonalGeometry | null) => {
    if (!g) return;
    for (const part of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
      for (const [x, y] of part[0]) {
        if (x < e[0]) e[0] = x;
        if (y < e[1]) e[1] = y;
        if (x > e[2]) e[2] = x;
        if (y > e[3]) e[3] = y;
      }
    }
  };
  add(data.ring);
  add(data.redline);
  if (!data.ring) for (const p of data.parcels) add(p.geometry);
  return e[0] <= e[2] ? e : null;
}

/** A polygonal geometry as page polygons (outer ring first, then holes), thinned to the page's resolution. */
export function pagePolygons(frame: MapFrame, g: PolygonalGeometry): FlatPolygon[] {
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return parts.map((rings) => rings.map((ring) => pageRing(frame, ring)).filter((r) => r.length >= 6));
}

function pageRing(frame: MapFrame, ring: readonly Position[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < ring.length; i++) {
    const [x, y] = toPage(frame, ring[i][0], ring[i][1]);
    const n = out.length;
    if (n >= 2 && i < ring.length - 1 && Math.abs(x - out[n - 2]) < MIN_STEP_PT && Math.abs(y - out[n - 1]) < MIN_STEP_PT) continue;
    out.push(x, y);
  }
  return out;
}

function intersects(frame: MapFrame, g: PolygonalGeometry): boolean {
  const [minX, minY, maxX, maxY] = frame.extent;
  for (const part of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
    for (const [x, y] of part[0]) if (x >= minX && x <= maxX && y >= minY && y <= maxY) return true;
  }
  // No vertex inside: it may still span the frame; compare bounding boxes.
  let bx0 = Infinity, by0 = Infinity, bx1 = -Infinity, by1 = -Infinity;
  for (const part of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
    for (const [x, y] of part[0]) {
      bx0 = Math.min(bx0, x); by0 = Math.min(by0, y); bx1 = Math.max(bx1, x); by1 = Math.max(by1, y);
    }
  }
  return bx0 <= maxX && bx1 >= minX && by0 <= maxY && by1 >= minY;
}

/** Draws parcels, ring and red line into the frame (clipped to it). Returns the DLBM codes shown, sorted. */
export function drawMapContent(surface: Surface, frame: MapFrame, data: MapData): string[] {
  surface.pushClip(frame.x, frame.y, frame.w, frame.h);
  const byColour = new Map<string, FlatPolygon[]>();
  const codes = new Set<string>();
  const outlines: number[][] = [];
  let visible = 0;
  for (const p of data.parcels) {
    if (!p.geometry || !intersects(frame, p.geometry)) continue;
    visible++;
    const code = (p.dlbm ?? '').trim().toUpperCase();
    codes.add(code);
    const colour = landClassColor(code);
    const polys = pagePolygons(frame, p.geometry);
    let list = byColour.get(colour);
    if (!list) byColour.set(colour, (list = []));
    list.push(...polys);
    if (visible <= MAX_OUTLINED_PARCELS) for (const poly of polys) outlines.push(...poly);
  }
  for (const [colour, polys] of byColour) surface.fillPolygons(polys, { color: hexRgb(colour) });
  if (visible <= MAX_OUTLINED_PARCELS && outlines.length > 0) surface.strokeLines(outlines, true, OUTLINE_STYLE);
  if (data.ring) surface.strokeLines(pagePolygons(frame, data.ring).flat(), true, RING_STYLE);
  if (data.redline) surface.strokeLines(pagePolygons(frame, data.redline).flat(), true, RED_LINE_STYLE);
  surface.popClip();
  return [...codes].filter((c) => c !== '').sort();
}
