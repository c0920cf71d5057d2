import { it } from 'vitest';
import { expectFuzzClean } from './expect-fuzz';

it('fuzz: damaged DBF tables end in rows or a catalogued InputError', async () => {
  await expectFuzzClean('dbf');
}, 120_000);
