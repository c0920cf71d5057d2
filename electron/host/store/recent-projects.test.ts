import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECENT_PROJECTS_FILE, addRecentProject, readRecentProjects, removeRecentProject } from './recent-projects';

const dir = (): string => path.join(mkdtempSync(path.join(os.tmpdir(), 'vep-recent-')), 'config');

describe('recent projects', () => {
  it('starts empty, puts the latest first without duplicates, and keeps twelve', () => {
    const config = dir();
    expect(readRecentProjects(config)).toEqual([]);
    for (let i = 0; i < 14; i++) addRecentProject(config, { path: `/p/${i}.vep.gpkg`, name: `p${i}` }, new Date(Date.UTC(2026, 0, 1, 0, i)));
    addRecentProject(config, { path: '/p/5.vep.gpkg', name: 'p5' }, new Date(Date.UTC(2026, 0, 2)));
    const list = readRecentProjects(config);
    expect(list).toHaveLength(12);
    expect(list.slice(0, 3).map((p) => p.name)).toEqual(['p5', 'p13', 'p12']);
    expect(list[0].openedAt).toBe('2026-01-02T00:00:00.000Z');
    expect(removeRecentProject(config, '/p/13.vep.gpkg').map((p) => p.name).slice(0, 2)).toEqual(['p5', 'p12']);
    expect(readdirSync(config)).toEqual([RECENT_PROJECTS_FILE]); // no temporary file left behind
  });

  it('an unreadable file reads as empty and is replaced by the next write', () => {
    const config = dir();
    addRecentProject(config, { path: '/a.vep.gpkg', name: 'a' });
    writeFileSync(path.join(config, RECENT_PROJECTS_FILE), '{"projects": [ {"path": "/a.v');
    expect(readRecentProjects(config)).toEqual([]);
    addRecentProject(config, { path: '/b.vep.gpkg', name: 'b' });
    expect(readRecentProjects(config).map((p) => p.name)).toEqual(['b']);
    expect(existsSync(path.join(config, `${RECENT_PROJECTS_FILE}.${process.pid}.tmp`))).toBe(false);
  });
});
