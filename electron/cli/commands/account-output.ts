/** `vep account --out PATH`: the result written by the target's extension (docs/design/cli.md), by the host's writers. */
import path from 'node:path';
import type { Lang } from '#core';
import { outputOfAccount, writeAccountOutput as writeOutput } from '../../host/reports/account-output';
import type { AccountOutcome } from '../../host/services/account';

/** Writes the outcome to `target` (.json, .csv + .summary.csv, .xlsx, .gpkg, .pdf); returns the files written. */
export async function writeAccountOutput(target: string, outcome: AccountOutcome, redLineName: string, bufferM: number, lang: Lang): Promise<string[]> {
  return writeOutput(target, outputOfAccount(outcome, { redline: outcome.redline, redLineName, lang, params: outcome.params, bufferM }));
}

/** The red line's name in reports: its file name without the extension. */
export function redLineNameOf(file: string): string {
  return path.basename(file, path.extname(file));
}
