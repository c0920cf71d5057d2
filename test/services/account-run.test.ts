/**
 * The app's accounting path (a stored red line against a project layer, in a worker, recorded in the project) and
 * the `vep account` path (files, in-process) must give the same numbers: one engine behind both doors.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAccount } from '../../electron/host/services/account';
import { accountProjectRedline } from '../../electron/host/services/account-run';
import { ProjectStore } from '../../electron/host/store/project-store';

const SAMPLE = path.resolve(__dirname, '..', '..', 'sample-data');

describe('accounting in the project', () => {
  let store: ProjectStore;

  beforeAll(() => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vep-account-run-'));
    const file = path.join(dir, 'project.vep.gpkg');
    copyFileSync(path.join(SAMPLE, 'anji-sample.vep.gpkg'), file);
    store = ProjectStore.open(file);
  });

  afterAll(() => store.close());

  it('gives the numbers vep account gives for the same red line, and records the run with its pieces', async () => {
    const redLine = store.redLines.list().find((r) => r.source?.includes('redline-1'));
    expect(redLine, 'the sample project stores redline-1').toBeDefined();
    const phases = new Set<string>();
    const run = await accountProjectRedline(store, { redLineId: redLine!.id, bufferM: 1000, modes: 'auto' }, (p) => phases.add(p.phase));
    const cli = await runAccount({ parcels: { kind: 'file', file: path.join(SAMPLE, 'dltb', 'DLTB.shp') }, redline: { kind: 'file', file: path.join(SAMPLE, 'redlines', 'redline-1.txt') }, bufferM: 1000, modes: 'auto' });

    expect(run.result.zones).toEqual(cli.result.zones);
    expect(run.result.services).toEqual(cli.result.services);
    expect(run.result.premium).toEqual(cli.result.premium);
    expect(run.result.parcels).toEqual(cli.result.parcels);
    expect(phases.has('redline')).toBe(true);

    const stored = store.runs.get(run.runId);
    expect(stored.status).toBe('succeeded');
    expect(stored.pieceCount).toBe(run.result.parcels.length);
    expect(stored.summary).toEqual(run.result);
    const pieces = store.runs.pieces(run.runId, { limit: 10_000 });
    const area = pieces.reduce((s, p) => s + p.areaM2, 0);
    expect(area).toBeCloseTo(run.result.zones.total.area, 0);
  });

  it('records a cancelled run as cancelled and leaves the project usable', async () => {
    const redLine = store.redLines.list()[0];
    const controller = new AbortController();
    controller.abort();
    await expect(accountProjectRedline(store, { redLineId: redLine.id, bufferM: 1000 }, undefined, controller.signal)).rejects.toMatchObject({ code: 'CANCELLED' });
    const last = store.runs.list().reduce((a, b) => (b.id > a.id ? b : a));
    expect(last.status).toBe('cancelled');
    expect(store.integrityCheck()).toEqual(['ok']);
  });
});
