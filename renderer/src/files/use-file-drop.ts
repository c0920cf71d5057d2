/**
 * Drag-and-drop of files onto the map: the files become host paths (Electron: the dropped file's own path; web:
 * an upload), and the main file of the drop (.shp of a shapefile set, else the first importable one) is opened in
 * the import dialog.
 */
import { useState, type DragEvent } from 'react';
import { transport } from '../api';
import { errorText, langOf } from '../format/error-text';
import { i18n } from '../i18n/index';
import { workspace } from '../state/workspace';

const MAIN_ORDER = ['.shp', '.zip', '.gpkg', '.geojson', '.json', '.kml', '.txt', '.tif', '.tiff', '.dbf'];

/** The file to import from a set dropped together. */
export function mainFile(names: readonly string[]): string | null {
  for (const ext of MAIN_ORDER) {
    const hit = names.find((n) => n.toLowerCase().endsWith(ext));
    if (hit) return hit;
  }
  return null;
}

export function useFileDrop(onFile: (path: string) => void) {
  const [over, setOver] = useState(false);
  const props = {
    onDragOver: (e: DragEvent) => {
      if (!e.dataTransfer.types.includes('Files')) return;
      e.preventDefault();
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setOver(false);
      const files = [...e.dataTransfer.files];
      const main = mainFile(files.map((f) => f.name));
      if (!main) return;
      const batch = `drop-${Date.now().toString(36)}`;
      workspace.set({ toast: i18n.t('import.uploading') });
      Promise.all(files.map((f) => transport.fileToPath(f, batch).then((p) => [f.name, p] as const)))
        .then((paths) => {
          workspace.set({ toast: null });
          onFile(paths.find(([n]) => n === main)![1]);
        })
        .catch((err: unknown) => workspace.set({ toast: errorText(err, langOf(i18n.language)) }));
    },
  };
  return { over, props };
}
