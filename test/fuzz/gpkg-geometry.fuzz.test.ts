import { it } from 'vitest';
import { expectFuzzClean } from './expect-fuzz';

it('fuzz: damaged GeoPackage geometry blobs end in a geometry or a catalogued InputError', async () => {
  await expectFuzzClean('gpkg-geometry');
}, 120_000);
