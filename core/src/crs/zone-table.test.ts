import { readFileSync } from 'node:fs';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { gaussKrugerCrs, knownCrsFromEpsg, zoneOfEpsg } from './zone-table';

/** Every code of the zone table as PROJ knows it (made by core/fixtures/crs/make-epsg-table.py). */
const proj: Record<string, { name: string; proj4: string }> = JSON.parse(readFileSync(new URL('../../fixtures/crs/epsg-table.json', import.meta.url), 'utf8'));

/** proj4 parameters that define the geometry of a tmerc/longlat CRS, for comparing two definitions. */
function params(def: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of def.matchAll(/\+(\w+)(?:=(\S+))?/g)) out[m[1]] = m[2] ?? '';
  // IAU76 is the Xian 1980 ellipsoid: a = 6378140, 1/f = 298.257.
  if (out.ellps === 'IAU76') { delete out.ellps; out.a = '6378140'; out.rf = '298.257'; }
  delete out.no_defs; delete out.type;
  return out;
}

describe('Chinese zone table', () => {
  const chineseCodes = Object.keys(proj).map(Number).filter((c) => c !== 4326 && c !== 3857 && knownCrsFromEpsg(c) !== null);

  it('covers all 192 projected codes and the three geographic CRSs', () => {
    expect(chineseCodes.filter((c) => zoneOfEpsg(c) !== null)).toHaveLength(192);
    for (const c of [4490, 4610, 4214]) expect(knownCrsFromEpsg(c)?.kind).toBe('geographic');
  });

  it('gives the name and the definition PROJ gives for every code', () => {
    for (const code of [...chineseCodes, 4326, 3857]) {
      const ours = knownCrsFromEpsg(code);
      expect(ours?.epsg, `EPSG:${code}`).toBe(code);
      expect(ours?.name, `EPSG:${code}`).toBe(proj[code].name);
      expect(params(ours!.proj4), `EPSG:${code}`).toEqual(params(proj[code].proj4));
    }
  });

  it('knows nothing outside the table', () => {
    // The codes just below and above each range are other CRSs (Hong Kong 1980, JGD2000, …).
    for (const code of [2326, 2443, 4489, 4555, 21412, 21424, 21452, 21464]) expect(knownCrsFromEpsg(code), `EPSG:${code}`).toBeNull();
  });

  it('builds zone 40 with prefix as EPSG:4528 and projects a point 1 km east of CM 120°E', () => {
    const crs = gaussKrugerCrs({ datum: 'CGCS2000', width: 3, zone: 40, prefixed: true });
    expect(crs.epsg).toBe(4528);
    expect(crs.transverseMercator?.falseEasting).toBe(40_500_000);
    const [x] = proj4(crs.proj4, '+proj=longlat +ellps=GRS80 +no_defs', [40_501_000, 3_400_000]);
    expect(x).toBeGreaterThan(120);
    expect(x).toBeLessThan(120.02);
  });
});
