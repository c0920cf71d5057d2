/**
 * The workspace state shared by the panels and the map: the open project, layer display, selection, red lines,
 * the latest accounting result and the layout. The part in {@link PersistedView} is saved in the project file
 * (project:setState) so the workspace comes back as it was when the project is reopened.
 */
import type { ErrorShape, MultiPolygon } from '#core';
import type { AccountResult, FeatureView, RunView, LayerView, ProjectView, RedLineIssue, RedLineView, LonLatPolygonal } from '../../../electron/host/api';
import type { AreaUnit } from '../format/area-units';
import { createStore } from './create-store';

export type LeftTab = 'layers' | 'redLines' | 'params';
export type RightTab = 'identify' | 'results';
export type DrawMode = 'idle' | 'draw' | 'edit' | 'pick';

export interface LayerDisplay {
  visible: boolean;
  /** 0…1 */
  opacity: number;
}

/** The layer list of a state (one shared empty list when no project is open, so selectors stay stable). */
const NO_LAYERS: readonly LayerView[] = [];
export function layersOf(s: { project: ProjectView | null }): readonly LayerView[] {
  return s.project?.layers ?? NO_LAYERS;
}

/** What is saved in the project and restored when it reopens. */
export interface PersistedView {
  center: [number, number] | null;
  zoom: number | null;
  /** Layer ids, top first. */
  layerOrder: string[];
  layerDisplay: Record<string, LayerDisplay>;
  leftTab: LeftTab;
  rightTab: RightTab;
  tableOpen: boolean;
  panelSizes: { left: number; right: number; bottom: number };
  activeRedLineId: number | null;
  bufferM: number;
  areaUnit: AreaUnit;
}

export interface WorkspaceState extends PersistedView {
  ready: boolean;
  project: ProjectView | null;
  projectError: ErrorShape | null;
  /** The layer the table, identify and snapping use. */
  activeLayerId: string | null;
  identify: FeatureView | null;
  /** Features highlighted on the map (table selection, picked parcels). */
  selection: { layerId: string; ids: number[] } | null;
  redLines: RedLineView[];
  /** The red line being drawn or edited (not yet saved), lon/lat. */
  draft: LonLatPolygonal | null;
  drawMode: DrawMode;
  ring: MultiPolygon | null;
  ringError: string | null;
  issues: RedLineIssue[];
  repaired: LonLatPolygonal | null;
  validationError: string | null;
  result: { runId: number; result: AccountResult } | null;
  /** The project's accounting runs, oldest first, whatever their status (succeeded, cancelled, failed). */
  runs: RunView[];
  /** A short message shown at the bottom of the map (saved, imported…). */
  toast: string | null;
  importOpen: boolean;
}

export const DEFAULT_VIEW: PersistedView = {
  center: null,
  zoom: null,
  layerOrder: [],
  layerDisplay: {},
  leftTab: 'layers',
  rightTab: 'identify',
  tableOpen: false,
  panelSizes: { left: 300, right: 360, bottom: 260 },
  activeRedLineId: null,
  bufferM: 1000,
  areaUnit: 'm2',
};

export const workspace = createStore<WorkspaceState>({
  ...DEFAULT_VIEW,
  ready: false,
  project: null,
  projectError: null,
  activeLayerId: null,
  identify: null,
  selection: null,
  redLines: [],
  draft: null,
  drawMode: 'idle',
  ring: null,
  ringError: null,
  issues: [],
  repaired: null,
  validationError: null,
  result: null,
  runs: [],
  toast: null,
  importOpen: false,
});

/** The persisted part of a state. */
export function persistedView(s: WorkspaceState): PersistedView {
  return {
    center: s.center, zoom: s.zoom, layerOrder: s.layerOrder, layerDisplay: s.layerDisplay, leftTab: s.leftTab, rightTab: s.rightTab,
    tableOpen: s.tableOpen, panelSizes: s.panelSizes, activeRedLineId: s.activeRedLineId, bufferM: s.bufferM, areaUnit: s.areaUnit,
  };
}

/**
 * Layer order after the project's layers changed: known layers keep their place, new ones go on top, removed ones
 * drop out.
 */
export function reconcileOrder(order: readonly string[], layers: readonly LayerView[]): string[] {
  const ids = new Set(layers.map((l) => l.id));
  const kept = order.filter((id) => ids.has(id));
  const added = layers.map((l) => l.id).filter((id) => !kept.includes(id)).reverse();
  return [...added, ...kept];
}
