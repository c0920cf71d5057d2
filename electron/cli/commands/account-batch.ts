/**
 * `vep account --redline FOLDER|FILE --out BOOK.xlsx`: many red lines into one batch workbook (a summary row per
 * red line and a sheet per red line). Each red line is accounted by runAccount exactly as a single
 * `vep account --redline FILE [--redline-index N]` would; one that cannot be accounted gets its reason in its
 * summary row and on stderr, and the command exits 1 after writing the workbook.
 */
import type { Lang } from '#core';
import { accountBatch, writeBatchWorkbook } from '../../host/reports/batch-account';
import type { BatchRedline } from '../../host/reports/batch-redlines';
import { runAccount, type AccountJob } from '../../host/services/account';
import type { CliIo } from '../command';
import { endProgress, progressReporter } from '../progress';

/** Accounts every red line with `job`'s other inputs, writes the workbook; returns the exit code. */
export async function runAccountBatch(job: AccountJob, redlines: readonly BatchRedline[], target: string, json: boolean, io: CliIo): Promise<number> {
  const lang: Lang = io.lang;
  const onProgress = progressReporter(io, false);
  const items = redlines.map((r) => ({
    name: r.name,
    account: async (signal?: AbortSignal) => {
      const outcome = await runAccount({ ...job, redline: r.redline }, { onProgress, signal });
      return { result: outcome.result, params: outcome.params, kept: null };
    },
  }));
  const { entries } = await accountBatch(items, lang, onProgress);
  endProgress(io);
  await writeBatchWorkbook(target, entries, lang);
  for (const e of entries) if (!e.result) io.stderr(`${e.name}: ${e.error ?? ''}\n`);
  if (json) {
    io.stdout(`${JSON.stringify({ redlines: entries.map((e) => (e.result ? { name: e.name, result: e.result } : { name: e.name, error: e.error ?? '' })) })}\n`);
  } else {
    const zh = lang === 'zh';
    const lines = [zh ? '红线\t红线面积 m²\t价值指数 元/m²/a\t档次' : 'red line\tarea m²\tpremium index 元/m²/a\ttier'];
    for (const e of entries) lines.push(e.result ? `${e.name}\t${e.result.redline.area}\t${e.result.premium.unitValue ?? '-'}\t${e.result.premium.tier ?? '-'}` : `${e.name}\t${zh ? '失败' : 'failed'}`);
    io.stdout(`${lines.join('\n')}\n`);
  }
  return entries.every((e) => e.result) ? 0 : 1;
}
