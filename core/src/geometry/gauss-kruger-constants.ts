import { ELLIPSOIDS, type EllipsoidId } from '../crs/ellipsoid';

/**
 * The constants of the 三调 ellipsoidal-area method (docs/methods/sandiao-data.md §6.1 "Constants"): the
 * Gauss-Kruger inverse (Step 1) needs c = a²/b, e′², the rectifying factor k0 and the footpoint series k1…k4;
 * the zone integral (Step 2) needs b and e².
 */
export interface GaussKrugerConstants {
  a: number;
  b: number;
  /** First eccentricity squared. */
  e2: number;
  /** Second eccentricity squared. */
  ep2: number;
  /** Polar radius of curvature a²/b. */
  c: number;
  /** 1 / rectifying radius: the rectifying latitude of a meridian arc x is k0·x (radians). */
  k0: number;
  k1: number;
  k2: number;
  k3: number;
  k4: number;
}

/**
 * The columns of §6.1's constants table, used as published so results reproduce the test vectors T1–T5:
 * CGCS2000 from the public implementation, Xian 1980 from the 2008 notice (its b is rounded to 0.01 m there),
 * Beijing 1954 derived by the formulas below. WGS 84 has no table column and is derived the same way as
 * Beijing 1954 ({@link deriveGaussKrugerConstants}).
 */
const TABULATED: Record<Exclude<EllipsoidId, 'WGS84'>, GaussKrugerConstants> = {
  CGCS2000: {
    a: 6378137, b: 6356752.31414036, e2: 0.0066943800229, ep2: 0.00673949677548, c: 6399593.62586,
    k0: 1.57048761144159e-7, k1: 5.05250178820567e-3, k2: 2.98472900956587e-5, k3: 2.41626669230084e-7, k4: 2.22241238938534e-9,
  },
  Xian1980: {
    a: 6378140, b: 6356755.29, e2: 6.69438499958795e-3, ep2: 6.73950181947292e-3, c: 6399596.65198801,
    k0: 1.57048687472752e-7, k1: 5.05250559291393e-3, k2: 2.98473350966158e-5, k3: 2.41627215981336e-7, k4: 2.22241909461273e-9,
  },
  Beijing1954: {
    a: 6378245, b: 6356863.01877305, e2: 6.69342162296586e-3, ep2: 6.73852541468341e-3, c: 6399698.90178271,
    k0: 1.57046064121872e-7, k1: 5.05177390247068e-3, k2: 2.98386766192806e-5, k3: 2.41496384814941e-7, k4: 2.17935450179863e-9,
  },
};

/**
 * Derives the constants from a and 1/f (§6.1): n = (a − b)/(a + b), rectifying radius
 * R_A = a/(1 + n)·(1 + n²/4 + n⁴/64), k0 = 1/R_A, and the footpoint series
 * k1 = 2c2 + 4c4 + 6c6 + 8c8, k2 = 8c4 + 32c6 + 80c8, k3 = 32c6 + 192c8, k4 = 128c8 with
 * c2 = 3n/2 − 27n³/32, c4 = 21n²/16 − 55n⁴/32, c6 = 151n³/96, c8 = 1097n⁴/512.
 */
export function deriveGaussKrugerConstants(a: number, rf: number): GaussKrugerConstants {
  const f = 1 / rf;
  const b = a * (1 - f);
  const e2 = f * (2 - f);
  const n = (a - b) / (a + b);
  const n2 = n * n;
  const n3 = n2 * n;
  const n4 = n2 * n2;
  const rectifyingRadius = (a / (1 + n)) * (1 + n2 / 4 + n4 / 64);
  const c2 = (3 * n) / 2 - (27 * n3) / 32;
  const c4 = (21 * n2) / 16 - (55 * n4) / 32;
  const c6 = (151 * n3) / 96;
  const c8 = (1097 * n4) / 512;
  return {
    a, b, e2, ep2: e2 / (1 - e2), c: (a * a) / b, k0: 1 / rectifyingRadius,
    k1: 2 * c2 + 4 * c4 + 6 * c6 + 8 * c8,
    k2: 8 * c4 + 32 * c6 + 80 * c8,
    k3: 32 * c6 + 192 * c8,
    k4: 128 * c8,
  };
}

/** The Step 1–2 constants of an ellipsoid: the §6.1 table column, or derived for WGS 84. */
export function gaussKrugerConstants(ellipsoid: EllipsoidId): GaussKrugerConstants {
  if (ellipsoid === 'WGS84') return deriveGaussKrugerConstants(ELLIPSOIDS.WGS84.a, ELLIPSOIDS.WGS84.rf);
  return TABULATED[ellipsoid];
}

/**
 * Meridian arc length from the equator to latitude φ (radians), metres: R_A·μ with the rectifying latitude
 * μ = φ + β2·sin 2φ + β4·sin 4φ + β6·sin 6φ + β8·sin 8φ (Helmert/Krüger series in n; the inverse of Step 1's
 * footpoint series). Needed only for a latitude of origin other than the equator.
 */
export function meridianArcM(latRad: number, k: GaussKrugerConstants): number {
  const n = (k.a - k.b) / (k.a + k.b);
  const n2 = n * n;
  const n3 = n2 * n;
  const n4 = n2 * n2;
  const b2 = (-3 * n) / 2 + (9 * n3) / 16;
  const b4 = (15 * n2) / 16 - (15 * n4) / 32;
  const b6 = (-35 * n3) / 48;
  const b8 = (315 * n4) / 512;
  const mu = latRad + b2 * Math.sin(2 * latRad) + b4 * Math.sin(4 * latRad) + b6 * Math.sin(6 * latRad) + b8 * Math.sin(8 * latRad);
  return mu / k.k0;
}
