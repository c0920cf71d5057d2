import { it } from 'vitest';
import { expectFuzzClean } from './expect-fuzz';

it('fuzz: damaged KML ends in features or a catalogued InputError', async () => {
  await expectFuzzClean('kml');
}, 120_000);
