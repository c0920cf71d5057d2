import { it } from 'vitest';
import { expectFuzzClean } from './expect-fuzz';

it('fuzz: damaged GeoJSON ends in features or a catalogued InputError', async () => {
  await expectFuzzClean('geojson');
}, 120_000);
