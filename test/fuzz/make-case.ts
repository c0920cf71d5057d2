/**
 * One fuzz case from the run seed and the case number: a seed file set, one (sometimes two) of its files mutated.
 * Deterministic, so a failing case is reproduced by its number alone.
 */
import { mutate } from './mutate';
import { caseRng } from '../prng';
import type { FuzzSeed } from './fuzz-targets';

export interface FuzzCase {
  seedName: string;
  files: Record<string, Uint8Array>;
  mutated: string[];
}

export function makeCase(seeds: readonly FuzzSeed[], dictionary: readonly string[], runSeed: number, target: string, caseIndex: number): FuzzCase {
  const rng = caseRng(runSeed, target, caseIndex);
  const seed = rng.pick(seeds);
  const roles = Object.keys(seed.files);
  const files = { ...seed.files };
  const donors = seeds.flatMap((s) => Object.values(s.files));
  const mutated = new Set<string>();
  const rounds = roles.length > 1 && rng.int(5) === 0 ? 2 : 1;
  for (let r = 0; r < rounds; r++) {
    const role = rng.pick(roles);
    mutated.add(role);
    files[role] = mutate(files[role], rng, { fields: seed.fields[role] ?? [], donors, dictionary });
  }
  return { seedName: seed.name, files, mutated: [...mutated] };
}
