/**
 * Worker entry for vector tiles (driven by tiles/tile-worker.ts): one TileService over a read-only connection to the
 * open project; cuts the tiles asked for and, once asked, the first view ahead.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorShape } from '#core';
import { ProjectStore } from '../store/project-store';
import { firstViewRequests, readAhead } from '../tiles/read-ahead';
import { TileService } from '../tiles/tile-service';
import type { TileWorkerReply, TileWorkerRequest, TileWorkerSetup } from '../tiles/tile-worker';

const port = parentPort!;
const reply = (m: TileWorkerReply): void => port.postMessage(m);
const store = ProjectStore.open((workerData as TileWorkerSetup).path, { readonly: true });
const tiles = new TileService(store, { keepOverview: (key, bytes) => reply({ type: 'keep', key, bytes }) });

port.on('message', (m: TileWorkerRequest) => {
  if (m.type === 'read-ahead') {
    try {
      tiles.warm();
      readAhead(tiles, firstViewRequests(store));
    } catch (e) {
      console.error('vep host: the first view was not prepared ahead (its tiles will be cut when asked for):', e); // only a head start
    }
    return;
  }
  try {
    reply({ type: 'tile', id: m.id, bytes: tiles.getTile(m.layerId, m.z, m.x, m.y) });
  } catch (e) {
    reply({ type: 'error', id: m.id, error: toErrorShape(e) });
  }
});
