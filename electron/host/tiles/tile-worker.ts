/**
 * The open project's vector tiles, cut in a worker thread (workers/tiles.worker.ts) so that the host's event loop —
 * the UI's requests, the page itself in the web host, the whole main process in Electron — never waits for a tile
 * (a county tile takes ~0.1–0.3 s to cut). The worker reads the project through its own read-only connection; an
 * overview it builds comes back here to be kept, since only the host writes the project. Right after a project
 * opens it cuts the first view ahead (read-ahead.ts), in parallel with the UI starting.
 *
 * A worker that dies fails the requests it held (the map shows those tiles empty and asks again as it moves) and
 * the next request starts a new one.
 */
import { Worker } from 'node:worker_threads';
import { BugError, fromErrorShape, type ErrorShape } from '#core';
import type { LayerCacheKey } from '../store/layer-cache';
import type { ProjectStore } from '../store/project-store';
import { workerEntry } from '../worker-url';
import { workerHeapLimitMb } from '../worker-job';

export interface TileWorkerSetup {
  path: string;
}

export type TileWorkerRequest = { type: 'tile'; id: number; layerId: string; z: number; x: number; y: number } | { type: 'read-ahead' };

export type TileWorkerReply =
  | { type: 'tile'; id: number; bytes: Uint8Array | null }
  | { type: 'error'; id: number; error: ErrorShape }
  | { type: 'keep'; key: LayerCacheKey; bytes: Uint8Array };

export class TileWorker {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (bytes: Uint8Array | null) => void; reject: (error: Error) => void }>();
  private closed = false;

  constructor(private readonly store: ProjectStore) {}

  /** Starts the worker, which reads the layers' overviews and cuts the first view ahead. */
  start(): void {
    this.post({ type: 'read-ahead' });
  }

  /**
   * The MVT tile z/x/y of a layer, or null when nothing is there (see TileService.getTile).
   * @throws InputError LAYER_NOT_FOUND, TILE_OUT_OF_RANGE; BugError when the worker died meanwhile
   */
  getTile(layerId: string, z: number, x: number, y: number): Promise<Uint8Array | null> {
    if (this.closed) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ type: 'tile', id, layerId, z, x, y });
    });
  }

  /** Ends the worker; requests still waiting get null. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    for (const { resolve } of this.pending.values()) resolve(null);
    this.pending.clear();
    await worker?.terminate();
  }

  private post(message: TileWorkerRequest): void {
    (this.worker ?? this.spawn()).postMessage(message);
  }

  private spawn(): Worker {
    const entry = workerEntry('tiles');
    const worker = new Worker(entry.url, {
      workerData: { path: this.store.path } satisfies TileWorkerSetup, execArgv: entry.execArgv, argv: entry.argv, resourceLimits: { maxOldGenerationSizeMb: workerHeapLimitMb() },
    });
    // The host's servers keep the process alive; an idle tile worker must not.
    worker.unref();
    worker.on('message', (m: TileWorkerReply) => this.receive(m));
    worker.on('error', (e) => this.died(worker, e));
    worker.on('exit', (code) => this.died(worker, new BugError(`the tile worker exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  private receive(m: TileWorkerReply): void {
    if (m.type === 'keep') {
      try {
        this.store.layerCache.put(m.key, m.bytes);
      } catch (e) {
        console.error('vep host: a tile overview was not kept (it will be built again next time):', e); // a cache, not data
      }
      return;
    }
    const waiting = this.pending.get(m.id);
    if (!waiting) return;
    this.pending.delete(m.id);
    if (m.type === 'tile') waiting.resolve(m.bytes);
    else waiting.reject(fromErrorShape(m.error));
  }

  private died(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    for (const { reject } of this.pending.values()) reject(error instanceof BugError ? error : new BugError(`the tile worker failed: ${error.message}`));
    this.pending.clear();
  }
}
