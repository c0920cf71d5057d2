/** `vep account --out PATH`: the result written by the target's extension. */
import { writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '#core';
import type { AccountOutcome } from '../../host/services/account';
import { UsageError } from '../args';

export const ACCOUNT_OUT_EXTENSIONS = ['.json', '.csv', '.xlsx', '.gpkg'] as const;

export async function writeAccountOutput(target: string, outcome: AccountOutcome, lang: Lang): Promise<void> {
  const ext = path.extname(target).toLowerCase();
  void lang;
  if (ext === '.json') {
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(outcome.result)}\n`);
    renameSync(temp, target);
    return;
  }
  throw new UsageError(`--out must end in ${ACCOUNT_OUT_EXTENSIONS.join(', ')}`);
}
