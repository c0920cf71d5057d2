/**
 * The batch workbook of many red lines: each red line accounted by the host's account service (the app through
 * services/account-run.ts, the CLI through runAccount — never a second accounting), then one workbook with a
 * summary row per red line and a sheet per red line (workbook/batch-workbook.ts). A red line that cannot be
 * accounted (bad geometry, outside the parcels…) gets a summary row with the reason; the others go on.
 */
import { CancelledError, errorMessage, InputError, toErrorShape, type AccountResult, type Lang, type ParameterSet, type Progress } from '#core';
import { buildBatchWorkbook, type BatchEntry } from './workbook/batch-workbook';
import { writeWorkbook } from './workbook/appraisal-workbook';

/** One red line of a batch: its name and how to account it. */
export interface BatchItem<T> {
  name: string;
  /** Accounts this red line; `T` is what the caller keeps of it (e.g. the stored run's id). */
  account: (signal?: AbortSignal) => Promise<{ result: AccountResult; params: ParameterSet | null; kept: T }>;
}

export interface BatchOutcome<T> {
  entries: (BatchEntry & { kept: T | null })[];
}

/** At most this many red lines in one batch: a workbook of more sheets than this is not something one files. */
export const MAX_BATCH_RED_LINES = 1000;

/**
 * Accounts every item in order. Input errors of one item are recorded as its summary row's reason, in `lang`.
 * @throws InputError BATCH_EMPTY, BATCH_TOO_MANY; CancelledError when `signal` aborts; bugs as they come.
 */
export async function accountBatch<T>(items: readonly BatchItem<T>[], lang: Lang, onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<BatchOutcome<T>> {
  if (items.length === 0) throw new InputError('BATCH_EMPTY', {});
  if (items.length > MAX_BATCH_RED_LINES) throw new InputError('BATCH_TOO_MANY', { count: items.length, limit: MAX_BATCH_RED_LINES });
  const entries: BatchOutcome<T>['entries'] = [];
  for (const [i, item] of items.entries()) {
    if (signal?.aborted) throw new CancelledError();
    onProgress?.({ phase: 'batch', done: i, total: items.length });
    try {
      const { result, params, kept } = await item.account(signal);
      entries.push({ name: item.name, result, params, kept });
    } catch (e) {
      // Errors from a worker arrive rebuilt from their shape: test the name, not the class.
      if (toErrorShape(e).name !== 'InputError') throw e;
      entries.push({ name: item.name, result: null, error: errorMessage(e, lang), kept: null });
    }
  }
  onProgress?.({ phase: 'batch', done: items.length, total: items.length });
  return { entries };
}

/**
 * Writes the batch workbook of accounted entries to `target` (.xlsx), atomically.
 * @throws InputError EXPORT_TARGET_DIR_MISSING, EXPORT_WRITE_FAILED
 */
export async function writeBatchWorkbook(target: string, entries: readonly BatchEntry[], lang: Lang, generatedAt?: Date): Promise<void> {
  await writeWorkbook(target, buildBatchWorkbook(entries, lang, generatedAt));
}
