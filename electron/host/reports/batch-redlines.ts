/**
 * The red lines of a batch given as files (`vep account --redline X --out book.xlsx`): a folder of coordinate text
 * files (one red line each, named by the file), or one file holding several polygons (one red line each, named by
 * its name field or "<file> N"). Each comes back as the red-line input the account service reads, so each is
 * accounted exactly as `vep account --redline FILE [--redline-index N]` would account it.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '#core';
import type { RedlineInput } from '../services/account';
import { openVector, type OpenVectorOptions } from '../services/open-vector';

export interface BatchRedline {
  name: string;
  redline: RedlineInput;
}

const NAME_FIELDS = ['name', '名称', 'dkmc', '地块名称', 'xmmc', '项目名称'];

/**
 * The red lines a path holds for a batch, or null when it holds one red line (a file with a single polygon: the
 * ordinary single accounting).
 * @throws InputError BATCH_FOLDER_EMPTY, and the readers' errors for a file that cannot be read
 */
export function batchRedlines(target: string, options: OpenVectorOptions = {}): BatchRedline[] | null {
  if (statSync(target).isDirectory()) {
    const files = readdirSync(target).filter((n) => n.toLowerCase().endsWith('.txt') && !n.startsWith('.')).sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }));
    if (files.length === 0) throw new InputError('BATCH_FOLDER_EMPTY', { folder: target });
    return files.map((n) => ({ name: path.basename(n, path.extname(n)), redline: { kind: 'file', file: path.join(target, n), ...options } }));
  }
  const layer = openVector(target, options);
  try {
    const nameField = NAME_FIELDS.map((c) => layer.info.fields.find((f) => f.name.toLowerCase() === c)?.name).find((n) => n !== undefined);
    const names: string[] = [];
    for (const f of layer.features()) {
      const t = f.geometry?.type;
      if (t !== 'Polygon' && t !== 'MultiPolygon') continue;
      const v = nameField ? f.properties[nameField] : null;
      names.push(typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : '');
    }
    if (names.length <= 1) return null;
    const stem = path.basename(target, path.extname(target));
    // The index counts polygons in file order, as the account service's `index` does.
    return names.map((n, index) => ({ name: n || `${stem} ${index + 1}`, redline: { kind: 'file', file: target, index, ...options } }));
  } finally {
    layer.close();
  }
}
