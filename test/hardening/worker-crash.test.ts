/**
 * A worker that dies mid-job: the accounting worker is started with a heap far too small for its work, so V8 ends
 * the thread with an out-of-memory error — a real crash, not a stand-in. Through the web host, as the browser
 * calls it: the call answers a typed error, the host goes on answering, the failed run is recorded, the next run
 * succeeds, and the project file is intact when opened afresh.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Host } from '../../electron/host/host';
import { ProjectStore } from '../../electron/host/store/project-store';
import { startWebHost, type WebHost } from '../../electron/web';
import { callApi, type ApiReply } from '../web-client';

const SAMPLE = path.resolve(__dirname, '..', '..', 'sample-data', 'anji-sample.vep.gpkg');


describe('a crashed accounting worker', () => {
  let web: WebHost;
  let host: Host;
  let file: string;

  const call = (channel: string, body?: unknown) => callApi(web, channel, body);

  beforeAll(async () => {
    file = path.join(mkdtempSync(path.join(os.tmpdir(), 'vep-crash-')), 'project.vep.gpkg');
    copyFileSync(SAMPLE, file);
    host = new Host({ transport: 'web', projectPath: file });
    await host.start();
    web = await startWebHost({ host, rendererDir: path.dirname(file), port: 0 });
  });

  afterAll(async () => {
    delete process.env.VEP_WORKER_MAX_HEAP_MB;
    await web.close();
    await host.close();
  });

  it('answers JOB_OUT_OF_MEMORY, keeps serving, records the failure, and the next run succeeds', async () => {
    const listed = await call('redlines:list');
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    const redLines = listed.body.value as { id: number }[];
    expect(redLines.length).toBeGreaterThan(0);
    const runsBefore = ((await call('account:runs')).body.value as unknown[]).length;

    process.env.VEP_WORKER_MAX_HEAP_MB = '16';
    const crashed = await call('account:run', { jobId: 'crash-1', redLineId: redLines[0].id, bufferM: 1000, mode: 'auto' });
    delete process.env.VEP_WORKER_MAX_HEAP_MB;
    expect(crashed.status).toBe(400);
    expect(crashed.body.error).toMatchObject({ name: 'InputError', code: 'JOB_OUT_OF_MEMORY', details: { job: 'account', limitMb: 16 } });

    // The host answers at once: its event loop and the project are untouched by the dead thread.
    expect((await call('app:info')).status).toBe(200);
    const runs = (await call('account:runs')).body.value as { id: number; status: string }[];
    expect(runs).toHaveLength(runsBefore + 1);
    expect(runs.reduce((a, b) => (b.id > a.id ? b : a)).status).toBe('failed');

    const ok = await call('account:run', { jobId: 'after-crash', redLineId: redLines[0].id, bufferM: 1000, mode: 'auto' });
    expect(ok.status, JSON.stringify(ok.body.error)).toBe(200);
    expect((ok.body.value as { runId: number }).runId).toBeGreaterThan(0);
  });

  it('cancels a run in the middle: job:cancel at its first progress ends it as CANCELLED, recorded as cancelled', async () => {
    const redLines = (await call('redlines:list')).body.value as { id: number }[];
    let cancelled: Promise<ApiReply> | null = null;
    const unsubscribe = host.onEvent((event) => {
      if (event.type === 'progress' && event.jobId === 'cancel-me' && cancelled === null) cancelled = call('job:cancel', { jobId: 'cancel-me' });
    });
    try {
      const reply = await call('account:run', { jobId: 'cancel-me', redLineId: redLines[0].id, bufferM: 1000, mode: 'auto' });
      expect(cancelled, 'the run reported progress before it ended').not.toBeNull();
      expect((await cancelled!).body.value).toEqual({ cancelled: true });
      expect(reply.status).toBe(400);
      expect(reply.body.error).toMatchObject({ code: 'CANCELLED' });
    } finally {
      unsubscribe();
    }
    const runs = (await call('account:runs')).body.value as { id: number; status: string }[];
    expect(runs.reduce((a, b) => (b.id > a.id ? b : a)).status).toBe('cancelled');
    expect((await call('app:info')).status).toBe(200);
  });

  it('leaves a project file that opens intact, with the failed, cancelled and succeeded runs recorded', async () => {
    await web.close();
    await host.close();
    const store = ProjectStore.open(file);
    try {
      expect(store.integrityCheck()).toEqual(['ok']);
      const statuses = store.runs.list().map((r) => r.status);
      expect(statuses).toContain('failed');
      expect(statuses).toContain('succeeded');
      expect(statuses).toContain('cancelled');
    } finally {
      store.close();
    }
    // Reopen the host for afterAll.
    host = new Host({ transport: 'web', projectPath: file });
    await host.start();
    web = await startWebHost({ host, rendererDir: path.dirname(file), port: 0 });
  });
});
