/**
 * Saving and restoring the workspace view in the project file (key `workspace`), debounced so panning the map
 * writes at most every half second.
 */
import { invoke } from '../api';
import { DEFAULT_VIEW, persistedView, workspace, type PersistedView } from './workspace';

const KEY = 'workspace';
const DEBOUNCE_MS = 500;

/** Reads the saved view (defaults for anything missing or malformed). */
export async function loadView(): Promise<PersistedView> {
  const saved = (await invoke('project:getState', { key: KEY })) as Partial<PersistedView> | null;
  if (!saved || typeof saved !== 'object') return DEFAULT_VIEW;
  return { ...DEFAULT_VIEW, ...saved, panelSizes: { ...DEFAULT_VIEW.panelSizes, ...(saved.panelSizes ?? {}) } };
}

/** Starts saving the view whenever it changes; returns the stop function. */
export function autosaveView(): () => void {
  let last = JSON.stringify(persistedView(workspace.get()));
  let timer: ReturnType<typeof setTimeout> | null = null;
  const unsubscribe = workspace.subscribe(() => {
    const s = workspace.get();
    if (!s.project) return;
    const now = JSON.stringify(persistedView(s));
    if (now === last) return;
    last = now;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      void invoke('project:setState', { key: KEY, value: JSON.parse(now) }).catch((e: unknown) => console.error('saving the workspace view failed', e));
    }, DEBOUNCE_MS);
  });
  return () => {
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
}
