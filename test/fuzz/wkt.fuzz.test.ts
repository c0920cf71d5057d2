import { it } from 'vitest';
import { expectFuzzClean } from './expect-fuzz';

it('fuzz: damaged .prj / WKT text ends in a CRS or a catalogued InputError', async () => {
  await expectFuzzClean('wkt');
}, 120_000);
