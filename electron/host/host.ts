/**
 * The host: the Node-side services behind the API contract, shared by all three doors (Electron, web host, CLI).
 * It owns the open project and the running jobs; the doors only move requests, responses and events.
 */
import { EventEmitter } from 'node:events';
import type { AppInfo, Channel, HostEvent, RequestOf, ResponseOf } from './api';
import { JobRegistry } from './jobs';
import { VERSION } from './version';

export interface HostOptions {
  transport: AppInfo['transport'];
  /** The project to open at start-up. */
  projectPath: string | null;
}

type Handlers = { [K in Channel]: (request: RequestOf<K>) => Promise<ResponseOf<K>> };

export class Host {
  private readonly events = new EventEmitter();
  readonly jobs = new JobRegistry((jobId, progress) => this.emit({ type: 'progress', jobId, progress }));
  readonly handlers: Handlers;

  constructor(private readonly options: HostOptions) {
    this.handlers = {
      'app:info': async () => ({ name: 'VEP Studio', version: VERSION, transport: this.options.transport, projectPath: this.options.projectPath }),
      'job:cancel': async ({ jobId }) => ({ cancelled: this.jobs.cancel(jobId) }),
    };
  }

  /** Opens the start-up project, if any. */
  async start(): Promise<void> {}

  /** Subscribes to host events; returns the unsubscribe function. */
  onEvent(listener: (event: HostEvent) => void): () => void {
    this.events.on('event', listener);
    return () => this.events.off('event', listener);
  }

  private emit(event: HostEvent): void {
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
