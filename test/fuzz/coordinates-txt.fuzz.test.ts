import { it } from 'vitest';
import { expectFuzzClean } from './expect-fuzz';

it('fuzz: damaged coordinate text files end in parcels or a catalogued InputError', async () => {
  await expectFuzzClean('coordinates-txt');
}, 120_000);
