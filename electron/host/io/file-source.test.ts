import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileSource } from './file-source';

function tempFile(bytes: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'vep-fs-')), 'data.bin');
  writeFileSync(file, bytes);
  return file;
}

describe('file source', () => {
  const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 251);
  const file = tempFile(bytes);

  it('returns the bytes at any offset, across read-ahead boundaries, in any order', () => {
    const src = openFileSource(file, 64);
    expect(src.size).toBe(10_000);
    for (const [offset, length] of [[0, 10], [60, 10], [5, 64], [9_990, 10], [3_000, 1], [0, 200], [1_234, 63]]) {
      expect(src.read(offset, length)).toEqual(bytes.slice(offset, offset + length));
    }
    src.close();
  });

  it('reads past the end return what exists; reads before the start are clamped', () => {
    const src = openFileSource(file, 256);
    expect(src.read(9_995, 100)).toEqual(bytes.slice(9_995));
    expect(src.read(20_000, 10)).toEqual(new Uint8Array(0));
    expect(src.read(-5, 10)).toEqual(bytes.slice(0, 10));
    src.close();
  });

  it('gives copies: bytes already returned do not change when the buffer refills', () => {
    const src = openFileSource(file, 32);
    const first = src.read(0, 16);
    src.read(5_000, 16);
    expect(first).toEqual(bytes.slice(0, 16));
    src.close();
  });

  it('throws after close', () => {
    const src = openFileSource(file);
    src.close();
    expect(() => src.read(0, 1)).toThrow(/closed/);
  });
});
