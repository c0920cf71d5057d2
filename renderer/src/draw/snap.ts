/**
 * Snapping to parcel vertices and edges. The candidate rings are the stored parcel geometry near the cursor, read
 * from the host (layers:snap) — exact coordinates from the project file, reprojected by proj4 — not the rendered
 * tile geometry, which is simplified and quantised to the tile grid (about 0.1 m at zoom 17). A snapped vertex is
 * therefore the parcel's own vertex to well under a millimetre after the round trip to the project CRS.
 *
 * Vertices win over edges: a vertex within the tolerance is taken even when an edge is nearer.
 */
export type LonLat = [number, number];
export type ScreenPoint = { x: number; y: number };

export interface SnapResult {
  point: LonLat;
  kind: 'vertex' | 'edge';
  distancePx: number;
}

/**
 * The snap target for a cursor at `cursor` (screen pixels), or null when nothing is within `tolerancePx`.
 * @param project lon/lat → screen pixels (the map's projection).
 */
export function findSnap(
  cursor: ScreenPoint,
  rings: readonly (readonly number[][])[],
  project: (p: LonLat) => ScreenPoint,
  tolerancePx: number,
): SnapResult | null {
  let bestVertex: SnapResult | null = null;
  let bestEdge: { t: number; d: number; la: LonLat; lb: LonLat } | null = null;
  for (const ring of rings) {
    let prev: ScreenPoint | null = null;
    let prevLl: LonLat | null = null;
    for (const c of ring) {
      const ll: LonLat = [c[0], c[1]];
      const p = project(ll);
      const dv = Math.hypot(p.x - cursor.x, p.y - cursor.y);
      if (dv <= tolerancePx && (!bestVertex || dv < bestVertex.distancePx)) bestVertex = { point: ll, kind: 'vertex', distancePx: dv };
      if (prev && prevLl) {
        const dx = p.x - prev.x;
        const dy = p.y - prev.y;
        const len2 = dx * dx + dy * dy;
        if (len2 > 0) {
          const t = Math.max(0, Math.min(1, ((cursor.x - prev.x) * dx + (cursor.y - prev.y) * dy) / len2));
          const d = Math.hypot(prev.x + t * dx - cursor.x, prev.y + t * dy - cursor.y);
          if (d <= tolerancePx && (!bestEdge || d < bestEdge.d)) bestEdge = { t, d, la: prevLl, lb: ll };
        }
      }
      prev = p;
      prevLl = ll;
    }
  }
  if (bestVertex) return bestVertex;
  if (!bestEdge) return null;
  // The foot of the perpendicular, interpolated along the edge in lon/lat (an edge a few metres long is straight
  // in both lon/lat and the projected CRS to far below a millimetre).
  const { la, lb, t } = bestEdge;
  return { point: [la[0] + t * (lb[0] - la[0]), la[1] + t * (lb[1] - la[1])], kind: 'edge', distancePx: bestEdge.d };
}
