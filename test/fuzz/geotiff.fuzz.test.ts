import { it } from 'vitest';
import { expectFuzzClean } from './expect-fuzz';

it('fuzz: damaged GeoTIFF headers and blocks end in pixels or a catalogued InputError', async () => {
  await expectFuzzClean('geotiff');
}, 120_000);
