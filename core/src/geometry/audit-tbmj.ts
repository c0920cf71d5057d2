import type { CrsInfo } from '../crs/crs-info';
import { InputError } from '../errors';
import type { MessageCode } from '../messages/index';
import type { Feature, Geometry, PropertyValue } from '../types';
import { dltbNumber } from './dltb-fields';
import { ellipsoidalAreaFunction } from './ellipsoidal-area';
import { planarAreaM2 } from './planar-area';
import { isPolygonal } from './polygonal';

export interface TbmjAuditOptions {
  /** Absolute tolerance, m²: default 0.01 (one unit of TBMJ's second decimal, docs/methods/sandiao-data.md §6.1). */
  toleranceM2?: number;
  /**
   * Relative tolerance added to the absolute one (default 0). §6.1: producers that do not densify edges are off by
   * up to ~5e-6 relative (0.06 m² on a parcel); 5e-6 accepts them.
   */
  relativeTolerance?: number;
  /** Attribute with the parcel id (e.g. 'BSM'); default the feature id. */
  idField?: string;
}

/** What a TBMJ that disagrees with the geometry most likely is. */
export type TbmjCause = 'planar' | 'undensified' | 'hectares' | 'mu' | 'unknown';

export interface TbmjAuditRow {
  index: number;
  id: PropertyValue;
  tbmj: number;
  ellipsoidalAreaM2: number;
  /** null for a geographic layer. */
  planarAreaM2: number | null;
  /** TBMJ − ellipsoidal area, m². */
  deviationM2: number;
  flagged: boolean;
  /** For flagged rows: the explanation that fits, else 'unknown'. */
  cause: TbmjCause | null;
}

export interface TbmjAuditSummary {
  features: number;
  /** Features with a polygon and a numeric TBMJ. */
  checked: number;
  /** Features with a polygon but no (numeric) TBMJ. */
  missingTbmj: number;
  /** Features whose geometry could not be measured (InputError codes counted). */
  geometryErrors: number;
  flagged: number;
  /** Largest |deviation| among checked features, m², and where. */
  maxDeviationM2: number;
  maxDeviationIndex: number | null;
  causes: Record<TbmjCause, number>;
  /** The cause of most flagged parcels (≥ half of them), as a message code for the report; null if none. */
  likelyCause: MessageCode | null;
}

export interface TbmjAudit {
  rows: TbmjAuditRow[];
  summary: TbmjAuditSummary;
}

const HECTARE_M2 = 10_000;
/** 1 亩 = 10000/15 m². */
const MU_M2 = 10_000 / 15;

const CAUSE_MESSAGE: Record<Exclude<TbmjCause, 'unknown'>, MessageCode> = {
  planar: 'TBMJ_LOOKS_PLANAR',
  undensified: 'TBMJ_LOOKS_UNDENSIFIED',
  hectares: 'TBMJ_LOOKS_HECTARES',
  mu: 'TBMJ_LOOKS_MU',
};

/**
 * Compares the delivered TBMJ of every parcel with its 三调 ellipsoidal area computed from the geometry
 * (docs/methods/sandiao-data.md §6.1), flags deviations beyond `toleranceM2 + relativeTolerance × area`, and
 * explains flagged ones when a known cause fits within the tolerance: the planar GK area, the ellipsoidal area
 * without Step 0 densification, hectares, or mu (亩 = 10000/15 m²).
 *
 * @param features parcels in `crs` with a TBMJ field (aliases: 图斑面积).
 * @throws InputError GEOMETRY_CRS_NO_ELLIPSOID when the CRS cannot be measured at all. Per-feature geometry
 *   problems are counted in `summary.geometryErrors`, not thrown.
 */
export function auditTbmj(features: readonly Feature<Geometry | null>[], crs: CrsInfo, options: TbmjAuditOptions = {}): TbmjAudit {
  const tol = options.toleranceM2 ?? 0.01;
  const rel = options.relativeTolerance ?? 0;
  if (!(tol >= 0) || !(rel >= 0)) throw new InputError('INVALID_ARGUMENT', { name: 'toleranceM2/relativeTolerance', reason: `${tol}, ${rel}` });
  const area = ellipsoidalAreaFunction(crs);
  const undensified = crs.transverseMercator && crs.kind === 'projected' ? ellipsoidalAreaFunction(crs, { densifyM: null }) : null;
  const geographic = crs.kind === 'geographic';
  const rows: TbmjAuditRow[] = [];
  const summary: TbmjAuditSummary = {
    features: features.length, checked: 0, missingTbmj: 0, geometryErrors: 0, flagged: 0, maxDeviationM2: 0, maxDeviationIndex: null,
    causes: { planar: 0, undensified: 0, hectares: 0, mu: 0, unknown: 0 }, likelyCause: null,
  };
  features.forEach((f, index) => {
    const g = f.geometry;
    if (!isPolygonal(g)) return;
    const tbmj = dltbNumber(f.properties, 'TBMJ');
    if (tbmj === null || !Number.isFinite(tbmj)) {
      summary.missingTbmj++;
      return;
    }
    let ellipsoidal: number;
    let planar: number | null;
    try {
      ellipsoidal = area(g);
      planar = geographic ? null : planarAreaM2(g);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      summary.geometryErrors++;
      return;
    }
    const deviationM2 = tbmj - ellipsoidal;
    const allowed = tol + rel * Math.abs(ellipsoidal);
    const flagged = Math.abs(deviationM2) > allowed;
    summary.checked++;
    if (Math.abs(deviationM2) > Math.abs(summary.maxDeviationM2)) {
      summary.maxDeviationM2 = deviationM2;
      summary.maxDeviationIndex = index;
    }
    let cause: TbmjCause | null = null;
    if (flagged) {
      summary.flagged++;
      cause = explain(tbmj, ellipsoidal, planar, () => (undensified ? undensified(g) : null), allowed);
      summary.causes[cause]++;
    }
    const id = options.idField ? (f.properties[options.idField] ?? null) : (f.id ?? null);
    rows.push({ index, id, tbmj, ellipsoidalAreaM2: ellipsoidal, planarAreaM2: planar, deviationM2, flagged, cause });
  });
  for (const cause of Object.keys(CAUSE_MESSAGE) as (keyof typeof CAUSE_MESSAGE)[]) {
    if (summary.causes[cause] > 0 && summary.causes[cause] * 2 >= summary.flagged) summary.likelyCause = CAUSE_MESSAGE[cause];
  }
  return { rows, summary };
}

function explain(tbmj: number, ellipsoidal: number, planar: number | null, undensified: () => number | null, allowed: number): TbmjCause {
  if (planar !== null && Math.abs(tbmj - planar) <= allowed) return 'planar';
  const raw = undensified();
  if (raw !== null && Math.abs(tbmj - raw) <= allowed) return 'undensified';
  // Unit mistakes: the stored number is rounded in its own unit — allow half a unit of the usual last decimal
  // (hectares to 4 decimals: 0.5 m²; mu to 2 decimals: 0.005 × 666.67 = 3.33 m²).
  if (Math.abs(tbmj * HECTARE_M2 - ellipsoidal) <= Math.max(allowed, 0.00005 * HECTARE_M2)) return 'hectares';
  if (Math.abs(tbmj * MU_M2 - ellipsoidal) <= Math.max(allowed, 0.005 * MU_M2)) return 'mu';
  return 'unknown';
}
