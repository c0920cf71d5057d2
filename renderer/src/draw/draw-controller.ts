/**
 * Drawing and editing the red line with terra-draw on the MapLibre map: polygon mode to draw (click to add
 * vertices, click the first vertex or press Enter to close), select mode to edit (drag vertices, click midpoints to
 * insert, right-click a vertex to delete it), terra-draw's own undo/redo (per click while drawing, per edit after),
 * and snapping to stored parcel geometry (snap.ts) through terra-draw's custom snapping hook.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import {
  TerraDraw, TerraDrawPolygonMode, TerraDrawRenderMode, TerraDrawSelectMode, TerraDrawModeUndoRedo, TerraDrawSessionUndoRedo,
  type GeoJSONStoreFeatures, type TerraDrawMouseEvent,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { Polygon } from '#core';
import { findSnap } from './snap';

export interface DrawCallbacks {
  /** The polygon after every finished change (null when it was removed). */
  onChange(polygon: Polygon | null): void;
  /** Undo/redo availability changed. */
  onHistory(canUndo: boolean, canRedo: boolean): void;
}

/** Snap within this many screen pixels of a parcel vertex or edge. */
export const SNAP_TOLERANCE_PX = 10;
const RED = '#e11d48';

export class DrawController {
  private readonly draw: TerraDraw;
  private snapRings: number[][][] = [];
  /** Set while the controller clears itself, so clearing is not reported as the user deleting the polygon. */
  private quiet = false;
  snappingEnabled = true;

  constructor(private readonly map: MapLibreMap, private readonly callbacks: DrawCallbacks) {
    const snapping = { toCustom: (event: TerraDrawMouseEvent) => this.snap(event) };
    this.draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: 9 }),
      modes: [
        new TerraDrawPolygonMode({
          snapping,
          keyEvents: { cancel: 'Escape', finish: 'Enter' },
          styles: { fillColor: RED, fillOpacity: 0.12, outlineColor: RED, outlineWidth: 2.5, closingPointColor: '#ffffff', closingPointOutlineColor: RED, snappingPointColor: '#1f6feb' },
        }),
        new TerraDrawSelectMode({
          flags: {
            polygon: { feature: { draggable: false, coordinates: { draggable: true, midpoints: true, deletable: true, snappable: snapping } } },
          },
          keyEvents: { deselect: null, delete: null, rotate: null, scale: null },
          allowManualDeselection: false,
          styles: { selectedPolygonColor: RED, selectedPolygonFillOpacity: 0.12, selectedPolygonOutlineColor: RED, selectedPolygonOutlineWidth: 2.5, selectionPointColor: '#ffffff', selectionPointOutlineColor: RED, selectionPointWidth: 5, midPointColor: RED, midPointOutlineColor: '#ffffff' },
        }),
        new TerraDrawRenderMode({ modeName: 'static', styles: {} }),
      ],
      undoRedo: { modeLevel: new TerraDrawModeUndoRedo(), sessionLevel: new TerraDrawSessionUndoRedo() },
    });
    this.draw.start();
    this.draw.setMode('static');
    this.draw.on('finish', (id, context) => {
      if (context.mode === 'polygon' && context.action === 'draw') {
        this.draw.setMode('select');
        this.draw.selectFeature(id);
      }
      this.emit();
    });
    this.draw.on('change', (_ids, type) => {
      if (type === 'delete') this.emit();
      this.emitHistory();
    });
  }

  /** Starts drawing a new polygon (clears any other). */
  startDraw(): void {
    this.clearQuietly();
    this.draw.setMode('polygon');
    this.emitHistory();
  }

  /** Loads a polygon for editing its vertices. */
  startEdit(polygon: Polygon): void {
    this.clearQuietly();
    this.draw.setMode('select');
    const [result] = this.draw.addFeatures([{ type: 'Feature', geometry: polygon as GeoJSON.Polygon, properties: { mode: 'polygon' } } as GeoJSONStoreFeatures]);
    if (result?.valid && result.id !== undefined) this.draw.selectFeature(result.id);
    this.emitHistory();
  }

  /** Stops drawing; the polygon stays in the callbacks' hands. */
  stop(): void {
    this.clearQuietly();
    this.draw.setMode('static');
    this.emitHistory();
  }

  undo(): void {
    this.draw.undo();
    this.emit();
  }

  redo(): void {
    this.draw.redo();
    this.emit();
  }

  /** The rings that the cursor snaps to (lon/lat), from the host's stored parcel geometry. */
  setSnapRings(rings: number[][][]): void {
    this.snapRings = rings;
  }

  get mode(): string {
    return this.draw.getMode();
  }

  destroy(): void {
    this.draw.stop();
  }

  private clearQuietly(): void {
    this.quiet = true;
    try {
      this.draw.clear();
    } finally {
      this.quiet = false;
    }
  }

  private snap(event: TerraDrawMouseEvent): [number, number] | undefined {
    if (!this.snappingEnabled || this.snapRings.length === 0) return undefined;
    const project = ([lon, lat]: [number, number]) => this.map.project([lon, lat]);
    return findSnap({ x: event.containerX, y: event.containerY }, this.snapRings, project, SNAP_TOLERANCE_PX)?.point;
  }

  private current(): Polygon | null {
    const f = this.draw.getSnapshot().find((x) => x.geometry.type === 'Polygon' && x.properties.mode === 'polygon');
    return f ? (f.geometry as unknown as Polygon) : null;
  }

  private emit(): void {
    if (this.quiet) return;
    if (this.draw.getMode() !== 'static') this.callbacks.onChange(this.current());
    this.emitHistory();
  }

  private emitHistory(): void {
    this.callbacks.onHistory(this.draw.canUndo(), this.draw.canRedo());
  }
}
