/**
 * The `fs:` and `import:` calls. The file browser lists one folder at a time (bounded), for web mode where the page
 * has no native dialog; inspect reads a file's description without importing it; import runs as a job in the
 * import worker (import/import-layer.ts), the same code as `vep import`.
 */
import { readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError, crsFromUserInput } from '#core';
import type { DirEntry, FilesCalls, InspectView } from '../contract/files';
import { importLayer } from '../import/import-layer';
import { openImportSource } from '../import/open-import-source';
import { appRoot } from '../paths';
import type { Handlers, HostContext } from './context';
import { extentToLonLat } from './lon-lat';
import { requireStore } from './require-store';

const MAX_ENTRIES = 5000;
const IMPORTABLE = new Set(['.shp', '.zip', '.gpkg', '.geojson', '.json', '.kml', '.txt', '.tif', '.tiff', '.dbf']);

export function filesHandlers(ctx: HostContext): Handlers<FilesCalls> {
  return {
    'fs:list': async ({ path: wanted }) => {
      const places = startingPlaces(ctx);
      const dir = path.resolve(wanted ?? places.find((p) => p.label === 'samples')?.path ?? os.homedir());
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch (e) {
        throw new InputError('FS_NOT_A_DIRECTORY', { path: dir, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
      }
      const entries: DirEntry[] = [];
      for (const name of names) {
        if (name.startsWith('.')) continue;
        if (entries.length >= MAX_ENTRIES) break;
        try {
          const st = statSync(path.join(dir, name));
          const kind = st.isDirectory() ? 'dir' : 'file';
          entries.push({ name, kind, sizeBytes: kind === 'file' ? st.size : 0, importable: kind === 'file' && IMPORTABLE.has(path.extname(name).toLowerCase()) });
        } catch {
          // Broken links and unreadable entries are not listed.
        }
      }
      entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'zh-CN') : a.kind === 'dir' ? -1 : 1));
      const parent = path.dirname(dir);
      return { path: dir, parent: parent === dir ? null : parent, entries, places };
    },
    'import:inspect': async ({ path: file, encoding, layer, crs }) => {
      const source = openImportSource([path.resolve(file)], { encoding, layer, ...(crs ? { crs: crsFromUserInput(crs) } : {}) });
      try {
        const info = source.info;
        const view: InspectView = {
          path: path.resolve(file),
          kind: 'vector',
          format: info.format,
          featureCount: info.featureCount,
          geometryType: info.geometryType,
          crs: info.crs,
          encoding: info.encoding,
          fields: info.fields,
          schema: info.schema,
          warnings: info.warnings,
        };
        return view;
      } finally {
        source.close();
      }
    },
    'import:run': async ({ jobId, path: file, title, encoding, layer, crs }) => {
      const store = requireStore(ctx);
      const options = { title, encoding, layer, ...(crs ? { crs: crsFromUserInput(crs) } : {}) };
      const imported = await ctx.jobs.run(jobId, (task) => importLayer(store.path, [path.resolve(file)], options, task.onProgress, task.signal));
      ctx.emit({ type: 'project-changed', path: store.path });
      return { ...imported, extentLonLat: imported.extent && imported.crs ? extentToLonLat(imported.extent, imported.crs) : null };
    },
  };
}

function startingPlaces(ctx: HostContext): { label: 'home' | 'samples' | 'project'; path: string }[] {
  const places: { label: 'home' | 'samples' | 'project'; path: string }[] = [{ label: 'home', path: os.homedir() }];
  try {
    places.push({ label: 'samples', path: path.join(appRoot(), 'sample-data') });
  } catch {
    // Running outside the package (should not happen): no sample folder to offer.
  }
  if (ctx.project) places.push({ label: 'project', path: path.dirname(ctx.project.path) });
  return places;
}
