/**
 * Administrative units: villages (村级调查区, CJDCQ) as wiggly Voronoi regions around jittered centres, and
 * townships (乡镇, XZQ) as groups of villages — every village lies wholly in one township, as in the survey.
 * Names and codes are invented (docs/methods/sandiao-data.md §2.1 code structure: 6-digit county + 3-digit
 * township + 3-digit village + 7-digit tail).
 */
import { fractalNoise } from './noise';
import { hash32, hashUnit, Rng } from './prng';
import type { Extent } from './river-network';

export interface Township {
  /** 9-digit XZQDM. */
  code: string;
  name: string;
}

export interface Village {
  /** 12-digit village code (ZLDWDM without the 7-digit tail). */
  code: string;
  name: string;
  township: Township;
}

/** The county code of Anji, Zhejiang (GB/T 2260); the sample only borrows its location and code. */
export const COUNTY_CODE = '330523';

const HEAD = '竹茶溪石龙桥山岭坞塘湾源峰杨林梅桃花白金银安福丰和新大小长青松柏兰凤鹤云泉潭';
const TAIL = '溪坞岭山桥塘湾源坑坪口里头垓庄墅田川冲埠';
const TOWN_TAIL = ['镇', '镇', '乡'];

interface Centre {
  i: number;
  j: number;
  x: number;
  y: number;
}

export class Villages {
  readonly townships: Township[] = [];
  private readonly villages = new Map<number, Village>();

  /**
   * @param extent the county extent, local metres (every village centre inside it gets a name and code).
   * @param spacingM the distance between village centres (about √ of a village's area).
   */
  constructor(
    private readonly seed: number,
    extent: Extent,
    private readonly spacingM: number,
  ) {
    const townSpacing = spacingM * 3;
    const towns = new Map<number, Centre[]>();
    for (let j = Math.floor(extent.maxY / spacingM) + 1; j >= Math.floor(extent.minY / spacingM) - 1; j--) {
      for (let i = Math.floor(extent.minX / spacingM) - 1; i <= Math.floor(extent.maxX / spacingM) + 1; i++) {
        const c = this.centre(i, j, spacingM, 0);
        const ti = Math.floor(c.x / townSpacing);
        const tj = Math.floor(c.y / townSpacing);
        const key = cellKey(ti, tj);
        let list = towns.get(key);
        if (!list) towns.set(key, (list = []));
        list.push(c);
      }
    }
    // Codes are handed out in lattice order (west to east, then south to north within a column of townships).
    const names = new Set<string>();
    const rng = new Rng(hash32(seed, 99));
    const townKeys = [...towns.keys()].sort((a, b) => a - b);
    townKeys.forEach((key, t) => {
      const township: Township = { code: COUNTY_CODE + String(101 + t).padStart(3, '0'), name: uniqueName(rng, names, TOWN_TAIL[t % 3]) };
      this.townships.push(township);
      towns.get(key)!.forEach((c, v) => {
        this.villages.set(cellKey(c.i, c.j), { code: township.code + String(201 + v).padStart(3, '0'), name: uniqueName(rng, names, '村'), township });
      });
    });
  }

  /** The village (and through it the township) of a point. */
  at(x: number, y: number): Village {
    const ci = Math.floor(x / this.spacingM);
    const cj = Math.floor(y / this.spacingM);
    let best: Centre | null = null;
    let bestD = Infinity;
    for (let i = ci - 1; i <= ci + 1; i++) {
      for (let j = cj - 1; j <= cj + 1; j++) {
        const c = this.centre(i, j, this.spacingM, 0);
        // Each centre's distance gets its own noise, so boundaries wander instead of running straight.
        const d = Math.hypot(x - c.x, y - c.y) + 0.22 * this.spacingM * fractalNoise(hash32(this.seed, i, j), x, y, this.spacingM * 0.8, 3);
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
    }
    const v = this.villages.get(cellKey(best!.i, best!.j));
    if (!v) throw new Error(`no village centre near (${x}, ${y}): the point is outside the county extent`);
    return v;
  }

  private centre(i: number, j: number, spacing: number, salt: number): Centre {
    return { i, j, x: (i + 0.2 + 0.6 * hashUnit(this.seed, i, j, salt, 1)) * spacing, y: (j + 0.2 + 0.6 * hashUnit(this.seed, i, j, salt, 2)) * spacing };
  }
}

function cellKey(i: number, j: number): number {
  return (i + 32768) * 65536 + (j + 32768);
}

/** A name not used yet: two characters and the suffix, or three once two-character names grow scarce. */
function uniqueName(rng: Rng, taken: Set<string>, suffix: string): string {
  for (let tries = 0; ; tries++) {
    const middle = tries < 50 ? '' : HEAD[rng.int(HEAD.length)];
    const name = HEAD[rng.int(HEAD.length)] + middle + TAIL[rng.int(TAIL.length)] + suffix;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}
