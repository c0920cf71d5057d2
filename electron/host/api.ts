/**
 * THE contract between the UI and the host: every call the renderer can make, with its request and response types.
 *
 * One map, used by every door: Electron's preload exposes one method per channel, the web host serves
 * `POST /api/<channel>`, and the renderer's `invoke<K>()` is generic over the key, so a typo or a wrong payload fails
 * to compile on both sides. Channel names are `domain:verb`. Requests are validated at the boundary (schemas.ts);
 * errors travel as core's `ErrorShape` ({name, code, message, details}).
 *
 * The renderer imports this file with `import type` only.
 */
import type { ErrorShape, Extent, Progress } from '#core';

//#region Shapes shared by several calls

export interface AppInfo {
  name: string;
  version: string;
  /** Which door the UI came through. */
  transport: 'electron' | 'web';
  /** The project opened at start-up, if any. */
  projectPath: string | null;
}

export interface LayerSummary {
  id: string;
  title: string;
  featureCount: number;
  geometryType: string | null;
  /** EPSG code of the layer's CRS, or null for a CRS without one. */
  epsg: number | null;
  crsName: string;
  /** Extent in the layer's CRS and in WGS 84 degrees (for fitting the map). */
  extent: Extent | null;
  extentLonLat: Extent | null;
  schema: string | null;
  fields: { name: string; type: string }[];
}

export interface ProjectSummary {
  path: string;
  title: string;
  layers: LayerSummary[];
}

/** Progress of a job started by a call that carries a `jobId`. */
export interface JobProgressEvent {
  type: 'progress';
  jobId: string;
  progress: Progress;
}

/** Sent when the project changed under the UI (e.g. a layer was imported by another window). */
export interface ProjectChangedEvent {
  type: 'project-changed';
  path: string;
}

export type HostEvent = JobProgressEvent | ProjectChangedEvent;

//#endregion

//#region The channel map

interface Call<Req, Res> {
  request: Req;
  response: Res;
}

export interface ApiContract {
  'app:info': Call<void, AppInfo>;
  'job:cancel': Call<{ jobId: string }, { cancelled: boolean }>;
}

export type Channel = keyof ApiContract;
export type RequestOf<K extends Channel> = ApiContract[K]['request'];
export type ResponseOf<K extends Channel> = ApiContract[K]['response'];

/** Every channel, in one place for both ends (preload builds its methods from it; the web host routes by it). */
export const CHANNELS = ['app:info', 'job:cancel'] as const satisfies readonly Channel[];

// Compile-time proof that CHANNELS lists every channel of the contract.
type Unlisted = Exclude<Channel, (typeof CHANNELS)[number]>;
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
