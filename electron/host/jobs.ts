/**
 * Long-running calls carry a client-chosen `jobId`: the host keeps an AbortController per running job so
 * `job:cancel` can stop it, and forwards the job's progress as events. One registry per host.
 */
import type { Progress, TaskContext } from '#core';

export class JobRegistry {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly emitProgress: (jobId: string, progress: Progress) => void) {}

  /** Runs `task` as job `jobId` (rejecting a second job with the same id) and forgets it when it settles. */
  async run<T>(jobId: string, task: (ctx: TaskContext & { signal: AbortSignal }) => Promise<T>): Promise<T> {
    if (this.running.has(jobId)) throw new Error(`job ${jobId} is already running`);
    const controller = new AbortController();
    this.running.set(jobId, controller);
    try {
      return await task({ signal: controller.signal, onProgress: (p) => this.emitProgress(jobId, p) });
    } finally {
      this.running.delete(jobId);
    }
  }

  /** Asks a running job to stop; false when no such job runs (it may have finished already). */
  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId);
    controller?.abort();
    return controller !== undefined;
  }

  /** Stops every running job, e.g. when the window closes. */
  cancelAll(): void {
    for (const c of this.running.values()) c.abort();
  }
}
