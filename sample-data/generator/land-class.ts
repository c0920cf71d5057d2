/**
 * The land class (DLBM) of a cell, read from its place in the landscape the way a surveyor would expect it in a
 * hilly Anji-like county: water in the valleys and the reservoir, paddy on the flat valley floors, tea and dry land
 * on the lower slopes, bamboo and forest on the hills (about 70 % of the land), shrub on the high ridges, villages
 * along the roads. Low-frequency noise makes the choices come in patches, as real land use does.
 */
import type { Landscape, Site } from './landscape';
import type { LinearFeature } from './linear-features';
import { fractalNoise } from './noise';
import { hash32, hashUnit } from './prng';

/** Everything known about a cell's seed. */
export interface CellSite extends Site {
  x: number;
  y: number;
  slopeDeg: number;
  /** The seed's global id (for per-cell randomness). */
  id: number;
  feature: LinearFeature | null;
  row: number;
}

/** Classes used in villages, with their shares. */
const VILLAGE_MIX: readonly (readonly [string, number])[] = [
  ['0702', 0.84], ['05H1', 0.04], ['08H2', 0.03], ['0601', 0.03], ['0810', 0.02], ['1201', 0.02], ['1202', 0.02],
];

/** The DLBM of a cell. */
export function landClassOf(land: Landscape, c: CellSite): string {
  if (c.reservoir === 'water') return '1103';
  if (c.reservoir === 'dam') return '1109';
  if (c.feature && c.row === 0) return c.feature.dlbm;
  const u = hashUnit(land.seed, c.id, 11);
  if (c.settlement === 'village') return pick(VILLAGE_MIX, u);
  if (c.settlement === 'hamlet') return '0702';
  if (c.settlement === 'quarry') return '0602';
  if (c.settlement === 'cemetery') return '09';
  const s = land.seed;
  const nA = fractalNoise(hash32(s, 31), c.x, c.y, 380, 3);
  const nB = fractalNoise(hash32(s, 32), c.x, c.y, 650, 3);
  const nC = fractalNoise(hash32(s, 33), c.x, c.y, 220, 2);
  const trunkValley = c.river >= 0 && land.rivers[c.river].order === 1;

  if (c.e < 5 && c.slopeDeg < 6) {
    if (trunkValley && nC > 0.7) return u < 0.6 ? '1104A' : '1104';
    if (u < 0.012) return '1104';
    if (u < 0.022) return '1202';
    if (nA > 0.45) return '0103';
    if (nA < -0.45) return nB > 0.25 ? '0201K' : nB > -0.1 ? '0302K' : '0301K';
    if (nB > 0.55) return '0202K';
    return '0101';
  }
  if (c.e < 220 && c.slopeDeg < 25) {
    if (nA > 0) return '0202';
    if (nA < -0.4) return u < 0.04 ? '1203' : '0103';
    if (nB > 0.3) return '0201';
    return nB < -0.35 ? '0301' : '0302';
  }
  if (c.slopeDeg > 40 && u < 0.25) return '1207';
  if (c.surfaceZ > 470 + 80 * nC) return nC > 0.5 ? '0404' : '0305';
  if (nB > -0.05) return '0302';
  if (nB < -0.6) return '0307';
  return '0301';
}

function pick(mix: readonly (readonly [string, number])[], u: number): string {
  let r = u;
  for (const [code, share] of mix) {
    if (r < share) return code;
    r -= share;
  }
  return mix[mix.length - 1][0];
}
