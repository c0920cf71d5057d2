/**
 * Every export is written to temporary files in the target folder and renamed into place, so a failed or
 * interrupted export never replaces a good file with a partial one (rename within one folder is atomic on the file
 * systems we run on). A multi-file export (a shapefile's .shp/.shx/.dbf/.cpg/.prj) writes all its parts first and
 * renames them only when every part is on disk; the main file is renamed last, so a reader that opens it finds its
 * sidecars already in place.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { InputError } from '#core';

export interface PendingFile {
  /** The final path. */
  path: string;
  bytes: Uint8Array | string;
}

/** A temporary name beside `target`: hidden, unique, recognisably ours. */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.vep-tmp`);
}

/**
 * Checks that the folder of `target` exists and is a folder.
 * @throws InputError EXPORT_TARGET_DIR_MISSING
 */
export function checkTargetFolder(target: string): void {
  const dir = path.dirname(path.resolve(target));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError('EXPORT_TARGET_DIR_MISSING', { path: dir });
}

/**
 * Writes files atomically as a set: every part to a temporary file (flushed to disk), then each renamed onto its
 * final name, the last one in `files` last. Nothing is renamed if any part fails; the temporaries are removed.
 * @throws InputError EXPORT_TARGET_DIR_MISSING, EXPORT_WRITE_FAILED
 */
export function writeFilesAtomic(files: readonly PendingFile[]): void {
  for (const f of files) checkTargetFolder(f.path);
  const temps: string[] = [];
  try {
    for (const f of files) {
      const tmp = tempPathFor(f.path);
      temps.push(tmp);
      writeDurably(tmp, f.bytes, f.path);
    }
    files.forEach((f, i) => renameInto(temps[i], f.path));
  } finally {
    for (const t of temps) rmSync(t, { force: true });
  }
}

/**
 * Produces a file through a temporary path (for writers that need a path, such as SQLite): `write(tmp)` creates
 * the file at `tmp`; when it returns, the file is renamed onto `target`. When it throws, `target` is untouched.
 * @throws InputError EXPORT_TARGET_DIR_MISSING, EXPORT_WRITE_FAILED, and whatever `write` throws
 */
export async function writeThroughTemp<T>(target: string, write: (tmp: string) => T | Promise<T>): Promise<T> {
  checkTargetFolder(target);
  const tmp = tempPathFor(target);
  try {
    const result = await write(tmp);
    syncFile(tmp, target);
    renameInto(tmp, target);
    return result;
  } finally {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(tmp + suffix, { force: true });
  }
}

function writeDurably(tmp: string, bytes: Uint8Array | string, target: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'wx');
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    let done = 0;
    while (done < data.byteLength) done += writeSync(fd, data, done, data.byteLength - done);
    fsyncSync(fd);
  } catch (e) {
    throw new InputError('EXPORT_WRITE_FAILED', { path: target, reason: (e as Error).message });
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function syncFile(tmp: string, target: string): void {
  try {
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw new InputError('EXPORT_WRITE_FAILED', { path: target, reason: (e as Error).message });
  }
}

function renameInto(tmp: string, target: string): void {
  try {
    renameSync(tmp, target);
  } catch (e) {
    throw new InputError('EXPORT_WRITE_FAILED', { path: target, reason: (e as Error).message });
  }
}
