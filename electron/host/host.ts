/**
 * The host: the Node-side services behind the API contract, shared by all three doors (Electron, web host, CLI).
 * It owns the open project and the running jobs; the doors only move requests, responses and events.
 * Each domain's calls are implemented in handlers/<domain>.ts.
 */
import { EventEmitter } from 'node:events';
import type { ApiContract, HostEvent } from './api';
import { appHandlers } from './handlers/app';
import type { Handlers, HostContext, HostOptions } from './handlers/context';
import { JobRegistry } from './jobs';

export type { HostOptions } from './handlers/context';

export class Host implements HostContext {
  private readonly events = new EventEmitter();
  readonly jobs = new JobRegistry((jobId, progress) => this.emit({ type: 'progress', jobId, progress }));
  readonly handlers: Handlers<ApiContract>;
  project: { path: string } | null = null;

  constructor(readonly options: HostOptions) {
    this.handlers = {
      ...appHandlers(this),
    };
  }

  /** Opens the start-up project, if any. */
  async start(): Promise<void> {}

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
    void layerId; void z; void x; void y;
    return null;
  }

  /** Cancels running jobs and releases the project. */
  async close(): Promise<void> {
    this.jobs.cancelAll();
  }
}
