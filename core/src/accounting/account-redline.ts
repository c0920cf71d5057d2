/**
 * The accounting of one red line from geometry to money — the one code path behind the app's "run" button and
 * `vep account`:
 *
 *   red line ──validate──▶ impact ring = buffer(d) − red line          (geometry/buffer.ts, in the parcels' plane)
 *   parcels ──clip──▶ pieces per zone with 三调 ellipsoidal areas      (geometry/clip.ts)
 *   pieces ──KCXS split──▶ land-class areas (田坎 1203 apart)         (geometry/land-class-areas.ts)
 *   pieces ──zonal sampling──▶ raster samples (model mode)             (raster/piece-sampler.ts)
 *   land-class pieces ──services, zones, tiers──▶ AccountResult       (accounting/account.ts)
 *
 * Everything is in the parcels' CRS; the caller reprojects the red line first (crs/transform.ts).
 */
import type { CrsInfo } from '../crs/crs-info';
import { InputError } from '../errors';
import type { ClipIssue, ClipStats } from '../geometry/clip';
import { clipToZones } from '../geometry/clip';
import { impactRing } from '../geometry/buffer';
import { ellipsoidalAreaM2 } from '../geometry/ellipsoidal-area';
import { landClassAreas, type LandClassArea } from '../geometry/land-class-areas';
import { validateRedline } from '../geometry/validate-redline';
import type { GeometryIssue } from '../geometry/geometry-issue';
import { dltbCode } from '../geometry/dltb-fields';
import { findLandClass, normalizeDlbm } from '../landclass/land-class';
import { formatMessage } from '../messages/index';
import { createPieceSampler, type SampledRaster, type SamplingRule } from '../raster/piece-sampler';
import type { RasterSource } from '../raster/raster';
import type { WaterBody } from '../services/water-bodies';
import type { Feature, Geometry, PolygonalGeometry, PropertyValue, TaskContext } from '../types';
import { accountParcels } from './account';
import type { AccountPiece, AccountRequest, AccountResult, AccountWarning } from './account-types';

/** Rasters for model mode, all read at the cells of one reference grid. */
export interface ModelRasters {
  /** The reference grid (e.g. the DEM-derived LS raster, else the first raster given). */
  grid: RasterSource;
  /** Service raster id (rainfall, et, ls, npp …) → raster. */
  sources: Record<string, SampledRaster>;
  /** Declared unit per raster id (undefined: the catalogue unit). */
  units?: Record<string, string | undefined>;
  /** Cell size per raster id, m, for the report. */
  resolutionsM?: Record<string, number>;
  /** Zonal rule: overlap-area weights (default) or cell centres as gdal_rasterize. */
  rule?: SamplingRule;
}

export interface RedlineAccountInput {
  /** Parcels in `crs` (a superset of those near the red line is fine: the clip indexes them). */
  parcels: readonly Feature<Geometry | null>[];
  crs: CrsInfo;
  /** The red line in `crs`. */
  redline: PolygonalGeometry;
  /** Width of the impact ring, m (cli.md default 1000). */
  bufferM: number;
  /** Attribute that identifies a parcel in the output (e.g. BSM); default the feature id. */
  idField?: string;
  /** Area of a piece: its own ellipsoidal area (default) or TBMJ apportioned (sandiao-data.md §2.4). */
  areaBasis?: 'ellipsoidal' | 'tbmj';
  /** Clipped parts smaller than this are dropped and counted (m², default 0.01). */
  minPieceAreaM2?: number;
  rasters?: ModelRasters;
  /** Reservoir (and other) register entries keyed by the parcel id of their water surface. */
  waterBodies?: readonly WaterBody[];
  /** The rest of the accounting request: parameter set, modes, coefficient table, tiers, provenance. */
  request: Omit<AccountRequest, 'pieces' | 'redlineAreaM2' | 'rasters' | 'rasterResolutionsM' | 'waterBodies'>;
}

/** One clipped piece with its geometry and its land-class split, for maps and exports. */
export interface AccountedPiece {
  parcelIndex: number;
  parcelId: string | number;
  zone: 'redline' | 'buffer';
  geometry: PolygonalGeometry;
  ellipsoidalAreaM2: number;
  planarAreaM2: number | null;
  classes: LandClassArea[];
}

export interface RedlineAccount {
  result: AccountResult;
  ring: PolygonalGeometry;
  redlineAreaM2: number;
  pieces: AccountedPiece[];
  /** Non-blocking findings on the red line (orientation, spikes …), with locations. */
  redlineIssues: GeometryIssue[];
  clip: { issues: ClipIssue[]; stats: ClipStats };
}

/** Below this share of the red line covered by parcels, the result carries a warning. */
const COVERAGE_WARNING_RATIO = 0.999;

/**
 * Accounts one red line against a parcel layer.
 * @throws InputError REDLINE_INVALID (with the first problem's text) when the red line has an error-level problem;
 *   REDLINE_OUTSIDE_PARCELS when no parcel lies inside it; RASTER_OUTSIDE_ZONE when a model raster covers no piece;
 *   the clip's, the land-class split's and the accounting's own errors; CancelledError on abort.
 */
export function accountRedline(input: RedlineAccountInput, ctx: TaskContext = {}): RedlineAccount {
  const { crs, redline } = input;
  const issues = validateRedline(redline, crs);
  const blocking = issues.find((i) => i.severity === 'error');
  if (blocking) {
    throw new InputError('REDLINE_INVALID', { problem: formatMessage(blocking.code, blocking.details, 'en'), problemZh: formatMessage(blocking.code, blocking.details, 'zh'), location: blocking.location, issues: issues.filter((i) => i.severity === 'error').length });
  }
  const redlineAreaM2 = ellipsoidalAreaM2(redline, crs);
  const ring = impactRing(redline, input.bufferM, crs);

  const clip = clipToZones(input.parcels, [{ name: 'redline', geometry: redline }, { name: 'buffer', geometry: ring }], {
    crs,
    idField: input.idField,
    minPieceAreaM2: input.minPieceAreaM2,
    context: { signal: ctx.signal, onProgress: (p) => ctx.onProgress?.({ ...p, phase: `clip:${p.phase}` }) },
  });
  const insideAreaM2 = clip.pieces.filter((p) => p.zone === 'redline').reduce((s, p) => s + p.ellipsoidalAreaM2, 0);
  if (insideAreaM2 <= 0) throw new InputError('REDLINE_OUTSIDE_PARCELS', { area: Math.round(redlineAreaM2) });

  const sampler = input.rasters ? createPieceSampler(input.rasters.grid, input.rasters.sources, { rule: input.rasters.rule, pieceCrs: crs }) : null;
  const wholeAreas = new Map<number, number>();
  const wholeArea = (index: number): number => {
    let a = wholeAreas.get(index);
    if (a === undefined) {
      a = ellipsoidalAreaM2(input.parcels[index].geometry as Geometry, crs);
      wholeAreas.set(index, a);
    }
    return a;
  };

  const waterBodies = new Map((input.waterBodies ?? []).map((b) => [b.id, b]));
  const pieces: AccountedPiece[] = [];
  const accountPieces: AccountPiece[] = [];
  const uncovered = new Set<string>();
  for (const piece of clip.pieces) {
    const parcel = input.parcels[piece.parcelIndex];
    const parcelId = idOf(piece.parcelId, piece.parcelIndex);
    const classes = landClassAreas(piece, parcel.properties, {
      basis: input.areaBasis,
      parcel: input.areaBasis === 'tbmj' ? { planarAreaM2: null, ellipsoidalAreaM2: wholeArea(piece.parcelIndex) } : undefined,
      parcelLabel: parcelId,
    });
    pieces.push({ parcelIndex: piece.parcelIndex, parcelId, zone: piece.zone as 'redline' | 'buffer', geometry: piece.geometry, ellipsoidalAreaM2: piece.ellipsoidalAreaM2, planarAreaM2: piece.planarAreaM2, classes });
    const samples = sampler ? sampler(piece.geometry) : undefined;
    // The grid's cells go on past the raster's edge (raster/samples.ts): a piece is uncovered when no raster has a value on it.
    if (samples && !Object.values(samples.values).some((v) => v.some((x) => !Number.isNaN(x)))) uncovered.add(String(parcelId));
    const ownDlbm = normalizeDlbm(dltbCode(parcel.properties, 'DLBM') ?? '');
    for (const c of classes) {
      const waterBodyId = lakeOrReservoir(c.dlbm) ? String(parcelId) : undefined;
      // Lakes without a register entry are their own water body: the lake model needs the whole surface.
      if (waterBodyId !== undefined && !waterBodies.has(waterBodyId) && c.dlbm.startsWith('1102')) {
        waterBodies.set(waterBodyId, { id: waterBodyId, kind: 'lake', surfaceAreaM2: wholeArea(piece.parcelIndex) });
      }
      accountPieces.push({
        parcelId,
        dlbm: c.dlbm,
        dlmc: c.dlbm === ownDlbm ? (dltbCode(parcel.properties, 'DLMC') ?? undefined) : findLandClass(c.dlbm)?.nameZh,
        zone: piece.zone as 'redline' | 'buffer',
        areaM2: c.areaM2,
        samples,
        waterBodyId,
      });
    }
  }
  if (sampler && uncovered.size === pieces.length) throw new InputError('RASTER_OUTSIDE_ZONE', { raster: input.rasters!.grid.name });

  const result = accountParcels(
    {
      ...input.request,
      pieces: accountPieces,
      redlineAreaM2,
      rasters: input.rasters ? Object.fromEntries(Object.keys(input.rasters.sources).map((id) => [id, input.rasters!.units?.[id]])) : undefined,
      rasterResolutionsM: input.rasters?.resolutionsM,
      waterBodies: [...waterBodies.values()],
    },
    ctx,
  );
  const coverage = insideAreaM2 / redlineAreaM2;
  if (coverage < COVERAGE_WARNING_RATIO) result.warnings.push(partialCoverageWarning(coverage, redlineAreaM2 - insideAreaM2));
  return { result, ring, redlineAreaM2, pieces, redlineIssues: issues, clip: { issues: clip.issues, stats: clip.stats } };
}

function lakeOrReservoir(dlbm: string): boolean {
  return dlbm === '1102' || dlbm === '1103';
}

function idOf(id: PropertyValue, index: number): string | number {
  return typeof id === 'string' || typeof id === 'number' ? id : index;
}

function partialCoverageWarning(coverage: number, missingM2: number): AccountWarning {
  const details = { percent: Number((coverage * 100).toFixed(2)), missing: Math.round(missingM2) };
  return {
    code: 'REDLINE_PARTLY_COVERED',
    severity: 'warning',
    message: { zh: formatMessage('REDLINE_PARTLY_COVERED', details, 'zh'), en: formatMessage('REDLINE_PARTLY_COVERED', details, 'en') },
    details,
    pieces: [],
    pieceCount: 0,
    area: Math.round(missingM2 * 100) / 100,
  };
}
