import type { ErrorShape } from '#core';
import type { HostEvent } from '../api';
import type { Call } from '../contract/call';
import type { JobRegistry } from '../jobs';
import type { ProjectStore } from '../store/project-store';

export interface HostOptions {
  transport: 'electron' | 'web';
  /** The project to open at start-up. */
  projectPath: string | null;
}

/** What every domain's handlers may use: the options, the open project, jobs and events. */
export interface HostContext {
  readonly options: HostOptions;
  readonly jobs: JobRegistry;
  /** The open project, or null before one is opened. */
  readonly project: { path: string } | null;
  /** The open project's store, or null before one is opened. */
  readonly store: ProjectStore | null;
  /** Why the start-up project could not be opened, or null. */
  readonly projectError: ErrorShape | null;
  /** Opens a project file, replacing the open one. @throws InputError PROJECT_* */
  openProject(file: string): void;
  emit(event: HostEvent): void;
}

/** The handler map of one domain's calls. */
export type Handlers<Calls extends { [K in keyof Calls]: Call<unknown, unknown> }> = {
  [K in keyof Calls]: (request: Calls[K]['request']) => Promise<Calls[K]['response']>;
};
