import type { TransverseMercatorParams } from '../crs/crs-info';
import { InputError } from '../errors';
import type { Ring } from '../types';
import { meridianArcM, type GaussKrugerConstants } from './gauss-kruger-constants';

/**
 * The 三调 ellipsoidal area of polygon parts in a transverse-Mercator (Gauss-Kruger) plane,
 * docs/methods/sandiao-data.md §6.1:
 *
 *   Step 0  split every edge of length s into n = ceil(s / densifyM) equal parts in the GK plane, on the fly;
 *   Step 1  Gauss-Kruger inverse (x, y) → (B, L) with the layer's own ellipsoid constants;
 *   Step 2  the zone integral between each edge and the central meridian in its closed form
 *           S = b²·ΔL_mid·[q(B2) − q(B1)],  q(B) = sinB/(2(1 − e²sin²B)) + atanh(e·sinB)/(2e)
 *           (equal to the notice's trapezoid series to ≤ 5e-11 relative, §6.1), q computed once per vertex;
 *   Step 3  ring = Σ S (counter-clockwise positive); part = |shell| − Σ|holes|; parts summed; not rounded here.
 *
 * Nothing is allocated per vertex: the inverse writes into two locals of the ring loop.
 *
 *     GK plane                         (L − L0, q) cylinder (equal-area up to the factor b²)
 *     P1 ●───●───●───● P2   Step 0     ● ● ● ●      each densified vertex is inverted (Step 1), and the
 *        ≤ 10 m pieces       ──────▶   trapezoids   trapezoids to L = L0 are summed (Steps 2–3)
 */
export interface GaussKrugerAreaOptions {
  /** Step 0 maximum piece length in metres; null skips Step 0 (the notice's formulas on the raw vertices). */
  densifyM: number | null;
  /** The CRS name, for the error raised on a vertex far outside the projection's zone. */
  crsName: string;
}

/**
 * Farthest a vertex may lie from the central meridian (metres, before the scale factor): 3° at the equator is
 * 334 km, so 1000 km leaves room for any real zone and still catches unprefixed eastings read in a prefixed
 * CRS (39 000 km off), where the series would return garbage.
 */
const MAX_OFFSET_FROM_CM_M = 1e6;
/** Farthest a vertex may lie from the equator along the meridian (89.98°): keeps the footpoint latitude below 90°. */
const MAX_MERIDIAN_ARC_M = 1e7;

export type RingsAreaFn = (parts: readonly Ring[][]) => number;

/** Builds the area function of one transverse-Mercator CRS; constants are resolved once, not per polygon. */
export function gaussKrugerArea(tm: TransverseMercatorParams, k: GaussKrugerConstants, options: GaussKrugerAreaOptions): RingsAreaFn {
  const { k0, k1, k2, k3, k4, c, ep2, e2, b } = k;
  const e = Math.sqrt(e2);
  const inv4e = 1 / (4 * e);
  const invC = 1 / c;
  const scale = tm.scale;
  const invScale = 1 / scale;
  const falseEasting = tm.falseEasting;
  // §6.1 Step 1 with other .prj parameters: x ← (x − FN)/k, y′ = (y − FE)/k (FE already holds the zone prefix);
  // a latitude of origin other than 0 adds the meridian arc from the equator to it.
  const northingOffset = tm.falseNorthing - scale * meridianArcM((tm.latitudeOfOrigin * Math.PI) / 180, k);
  const step = options.densifyM;

  // Step 1 output of the last inverted vertex, relative to the central meridian (Lref = L0, §6.1 Step 2).
  let lon = 0;
  let q = 0;

  /** Step 1 for one vertex given as [easting, northing] (the survey's y, x), then q(B) for Step 2. */
  function inverse(easting: number, northing: number): void {
    const E = k0 * (northing - northingOffset) * invScale;
    const yp = (easting - falseEasting) * invScale;
    const sinE = Math.sin(E);
    const sinE2 = sinE * sinE;
    // |E| < π/2 (checkVertex), so cos E ≥ 0.
    const cosE = Math.sqrt(1 - sinE2);
    // Footpoint latitude Bf = E + δ, δ = cos E·(k1 sinE − k2 sin³E + k3 sin⁵E − k4 sin⁷E). |δ| < 2.6e-3 rad, so
    // sin δ and cos δ by their Taylor series (omitted terms < 1e-18) replace two trigonometric calls.
    const d = cosE * sinE * (k1 - sinE2 * (k2 - sinE2 * (k3 - sinE2 * k4)));
    const d2 = d * d;
    const cosD = 1 - d2 * 0.5 * (1 - d2 * (1 / 12));
    const sinD = d * (1 - d2 * (1 / 6) * (1 - d2 * 0.05));
    const sinBf = sinE * cosD + cosE * sinD;
    const cosBf = cosE * cosD - sinE * sinD;
    const invCosBf = 1 / cosBf;
    const t = sinBf * invCosBf;
    const t2 = t * t;
    const eta2 = ep2 * cosBf * cosBf;
    const v2 = 1 + eta2;
    const u = yp * Math.sqrt(v2) * invC;
    const u2 = u * u;
    // B = Bf − dB and L − L0 by the series of §6.1 Step 1.
    const dB = v2 * t * u2 * (0.5 - u2 * ((5 + 3 * t2 + eta2 - 9 * eta2 * t2) * (1 / 24) - u2 * (61 + 90 * t2 + 45 * t2 * t2) * (1 / 720)));
    lon = u * (1 - u2 * ((1 + 2 * t2 + eta2) * (1 / 6) - u2 * (5 + 28 * t2 + 24 * t2 * t2 + 6 * eta2 + 8 * eta2 * t2) * (1 / 120))) * invCosBf;
    // sin B = sin(Bf − dB) by its Taylor series: |dB| < 2e-3 rad within 330 km of the CM (omitted term < 3e-16).
    const dB2 = dB * dB;
    const sinB = sinBf * (1 - dB2 * 0.5 * (1 - dB2 * (1 / 12))) - cosBf * dB * (1 - dB2 * (1 / 6));
    // q(B) with atanh(x) written as ½·ln((1 + x)/(1 − x)), which V8 evaluates twice as fast as Math.atanh.
    const es = e * sinB;
    q = (0.5 * sinB) / (1 - es * es) + Math.log((1 + es) / (1 - es)) * inv4e;
  }

  function checkVertex(easting: number, northing: number): void {
    const yp = Math.abs(easting - falseEasting) / scale;
    const xm = Math.abs(northing - northingOffset) / scale;
    // Written so that NaN fails the test too.
    if (!(yp <= MAX_OFFSET_FROM_CM_M && xm <= MAX_MERIDIAN_ARC_M)) {
      throw new InputError('GEOMETRY_OUTSIDE_PROJECTION', { x: easting, y: northing, crs: options.crsName });
    }
  }

  function ringSum(ring: Ring): number {
    const n = ring.length;
    if (n < 3) return 0;
    let sum = 0;
    checkVertex(ring[0][0], ring[0][1]);
    inverse(ring[0][0], ring[0][1]);
    let prevLon = lon;
    let prevQ = q;
    let x1 = ring[0][0];
    let y1 = ring[0][1];
    // Edges i → i+1, plus the closing edge when the ring is not explicitly closed.
    const closed = ring[n - 1][0] === x1 && ring[n - 1][1] === y1;
    const last = closed ? n - 1 : n;
    for (let i = 1; i <= last; i++) {
      const p = ring[i === n ? 0 : i];
      const x2 = p[0];
      const y2 = p[1];
      checkVertex(x2, y2);
      const pieces = step === null ? 1 : Math.max(1, Math.ceil(Math.sqrt((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1)) / step));
      for (let j = 1; j <= pieces; j++) {
        const f = j / pieces;
        inverse(j === pieces ? x2 : x1 + (x2 - x1) * f, j === pieces ? y2 : y1 + (y2 - y1) * f);
        sum += (prevLon + lon) * (q - prevQ);
        prevLon = lon;
        prevQ = q;
      }
      x1 = x2;
      y1 = y2;
    }
    // S = b²·ΔL_mid·Δq with ΔL_mid = (L1 + L2)/2: the halving is applied once here.
    return (b * b * sum) / 2;
  }

  return (parts) => {
    let total = 0;
    for (const part of parts) {
      let area = 0;
      for (let r = 0; r < part.length; r++) {
        const a = Math.abs(ringSum(part[r]));
        area += r === 0 ? a : -a;
      }
      total += area;
    }
    return total;
  };
}
