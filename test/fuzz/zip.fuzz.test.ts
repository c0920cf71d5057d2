import { it } from 'vitest';
import { expectFuzzClean } from './expect-fuzz';

it('fuzz: damaged and hostile zips end in a shapefile or a catalogued InputError', async () => {
  await expectFuzzClean('zip');
}, 120_000);
