/**
 * The renderer's only door to the host. At start-up it picks the transport: Electron's preload (`window.vep`) when
 * present, else the web host over HTTP with the per-run token from the page URL. Both expose the same contract, so
 * no feature exists in only one of them.
 */
import { fromErrorShape, type ErrorShape } from '#core';
import type { BridgeApi, Channel, HostEvent, RequestOf, ResponseOf, WireResult } from '../../electron/host/api';

export interface Transport {
  kind: 'electron' | 'web';
  call(channel: Channel, request: unknown): Promise<WireResult<unknown>>;
  onEvent(listener: (event: HostEvent) => void): () => void;
  /** MapLibre tile URL template for a layer. */
  tileUrl(layerId: string): string;
  /** Headers MapLibre must send with tile requests (the web host's token). */
  tileHeaders: Record<string, string>;
  /**
   * A path the host can read for a file the user dropped: Electron gives the file's own path; the web host
   * receives an upload into a folder of its own (files dropped together share a folder, so a shapefile's
   * .shp/.dbf/.prj/.cpg stay together).
   */
  fileToPath(file: File, batch: string): Promise<string>;
}

declare global {
  interface Window {
    vep?: BridgeApi;
  }
}

function electronTransport(bridge: BridgeApi): Transport {
  const methods = bridge as unknown as Record<string, Record<string, (request: unknown) => Promise<WireResult<unknown>>>>;
  return {
    kind: 'electron',
    call(channel, request) {
      const [domain, verb] = channel.split(':');
      return methods[domain][verb](request);
    },
    onEvent: (listener) => bridge.onEvent(listener),
    tileUrl: (layerId) => bridge.tileUrlTemplate.replace('{layer}', encodeURIComponent(layerId)),
    tileHeaders: {},
    fileToPath: async (file) => bridge.pathForFile(file),
  };
}

function webTransport(token: string): Transport {
  const auth = { Authorization: `Bearer ${token}` };
  return {
    kind: 'web',
    async call(channel, request) {
      const response = await fetch(`./api/${channel}`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(request ?? null) });
      const body = (await response.json()) as { value?: unknown; error?: ErrorShape };
      return body.error ? { ok: false, error: body.error } : { ok: true, value: body.value };
    },
    onEvent(listener) {
      const controller = new AbortController();
      void readEventStream(auth, controller.signal, listener);
      return () => controller.abort();
    },
    tileUrl: (layerId) => new URL(`./tiles/${encodeURIComponent(layerId)}/{z}/{x}/{y}.pbf`, window.location.href).toString().replace(/%7B/g, '{').replace(/%7D/g, '}'),
    tileHeaders: auth,
    async fileToPath(file, batch) {
      const response = await fetch(`./upload/${encodeURIComponent(batch)}/${encodeURIComponent(file.name)}`, { method: 'PUT', headers: { ...auth, 'Content-Type': 'application/octet-stream' }, body: file });
      const body = (await response.json()) as { path?: string; error?: ErrorShape };
      if (!body.path) throw fromErrorShape(body.error ?? { name: 'Error', code: 'BUG', message: `upload failed (${response.status})`, details: {} });
      return body.path;
    },
  };
}

/** Server-sent events read with fetch, because EventSource cannot send the Authorization header. */
async function readEventStream(headers: Record<string, string>, signal: AbortSignal, listener: (event: HostEvent) => void): Promise<void> {
  try {
    const response = await fetch('./api/events', { headers, signal });
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    while (reader) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
        if (data) listener(JSON.parse(data) as HostEvent);
      }
    }
  } catch (e) {
    if (!signal.aborted) console.error('event stream closed', e);
  }
}

/** The web host hands the token in the URL once; keep it for this tab and take it out of the address bar. */
function webToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem('vep-token', fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem('vep-token') ?? '';
}

export const transport: Transport = window.vep ? electronTransport(window.vep) : webTransport(webToken());

/** Calls the host; rejects with a typed error (test `.code`, never instanceof) rebuilt from the wire. */
export async function invoke<K extends Channel>(channel: K, ...request: RequestOf<K> extends void ? [] : [RequestOf<K>]): Promise<ResponseOf<K>> {
  const result = await transport.call(channel, request[0]);
  if (!result.ok) throw fromErrorShape(result.error);
  return result.value as ResponseOf<K>;
}

export const onHostEvent = (listener: (event: HostEvent) => void): (() => void) => transport.onEvent(listener);
