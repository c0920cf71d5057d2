import { it } from 'vitest';
import { expectFuzzClean } from './expect-fuzz';

it('fuzz: damaged .shp/.shx/.dbf sets end in features or a catalogued InputError', async () => {
  await expectFuzzClean('shapefile');
}, 120_000);
