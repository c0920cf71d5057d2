/**
 * The preload script: the only code that touches ipcRenderer. It exposes the contract's named methods as
 * `window.vep` through contextBridge — nothing else (no ipcRenderer, no generic invoke, no Node).
 *
 * ┌ Pitfalls ─────────────────────────────────────────────────────────────────────────────────────────────────────┐
 * │ - With `sandbox: true` the preload is CommonJS and may only require 'electron' (built as dist/electron/preload.cjs). │
 * │ - Errors thrown across contextBridge lose their fields, so calls resolve to WireResult and the renderer unwraps. │
 * │ - Callbacks given to onEvent are proxied; we hand back a plain unsubscribe function.                             │
 * └─────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { CHANNELS, type BridgeApi, type HostEvent } from './host/api';

//#region One method per channel
const methods: Record<string, Record<string, (request: unknown) => Promise<unknown>>> = {};
for (const channel of CHANNELS) {
  const [domain, verb] = channel.split(':');
  methods[domain] ??= {};
  methods[domain][verb] = (request: unknown) => ipcRenderer.invoke(`vep:${channel}`, request);
}
//#endregion

const api = {
  ...methods,
  onEvent(listener: (event: HostEvent) => void): () => void {
    const forward = (_e: IpcRendererEvent, event: HostEvent) => listener(event);
    ipcRenderer.on('vep:event', forward);
    return () => ipcRenderer.off('vep:event', forward);
  },
  tileUrlTemplate: 'app://vep/tiles/{layer}/{z}/{x}/{y}.pbf',
  pathForFile(file: unknown): string {
    return webUtils.getPathForFile(file as File);
  },
} as unknown as BridgeApi; // the loop above builds exactly the mapped type; TS cannot follow it

contextBridge.exposeInMainWorld('vep', api);
