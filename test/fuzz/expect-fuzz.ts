/**
 * The assertion every per-parser fuzz test makes: every case ended in data or a catalogued InputError, and the
 * mutations reached both outcomes (a fuzzer whose inputs all fail at the first byte tests nothing).
 */
import { expect } from 'vitest';
import { describeFailures, runFuzz } from './run-fuzz';
import { TARGET_CASES } from './target-cases';

export async function expectFuzzClean(target: keyof typeof TARGET_CASES): Promise<void> {
  const report = await runFuzz(target, TARGET_CASES[target]);
  expect(describeFailures(report)).toEqual([]);
  const ended = Object.values(report.outcomes).reduce((a, b) => a + b, 0);
  expect(ended).toBe(report.cases);
  if (report.cases >= 100) {
    expect(report.outcomes.data ?? 0).toBeGreaterThan(0);
    expect(Object.keys(report.outcomes).filter((k) => k !== 'data').length).toBeGreaterThan(1);
  }
}
