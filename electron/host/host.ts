/**
 * The host: the Node-side services behind the API contract, shared by all three doors (Electron, web host, CLI).
 * It owns the open project and the running jobs; the doors only move requests, responses and events.
 * Each domain's calls are implemented in handlers/<domain>.ts.
 */
import { EventEmitter } from 'node:events';
import { toErrorShape, type ErrorShape } from '#core';
import type { ApiContract, HostEvent } from './api';
import { accountHandlers } from './handlers/account';
import { appHandlers } from './handlers/app';
import { filesHandlers } from './handlers/files';
import { projectHandlers } from './handlers/project';
import { redLinesHandlers } from './handlers/redlines';
import { reportsHandlers } from './handlers/reports';
import type { Handlers, HostContext, HostOptions } from './handlers/context';
import { JobRegistry } from './jobs';
import { ProjectStore } from './store/project-store';
import { TileWorker } from './tiles/tile-worker';
import { VERSION } from './version';

export type { HostOptions } from './handlers/context';

export class Host implements HostContext {
  private readonly events = new EventEmitter();
  readonly jobs = new JobRegistry((jobId, progress) => this.emit({ type: 'progress', jobId, progress }));
  readonly handlers: Handlers<ApiContract>;
  project: { path: string } | null = null;
  store: ProjectStore | null = null;
  private tiles: TileWorker | null = null;

  constructor(readonly options: HostOptions) {
    this.handlers = {
      ...appHandlers(this),
      ...projectHandlers(this),
      ...filesHandlers(this),
      ...redLinesHandlers(this),
      ...accountHandlers(this),
      ...reportsHandlers(this),
    };
  }

  /** Why the start-up project could not be opened (the UI shows it), or null. */
  projectError: ErrorShape | null = null;

  /** Opens the start-up project, if any; a project that cannot be opened is reported to the UI, not fatal. */
  async start(): Promise<void> {
    if (!this.options.projectPath) return;
    try {
      this.openProject(this.options.projectPath);
    } catch (e) {
      this.projectError = toErrorShape(e);
      console.error(`vep host: cannot open ${this.options.projectPath}: ${this.projectError.message}`);
    }
  }

  /** Opens a project file (closing the one open before) and serves its tiles. @throws InputError PROJECT_* */
  openProject(file: string): void {
    const store = ProjectStore.open(file, { appVersion: VERSION });
    this.store?.close();
    this.store = store;
    void this.tiles?.close();
    this.tiles = new TileWorker(store);
    this.project = { path: store.path };
    // The UI takes a moment to start: meanwhile the worker reads the tile overviews and cuts the first view.
    this.tiles.start();
  }

  /** Subscribes to host events; returns the unsubscribe function. */
  onEvent(listener: (event: HostEvent) => void): () => void {
    this.events.on('event', listener);
    return () => this.events.off('event', listener);
  }

  emit(event: HostEvent): void {
    this.events.emit('event', event);
  }

  /**
   * A Mapbox Vector Tile of a layer of the open project, or null when there is nothing to show there.
   * Electron's app:// protocol and the web host's /tiles/ route both call this one implementation.
   */
  async tile(layerId: string, z: number, x: number, y: number): Promise<Uint8Array | null> {
    return (await this.tiles?.getTile(layerId, z, x, y)) ?? null;
  }

  /** Cancels running jobs and releases the project. */
  async close(): Promise<void> {
    this.jobs.cancelAll();
    await this.tiles?.close();
    this.tiles = null;
    this.store?.close();
    this.store = null;
  }
}
