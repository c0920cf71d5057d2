/**
 * Long host calls as jobs: a client-chosen id, progress from host events, and cancel through `job:cancel`. The
 * jobs bar shows every running job with its progress and a cancel button.
 */
import type { Progress } from '#core';
import { invoke, onHostEvent } from '../api';
import { createStore } from './create-store';

export interface JobView {
  id: string;
  /** i18n key of what the job does (e.g. "import.running"). */
  labelKey: string;
  progress: Progress | null;
}

export const jobs = createStore<{ running: JobView[] }>({ running: [] });

let counter = 0;
let listening = false;

function listen(): void {
  if (listening) return;
  listening = true;
  onHostEvent((event) => {
    if (event.type !== 'progress') return;
    jobs.set((s) => ({ running: s.running.map((j) => (j.id === event.jobId ? { ...j, progress: event.progress } : j)) }));
  });
}

/** Runs `call` as a job with a fresh id; the job shows in the jobs bar until it settles. */
export async function runJob<T>(labelKey: string, call: (jobId: string) => Promise<T>): Promise<T> {
  listen();
  const id = `job-${Date.now().toString(36)}-${(counter++).toString(36)}`;
  jobs.set((s) => ({ running: [...s.running, { id, labelKey, progress: null }] }));
  try {
    return await call(id);
  } finally {
    jobs.set((s) => ({ running: s.running.filter((j) => j.id !== id) }));
  }
}

/** Asks the host to stop a job; its call then rejects with CANCELLED. */
export function cancelJob(id: string): Promise<unknown> {
  return invoke('job:cancel', { jobId: id });
}

/** A job's progress as 0…100, or null when its total is unknown. */
export function percentOf(p: Progress | null): number | null {
  if (!p || p.total === null || p.total === undefined || p.total <= 0) return null;
  return Math.max(0, Math.min(100, Math.round((p.done / p.total) * 100)));
}
