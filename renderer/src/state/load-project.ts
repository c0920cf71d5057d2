/**
 * Start-up and refresh: reads the open project, restores the saved view, the red lines and the latest result.
 */
import { parcelLayerOf } from '#core';
import { invoke } from '../api';
import { scheduleChecks } from '../draw/draw-session';
import { loadView } from './persist';
import { DEFAULT_VIEW, reconcileOrder, workspace } from './workspace';

/** Loads the project and everything the workspace shows of it. */
export async function loadProject(): Promise<void> {
  // The saved view is asked for alongside the status (the map waits for both); without a project it is not used.
  const saved = loadView().catch(() => DEFAULT_VIEW);
  const status = await invoke('project:status');
  if (!status.project) {
    workspace.set({ ready: true, project: null, projectError: status.error });
    return;
  }
  const view = await saved;
  const project = status.project;
  const parcelLayer = parcelLayerOf(project.layers);
  workspace.set({
    ...view,
    ready: true,
    project,
    projectError: null,
    layerOrder: reconcileOrder(view.layerOrder, project.layers),
    activeLayerId: parcelLayer?.id ?? null,
  });
  await Promise.all([refreshRedLines(), loadLatestResult()]);
}

/** Re-reads the layer list after an import or removal. */
export async function refreshLayers(): Promise<void> {
  const layers = await invoke('layers:list');
  workspace.set((s) => ({
    project: s.project ? { ...s.project, layers } : s.project,
    layerOrder: reconcileOrder(s.layerOrder, layers),
    activeLayerId: layers.some((l) => l.id === s.activeLayerId) ? s.activeLayerId : (parcelLayerOf(layers)?.id ?? null),
  }));
}

export async function refreshRedLines(): Promise<void> {
  const redLines = await invoke('redlines:list');
  workspace.set((s) => ({
    redLines,
    activeRedLineId: redLines.some((r) => r.id === s.activeRedLineId) ? s.activeRedLineId : (redLines[redLines.length - 1]?.id ?? null),
  }));
  scheduleChecks();
}

/** Re-reads the list of accounting runs (after a run ends, however it ended). */
export async function refreshRuns(): Promise<void> {
  const runs = await invoke('account:runs');
  workspace.set({ runs: [...runs].sort((a, b) => a.id - b.id) });
}

/** Shows the stored result of run `runId`. */
export async function openRun(runId: number): Promise<void> {
  workspace.set({ result: { runId, result: await invoke('account:result', { runId }) } });
}

async function loadLatestResult(): Promise<void> {
  await refreshRuns();
  const last = [...workspace.get().runs].reverse().find((r) => r.status === 'succeeded');
  if (!last) return;
  try {
    await openRun(last.id);
  } catch (e) {
    console.error('cannot read the latest result', e);
  }
}
