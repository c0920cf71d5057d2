/**
 * THE contract between the UI and the host: every call the renderer can make, with its request and response types.
 *
 * One map, used by every door: Electron's preload exposes one method per channel, the web host serves
 * `POST /api/<channel>`, and the renderer's `invoke<K>()` is generic over the key, so a typo or a wrong payload fails
 * to compile on both sides. Channel names are `domain:verb`; each domain declares its calls and their request
 * schemas in contract/<domain>.ts and contract/<domain>.schemas.ts (every request is validated at the boundary,
 * see request-schemas.ts and dispatch.ts). Errors travel as core's ErrorShape ({name, code, message, details}).
 *
 * The renderer imports this file with `import type` only.
 */
import type { ErrorShape, Progress } from '#core';
import { ACCOUNT_CHANNELS, type AccountCalls } from './contract/account';
import { APP_CHANNELS, type AppCalls } from './contract/app';
import { FILES_CHANNELS, type FilesCalls } from './contract/files';
import { PROJECT_CHANNELS, type ProjectCalls } from './contract/project';
import { REDLINES_CHANNELS, type RedLinesCalls } from './contract/redlines';
import { REPORTS_CHANNELS, type ReportsCalls } from './contract/reports';

export type { AppInfo } from './contract/app';
export type * from './contract/project';
export type * from './contract/files';
export type * from './contract/redlines';
export type * from './contract/account';
export type * from './contract/reports';

//#region Events

/** Progress of a job started by a call that carries a `jobId`. */
export interface JobProgressEvent {
  type: 'progress';
  jobId: string;
  progress: Progress;
}

/** Sent when the project changed under the UI (e.g. a layer was imported from another window or the CLI). */
export interface ProjectChangedEvent {
  type: 'project-changed';
  path: string;
}

export type HostEvent = JobProgressEvent | ProjectChangedEvent;

//#endregion

//#region The channel map

export type ApiContract = AppCalls & ProjectCalls & FilesCalls & RedLinesCalls & AccountCalls & ReportsCalls;

export type Channel = keyof ApiContract;
export type RequestOf<K extends Channel> = ApiContract[K]['request'];
export type ResponseOf<K extends Channel> = ApiContract[K]['response'];

/** Every channel, in one place for both ends (preload builds its methods from it; the web host routes by it). */
const ALL_CHANNELS = [...APP_CHANNELS, ...PROJECT_CHANNELS, ...FILES_CHANNELS, ...REDLINES_CHANNELS, ...ACCOUNT_CHANNELS, ...REPORTS_CHANNELS] as const;
export const CHANNELS: readonly Channel[] = ALL_CHANNELS;

// Compile-time proof that CHANNELS lists every channel of the contract.
type Unlisted = Exclude<Channel, (typeof ALL_CHANNELS)[number]>;
export const everyChannelListed: [Unlisted] extends [never] ? true : Unlisted = true;

//#endregion

//#region The bridge: how each door hands the contract to the renderer

/** Every call resolves to this on the wire (IPC and HTTP alike); the renderer rebuilds errors from `error`. */
export type WireResult<T> = { ok: true; value: T } | { ok: false; error: ErrorShape };

type DomainOf<K> = K extends `${infer D}:${string}` ? D : never;
type VerbOf<K, D extends string> = K extends `${D}:${infer V}` ? V : never;

/**
 * What Electron's preload exposes as `window.vep`: one method per channel, grouped by domain
 * (`vep.project.open(req)`), plus the event subscription and the tile URL template. Never a generic `invoke`.
 */
export type BridgeApi = {
  [D in DomainOf<Channel>]: {
    [V in VerbOf<Channel, D>]: (request: RequestOf<`${D}:${V}` & Channel>) => Promise<WireResult<ResponseOf<`${D}:${V}` & Channel>>>;
  };
} & {
  onEvent(listener: (event: HostEvent) => void): () => void;
  /** Template for MapLibre vector sources: `{layer}` is replaced by the layer id. */
  tileUrlTemplate: string;
  /** The file-system path of a dropped file (Electron only; the web host uploads instead). */
  pathForFile(file: unknown): string;
};

//#endregion
