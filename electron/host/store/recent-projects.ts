/**
 * The recent-projects list: a small JSON file in the caller's config folder, written atomically (a temporary file
 * beside it, synced, then renamed over it) so a crash mid-write leaves the old list or the new one, never half.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';

export interface RecentProject {
  path: string;
  name: string;
  /** ISO time it was last opened. */
  openedAt: string;
}

export const RECENT_PROJECTS_FILE = 'recent-projects.json';
const KEEP = 12;

/** The list, most recent first; [] when there is none or it cannot be read (the next write starts it afresh). */
export function readRecentProjects(configDir: string): RecentProject[] {
  try {
    const parsed = JSON.parse(readFileSync(path.join(configDir, RECENT_PROJECTS_FILE), 'utf8')) as { projects?: unknown };
    if (!Array.isArray(parsed.projects)) return [];
    return parsed.projects.filter(
      (p): p is RecentProject => typeof p === 'object' && p !== null && typeof p.path === 'string' && typeof p.name === 'string' && typeof p.openedAt === 'string',
    );
  } catch {
    return [];
  }
}

/** Puts a project at the top of the list (once), keeping the latest {@link KEEP}. Returns the new list. */
export function addRecentProject(configDir: string, project: Omit<RecentProject, 'openedAt'>, now = new Date()): RecentProject[] {
  const resolved = path.resolve(project.path);
  const list = [{ path: resolved, name: project.name, openedAt: now.toISOString() }, ...readRecentProjects(configDir).filter((p) => p.path !== resolved)].slice(0, KEEP);
  writeAtomically(configDir, list);
  return list;
}

/** Removes a project from the list (e.g. its file is gone). Returns the new list. */
export function removeRecentProject(configDir: string, projectPath: string): RecentProject[] {
  const resolved = path.resolve(projectPath);
  const list = readRecentProjects(configDir).filter((p) => p.path !== resolved);
  writeAtomically(configDir, list);
  return list;
}

function writeAtomically(configDir: string, projects: RecentProject[]): void {
  mkdirSync(configDir, { recursive: true });
  const target = path.join(configDir, RECENT_PROJECTS_FILE);
  const temp = `${target}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, JSON.stringify({ version: 1, projects }, null, 2) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, target);
}
