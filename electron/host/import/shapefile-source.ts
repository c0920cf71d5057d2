/**
 * A shapefile (or a .zip holding one) opened for import with core's streaming reader: the .shp/.shx/.dbf are read
 * through file ByteSources with read-ahead (never whole into memory; a zip's parts are inflated in memory by core,
 * within its size limits), and the bulk record path feeds the layer writer flat geometry arrays.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { bytesSource, openShapefile, readZipShapefile, type ShapefileFiles, type TaskContext } from '#core';
import { openFileSource, type FileSource } from '../io/file-source';
import type { ImportOptions, ImportSource } from './import-types';
import { resolvePrjCrs } from './resolve-crs';

/**
 * Opens `file` (.shp or .zip) for import. Sidecars (.shx, .dbf, .prj, .cpg) are found beside a .shp whatever the
 * case of their extensions.
 * @throws InputError from the reader (SHP_*, DBF_*, ZIP_*) and fs errors for unreadable files.
 */
export function openShapefileSource(file: string, options: ImportOptions, ctx: TaskContext = {}): ImportSource {
  const opened: FileSource[] = [];
  try {
    const { files, title, read } = path.extname(file).toLowerCase() === '.zip' ? zipParts(file, options, opened) : shpParts(file, opened);
    const crs = options.crs ?? (files.prj ? resolvePrjCrs(files.prj, `${files.name ?? title}.prj`) : null);
    const source = openShapefile(files, { crs, encoding: options.encoding, context: ctx });
    return {
      title,
      info: source.info,
      files: read.map((p) => ({ path: path.resolve(p), sizeBytes: statSync(p).size })),
      features: () => source.features(),
      *records() {
        for (const r of source.records()) yield { geometry: r.geometry, values: r.values };
      },
      close: () => opened.forEach((s) => s.close()),
    };
  } catch (e) {
    opened.forEach((s) => s.close());
    throw e;
  }
}

function shpParts(shpPath: string, opened: FileSource[]): { files: ShapefileFiles; title: string; read: string[] } {
  const dir = path.dirname(shpPath);
  const base = path.basename(shpPath, path.extname(shpPath));
  const beside = new Map(readdirSync(dir).map((name) => [name.toLowerCase(), path.join(dir, name)]));
  const sidecar = (ext: string): string | null => beside.get(`${base}.${ext}`.toLowerCase()) ?? null;
  const open = (p: string | null): FileSource | null => {
    if (!p) return null;
    const s = openFileSource(p);
    opened.push(s);
    return s;
  };
  const text = (p: string | null): string | null => (p ? new TextDecoder('utf-8').decode(readFileSync(p)).trim() : null);
  const [shx, dbf, prj, cpg] = ['shx', 'dbf', 'prj', 'cpg'].map(sidecar);
  const files: ShapefileFiles = { shp: open(shpPath)!, shx: open(shx), dbf: open(dbf), prj: text(prj), cpg: text(cpg), name: base };
  return { files, title: base, read: [shpPath, shx, dbf, prj, cpg].filter((p): p is string => p !== null) };
}

function zipParts(zipPath: string, options: ImportOptions, opened: FileSource[]): { files: ShapefileFiles; title: string; read: string[] } {
  const zip = openFileSource(zipPath);
  opened.push(zip);
  const parts = readZipShapefile(zip, { file: path.basename(zipPath), layer: options.layer ?? undefined });
  const title = parts.name.split('/').pop()!;
  const files: ShapefileFiles = {
    shp: bytesSource(parts.shp), shx: parts.shx ? bytesSource(parts.shx) : null, dbf: parts.dbf ? bytesSource(parts.dbf) : null, prj: parts.prj, cpg: parts.cpg, name: title,
  };
  return { files, title, read: [zipPath] };
}
