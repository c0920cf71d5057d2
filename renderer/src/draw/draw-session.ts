/**
 * The red-line drawing workflow the toolbar, keyboard shortcuts and panels drive: draw, edit, pick parcels, undo,
 * redo, cancel — and after every change, the live checks (validation markers and the impact ring, both computed by
 * the host with core, debounced).
 */
import type { Polygon } from '#core';
import type { LonLatPolygonal } from '../../../electron/host/api';
import { invoke } from '../api';
import { errorText, langOf } from '../format/error-text';
import { i18n } from '../i18n/index';
import { createStore } from '../state/create-store';
import { workspace } from '../state/workspace';
import type { DrawController } from './draw-controller';

export const drawHistory = createStore({ canUndo: false, canRedo: false });

let controller: DrawController | null = null;
let checkTimer: ReturnType<typeof setTimeout> | null = null;
let checkSeq = 0;
const CHECK_DEBOUNCE_MS = 200;

/** Connects the session to the map's controller (once the map exists). */
export function attachController(c: DrawController | null): void {
  controller = c;
}

export function snapController(): DrawController | null {
  return controller;
}

/** Sets the draft red line and schedules its checks. */
export function setDraft(draft: LonLatPolygonal | null): void {
  workspace.set({ draft });
  scheduleChecks();
}

export function startDraw(): void {
  if (!controller) return;
  workspace.set({ drawMode: 'draw', draft: null, ring: null, issues: [], repaired: null, validationError: null, ringError: null, selection: null });
  controller.startDraw();
}

/** Edits the draft, or the active saved red line when there is no draft (its first polygon). */
export function startEdit(): void {
  if (!controller) return;
  const s = workspace.get();
  const source = s.draft ?? s.redLines.find((r) => r.id === s.activeRedLineId)?.geometry ?? null;
  if (!source) return;
  const polygon: Polygon = source.type === 'Polygon' ? source : { type: 'Polygon', coordinates: source.coordinates[0] };
  workspace.set({ drawMode: 'edit' });
  controller.startEdit(polygon);
  setDraft(polygon);
}

export function startPick(): void {
  workspace.set({ drawMode: 'pick', selection: null });
}

/** Ends drawing/editing/picking, keeping the draft. */
export async function finish(): Promise<void> {
  const s = workspace.get();
  if (s.drawMode === 'pick' && s.selection && s.selection.ids.length > 0) {
    try {
      const { geometry } = await invoke('redlines:fromParcels', { layerId: s.selection.layerId, ids: s.selection.ids });
      setDraft(geometry);
    } catch (e) {
      workspace.set({ toast: errorText(e, langOf(i18n.language)) });
    }
  }
  controller?.stop();
  workspace.set({ drawMode: 'idle', selection: null });
}

export function cancel(): void {
  controller?.stop();
  workspace.set({ drawMode: 'idle', selection: null, draft: null, ring: null, issues: [], repaired: null });
  scheduleChecks();
}

export function undo(): void {
  controller?.undo();
}

export function redo(): void {
  controller?.redo();
}

/** Called by the controller after each change. */
export function onControllerChange(polygon: Polygon | null): void {
  // A finished polygon goes straight into vertex editing (the controller switched to its select mode).
  if (polygon && workspace.get().drawMode === 'draw') workspace.set({ drawMode: 'edit' });
  setDraft(polygon);
}

/** The geometry whose checks and ring are shown: the draft, else the active saved red line. */
function checkedGeometry(): LonLatPolygonal | null {
  const s = workspace.get();
  return s.draft ?? s.redLines.find((r) => r.id === s.activeRedLineId)?.geometry ?? null;
}

/** Recomputes validation and the ring after a short pause (each change supersedes the one before). */
export function scheduleChecks(): void {
  if (checkTimer) clearTimeout(checkTimer);
  checkTimer = setTimeout(() => void runChecks(), CHECK_DEBOUNCE_MS);
}

async function runChecks(): Promise<void> {
  const seq = ++checkSeq;
  const geometry = checkedGeometry();
  if (!geometry || !isClosedPolygon(geometry)) {
    workspace.set({ ring: null, issues: [], repaired: null, validationError: null, ringError: null });
    return;
  }
  const lang = langOf(i18n.language);
  const bufferM = workspace.get().bufferM;
  const [validation, ring] = await Promise.allSettled([invoke('redlines:validate', { geometry }), invoke('redlines:ring', { geometry, bufferM })]);
  if (seq !== checkSeq) return; // a newer change is being checked
  workspace.set({
    issues: validation.status === 'fulfilled' ? validation.value.issues : [],
    repaired: validation.status === 'fulfilled' ? validation.value.repaired : null,
    validationError: validation.status === 'rejected' ? errorText(validation.reason, lang) : null,
    ring: ring.status === 'fulfilled' ? ring.value.ring : null,
    ringError: ring.status === 'rejected' ? errorText(ring.reason, lang) : null,
  });
}

function isClosedPolygon(g: LonLatPolygonal): boolean {
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  return rings.length > 0 && rings.every((r) => r.length >= 4);
}
