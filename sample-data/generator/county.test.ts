import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesSource, openShapefile, validateDltb } from '#core';
import { generateCounty, type CountySummary } from './county';

const PYTHON = '/usr/bin/python3';
const hasGdal = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import osgeo.ogr, pyproj']).status === 0;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'vep-county-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const digest = (dir: string) => Object.fromEntries(['shp', 'shx', 'dbf', 'prj'].map((ext) => [ext, createHash('sha256').update(readFileSync(path.join(dir, `DLTB.${ext}`))).digest('hex')]));

describe('a generated county (two tiles, a different seed from the sample)', () => {
  const dir = path.join(tmp, 'a');
  let summary: CountySummary;
  beforeAll(() => {
    summary = generateCounty(dir, { parcels: 2000, seed: 7 });
  }, 120_000);

  it('is written tile by tile until the target is reached', () => {
    expect(summary.tiles).toBe(2);
    expect(summary.parcels).toBeGreaterThanOrEqual(2000);
  });

  it('comes out byte-identical when generated again', () => {
    const again = path.join(tmp, 'b');
    generateCounty(again, { parcels: 2000, seed: 7 });
    expect(digest(again)).toEqual(digest(dir));
  }, 120_000);

  it('holds every parcel written, and passes the §2.3 checks', () => {
    const source = openShapefile({
      shp: bytesSource(readFileSync(path.join(dir, 'DLTB.shp'))),
      shx: bytesSource(readFileSync(path.join(dir, 'DLTB.shx'))),
      dbf: bytesSource(readFileSync(path.join(dir, 'DLTB.dbf'))),
      name: 'DLTB',
    });
    const features = [...source.features()];
    expect(features).toHaveLength(summary.parcels);
    expect(validateDltb(features, source.fields).issues).toEqual([]);
  });

  it.runIf(hasGdal)('tiles meet exactly: GEOS finds one gapless, overlap-free polygon across the seam', () => {
    const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'gdal-check.py');
    const r = JSON.parse(execFileSync(PYTHON, [script, 'dltb', path.join(dir, 'DLTB.shp')], { encoding: 'utf8', maxBuffer: 64 << 20 }));
    expect(r.count).toBe(summary.parcels);
    expect(r.invalid).toBe(0);
    expect([r.unionParts, r.unionHoles]).toEqual([1, 0]);
    expect(Math.abs(r.sumPlanar - r.unionPlanar)).toBeLessThan(0.01);
    expect(r.maxAreaDiff).toBeLessThan(0.006);
  }, 120_000);
});
