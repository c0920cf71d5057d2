import type JstsGeometry from 'jsts/org/locationtech/jts/geom/Geometry.js';
import type JstsPolygon from 'jsts/org/locationtech/jts/geom/Polygon.js';
import type { CrsInfo } from '../crs/crs-info';
import { CancelledError, errorMessage, InputError } from '../errors';
import type { Feature, Geometry, PolygonalGeometry, PropertyValue, Ring, TaskContext } from '../types';
import { ellipsoidalAreaFunction } from './ellipsoidal-area';
import type { GeometryIssue } from './geometry-issue';
import { fromJstsPolygons, localFrame, partsToGeometry, polygonComponents, toJsts, type LocalFrame } from './jsts-geometry';
import { indexParcels, type ParcelIndex } from './parcel-index';
import { planarAreaM2 } from './planar-area';
import { closedParts, partsBbox, polygonParts } from './polygonal';
import { classifyParcel, prepareZone } from './prepared-zone';
import { noRetries, robustOverlay, type OverlayRetries } from './robust-overlay';
import { assertValidPolygonal, validityDetails, validityError } from './validity';

/** A named clip zone, e.g. `{ name: 'redline', geometry }` and `{ name: 'buffer', geometry: impactRing(…) }`. */
export interface ClipZone {
  name: string;
  geometry: PolygonalGeometry;
}

export interface ClipOptions {
  /** The CRS of parcels and zones (both must be in it): decides the ellipsoidal-area method. */
  crs: CrsInfo;
  /** Clipped polygon parts smaller than this (ellipsoidal m²) are dropped and counted; default 0.01. */
  minPieceAreaM2?: number;
  /** A prebuilt index of these parcels (indexParcels), to reuse across red lines. */
  index?: ParcelIndex;
  /** Attribute holding the parcel id (e.g. 'BSM'); default the feature id. */
  idField?: string;
  context?: TaskContext;
  /** A millisecond clock (e.g. performance.now) to fill `stats.timingsMs`; core has no clock of its own. */
  clock?: () => number;
}

/** One parcel's part inside one zone. */
export interface ClipPiece {
  parcelIndex: number;
  parcelId: PropertyValue;
  zone: string;
  /** The parcel geometry itself when it lies wholly in the zone, else the clipped part (RFC 7946 orientation). */
  geometry: PolygonalGeometry;
  /** Area in the projected plane, m²; null for a geographic layer. */
  planarAreaM2: number | null;
  /** 三调 ellipsoidal area, m² (docs/methods/sandiao-data.md §6.1); not rounded. */
  ellipsoidalAreaM2: number;
  /** False when the parcel lies wholly in the zone and its geometry is returned unchanged. */
  wasClipped: boolean;
}

/**
 * A problem met while clipping one parcel (CLIP_PARCEL_INVALID: warning, the piece is still computed;
 * CLIP_OVERLAY_FAILED / CLIP_AREA_FAILED: error, the parcel is missing from that zone / from the result); the clip
 * continues with the other parcels.
 */
export interface ClipIssue extends GeometryIssue {
  parcelIndex: number;
}

export interface ClipStats {
  parcels: number;
  /** Parcels without a usable polygon (null geometry, empty, NaN coordinates): never clipped. */
  withoutGeometry: number;
  /** Parcels whose bounding box meets the zones' bounding box. */
  candidates: number;
  /** Parcel × zone pairs found wholly inside by the classifier (no overlay). */
  inside: number;
  /** Parcel × zone pairs sent to the overlay. */
  boundary: number;
  /** Overlays that really cut the parcel (the others returned it whole). */
  clipped: number;
  droppedPieces: number;
  droppedAreaM2: number;
  retries: OverlayRetries;
  timingsMs: { candidates: number; classify: number; overlay: number; areas: number } | null;
}

export interface ClipResult {
  pieces: ClipPiece[];
  issues: ClipIssue[];
  stats: ClipStats;
}

const PROGRESS_EVERY = 512;

/**
 * Clips parcels against zones (the red line and its impact ring) and measures every piece.
 *
 * A flatbush index finds the candidates; the boundary-segment classifier (prepared-zone.ts) passes parcels wholly
 * inside a zone through untouched; only parcels a zone boundary crosses are clipped, with a jsts overlay that
 * retries with snapping and then a 0.1 mm grid on a TopologyException (robust-overlay.ts; retries are counted).
 * Pieces are ordered by parcel index, then zone order. For zones that partition an area (red line + ring), the
 * pieces of a parcel sum to its area inside the union, up to the dropped slivers.
 *
 * @param parcels features in `options.crs`; those without a Polygon/MultiPolygon are skipped (counted).
 * @param zones valid polygons in the same CRS.
 * @throws InputError GEOMETRY_NOT_POLYGONAL / CLIP_ZONE_INVALID for a bad zone, INVALID_ARGUMENT for a bad option;
 *   CancelledError when `context.signal` is aborted. Bad parcels do not throw: they are reported in `issues`.
 */
export function clipToZones(parcels: readonly Feature<Geometry | null>[], zones: readonly ClipZone[], options: ClipOptions): ClipResult {
  const minPiece = options.minPieceAreaM2 ?? 0.01;
  if (!(minPiece >= 0)) throw new InputError('INVALID_ARGUMENT', { name: 'minPieceAreaM2', reason: String(minPiece) });
  if (options.index && options.index.parcelCount !== parcels.length) {
    throw new InputError('INVALID_ARGUMENT', { name: 'index', reason: `built for ${options.index.parcelCount} parcels, given ${parcels.length}` });
  }
  const clock = options.clock;
  const tick = clock ?? (() => 0);
  const signal = options.context?.signal;
  const onProgress = options.context?.onProgress;
  const geographic = options.crs.kind === 'geographic';
  const ellipsoidalArea = ellipsoidalAreaFunction(options.crs);

  const zoneParts = zones.map((z) => closedParts(polygonParts(z.geometry)));
  const [minX, minY, maxX, maxY] = partsBbox(zoneParts.flat());
  const frame = localFrame(Number.isFinite(minX + maxX) ? (minX + maxX) / 2 : 0, Number.isFinite(minY + maxY) ? (minY + maxY) / 2 : 0);
  const prepared = zones.map((z, i) => {
    const zone = prepareZone(z.name, zoneParts[i], frame);
    assertValidPolygonal(zone.geometry, frame, z.name);
    return zone;
  });

  const index = options.index ?? indexParcels(parcels);
  const stats: ClipStats = {
    parcels: parcels.length, withoutGeometry: parcels.length - index.parcelOfItem.length, candidates: 0, inside: 0, boundary: 0, clipped: 0,
    droppedPieces: 0, droppedAreaM2: 0, retries: noRetries(), timingsMs: clock ? { candidates: 0, classify: 0, overlay: 0, areas: 0 } : null,
  };
  const pieces: ClipPiece[] = [];
  const issues: ClipIssue[] = [];
  let t = tick();
  const lap = (phase: keyof NonNullable<ClipStats['timingsMs']>): void => {
    if (!stats.timingsMs) return;
    const now = tick();
    stats.timingsMs[phase] += now - t;
    t = now;
  };

  const candidates = index.tree && prepared.length > 0 && Number.isFinite(minX) ? index.tree.search(minX, minY, maxX, maxY).map((k) => index.parcelOfItem[k]).sort((a, b) => a - b) : [];
  stats.candidates = candidates.length;
  lap('candidates');

  for (let c = 0; c < candidates.length; c++) {
    if (c % PROGRESS_EVERY === 0) {
      if (signal?.aborted) throw new CancelledError();
      onProgress?.({ phase: 'clip', done: c, total: candidates.length });
    }
    const i = candidates[c];
    const feature = parcels[i];
    const geometry = feature.geometry as PolygonalGeometry;
    const parcelId = options.idField ? (feature.properties[options.idField] ?? null) : (feature.id ?? null);
    const b = index.bboxes;
    const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const firstVertex = parts[0][0][0];
    let whole: { planar: number | null; ellipsoidal: number } | null = null;
    let jsts: JstsGeometry | null = null;
    // A parcel whose area cannot be measured (a vertex far outside the CRS's zone…) is reported once and skipped.
    let unmeasurable = false;
    const measure = <T>(f: () => T): T | null => {
      try {
        return f();
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        if (!unmeasurable) issues.push({ code: 'CLIP_AREA_FAILED', severity: 'error', parcelIndex: i, location: [firstVertex[0], firstVertex[1]], details: { record: i + 1, id: parcelId, reasonZh: errorMessage(e, 'zh'), reasonEn: errorMessage(e, 'en') } });
        unmeasurable = true;
        return null;
      }
    };
    const measureWhole = () => measure(() => ({ planar: geographic ? null : planarAreaM2(geometry), ellipsoidal: ellipsoidalArea(geometry) }));

    for (const zone of prepared) {
      const cls = classifyParcel(zone, parts, b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]);
      lap('classify');
      if (cls === 'outside') continue;
      if (cls === 'inside') {
        stats.inside++;
        whole ??= measureWhole();
        if (whole) pieces.push({ parcelIndex: i, parcelId, zone: zone.name, geometry, planarAreaM2: whole.planar, ellipsoidalAreaM2: whole.ellipsoidal, wasClipped: false });
        lap('areas');
        continue;
      }
      stats.boundary++;
      if (!jsts) {
        jsts = toJsts(frame, parts);
        reportInvalidParcel(jsts, frame, i, parcelId, issues);
      }
      let components: JstsPolygon[];
      try {
        components = polygonComponents(robustOverlay(jsts, zone.geometry, 'intersection', stats.retries));
      } catch (e) {
        const reason = e instanceof Error ? e.message : String(e);
        issues.push({ code: 'CLIP_OVERLAY_FAILED', severity: 'error', parcelIndex: i, location: [firstVertex[0], firstVertex[1]], details: { record: i + 1, id: parcelId, zone: zone.name, reason } });
        lap('overlay');
        continue;
      }
      lap('overlay');
      const piece = measure(() => measurePiece(components, frame, minPiece, ellipsoidalArea, geographic, stats));
      whole ??= piece ? measureWhole() : null;
      if (piece && whole) {
        const unchanged = isSameArea(piece.ellipsoidal, whole.ellipsoidal);
        if (!unchanged) stats.clipped++;
        pieces.push(unchanged
          ? { parcelIndex: i, parcelId, zone: zone.name, geometry, planarAreaM2: whole.planar, ellipsoidalAreaM2: whole.ellipsoidal, wasClipped: false }
          : { parcelIndex: i, parcelId, zone: zone.name, geometry: piece.geometry, planarAreaM2: piece.planar, ellipsoidalAreaM2: piece.ellipsoidal, wasClipped: true });
      }
      lap('areas');
    }
  }
  onProgress?.({ phase: 'clip', done: candidates.length, total: candidates.length });
  return { pieces, issues, stats };
}

/** The overlay's polygons as a piece, with sliver parts dropped (and counted); null when nothing remains. */
function measurePiece(components: JstsPolygon[], frame: LocalFrame, minPieceM2: number, ellipsoidalArea: (g: Geometry) => number, geographic: boolean, stats: ClipStats): { geometry: PolygonalGeometry; planar: number | null; ellipsoidal: number } | null {
  const kept: Ring[][] = [];
  let ellipsoidal = 0;
  for (const part of fromJstsPolygons(frame, components)) {
    const area = ellipsoidalArea({ type: 'Polygon', coordinates: part });
    if (area < minPieceM2) {
      stats.droppedPieces++;
      stats.droppedAreaM2 += area;
      continue;
    }
    kept.push(part);
    ellipsoidal += area;
  }
  const geometry = partsToGeometry(kept);
  if (!geometry) return null;
  return { geometry, planar: geographic ? null : planarAreaM2(geometry), ellipsoidal };
}

/** Equal up to the overlay's rounding: 1e-9 relative is ~1e-5 m² on a 1 ha parcel, far below any reported digit. */
function isSameArea(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

function reportInvalidParcel(g: JstsGeometry, frame: LocalFrame, parcelIndex: number, parcelId: PropertyValue, issues: ClipIssue[]): void {
  const error = validityError(g);
  if (error === null) return;
  const details = validityDetails(error, frame);
  const location: [number, number] | null = typeof details.x === 'number' && typeof details.y === 'number' ? [details.x, details.y] : null;
  issues.push({ code: 'CLIP_PARCEL_INVALID', severity: 'warning', parcelIndex, location, details: { record: parcelIndex + 1, id: parcelId, ...details } });
}
