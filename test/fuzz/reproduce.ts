/**
 * Runs one fuzz case in this process, for debugging a failure the suite reported:
 *   npx tsx test/fuzz/reproduce.ts <target> <case> [seed]
 * It prints the seed file, what was mutated and how the case ended (a hang shows as a process that does not end;
 * run it with `node --import tsx --report-on-signal` and send SIGUSR2 for the stack).
 */
import { installAllocationGuard } from './alloc-guard';

installAllocationGuard();
const [target, caseText, seedText] = process.argv.slice(2);
const { TARGETS } = await import('./fuzz-targets');
const { makeCase } = await import('./make-case');
const { fuzzSettings } = await import('./run-fuzz');
const seed = seedText ? Number(seedText) : fuzzSettings(0).seed;
const t = TARGETS[target];
const input = makeCase(t.seeds(), t.dictionary, seed, target, Number(caseText));
console.log(`${target} case ${caseText} (seed ${seed}): ${input.seedName}, mutated ${input.mutated.join('+')}`);
try {
  await t.parse(input.files, input.seedName);
  console.log('ended in data');
} catch (e) {
  console.log('ended in', e);
}
