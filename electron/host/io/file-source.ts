/**
 * A {@link ByteSource} over a file: synchronous positioned reads (`fs.readSync`) through a read-ahead buffer, so a
 * reader that walks a 300 MB shapefile record by record makes one system call per buffer, not per record, and never
 * holds the file in memory.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { ByteSource } from '#core';

export interface FileSource extends ByteSource {
  readonly path: string;
  /** Releases the file handle; later reads throw. */
  close(): void;
}

/** Default read-ahead: large enough for sequential reads to run at disk speed, small enough to ignore. */
export const DEFAULT_READ_AHEAD_BYTES = 1 << 20;

/**
 * Opens a file for random-access reading.
 * @param file path of the file.
 * @param readAheadBytes size of the read-ahead buffer (default 1 MiB).
 * @returns a source whose `read(offset, length)` returns a fresh copy of the bytes (shorter at the end of the file),
 *   so callers may keep what they read.
 * @throws the fs error (ENOENT, EACCES…) when the file cannot be opened.
 */
export function openFileSource(file: string, readAheadBytes = DEFAULT_READ_AHEAD_BYTES): FileSource {
  const fd = openSync(file, 'r');
  const size = fstatSync(fd).size;
  const buffer = new Uint8Array(Math.max(1, readAheadBytes));
  let bufferStart = 0;
  let bufferLength = 0; // bytes of the file held in `buffer`, from bufferStart
  let closed = false;

  const fill = (offset: number): void => {
    bufferStart = offset;
    bufferLength = readFully(fd, buffer, buffer.length, offset);
  };

  return {
    path: file,
    size,
    read(offset: number, length: number): Uint8Array {
      if (closed) throw new Error(`${file} is closed`);
      const start = Math.max(0, Math.floor(offset));
      const end = Math.min(size, start + Math.max(0, Math.floor(length)));
      if (end <= start) return new Uint8Array(0);
      if (end - start > buffer.length) {
        // A read larger than the buffer goes straight to the file.
        const out = new Uint8Array(end - start);
        readFully(fd, out, out.length, start);
        return out;
      }
      if (start < bufferStart || end > bufferStart + bufferLength) fill(start);
      return buffer.slice(start - bufferStart, end - bufferStart);
    },
    close(): void {
      if (!closed) {
        closed = true;
        closeSync(fd);
      }
    },
  };
}

/** Reads up to `length` bytes at `position`, looping over short reads; returns the count read. */
function readFully(fd: number, target: Uint8Array, length: number, position: number): number {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, target, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}
