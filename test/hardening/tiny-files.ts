/**
 * Hand-made shapefile parts for hostile-input tests: the writers refuse what these must hold (unclosed or
 * degenerate rings, a table whose records use two encodings), so the bytes are laid out here by the ESRI
 * shapefile white paper (1998) and the dBase III table layout.
 */
import { errorMessage, formatMessage, isMessageCode } from '#core';
import { expect } from 'vitest';

type Ring = [number, number][];

/** A .shp of polygon records (shape type 5), each record a list of rings written as given (no closing added). */
export function polygonShp(records: Ring[][]): Uint8Array {
  const bodies = records.map((rings) => {
    const points = rings.flat();
    const bytes = new Uint8Array(44 + 4 * rings.length + 16 * points.length);
    const v = new DataView(bytes.buffer);
    v.setInt32(0, 5, true);
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((b, i) => v.setFloat64(4 + 8 * i, b, true));
    v.setInt32(36, rings.length, true);
    v.setInt32(40, points.length, true);
    let start = 0;
    rings.forEach((ring, i) => {
      v.setInt32(44 + 4 * i, start, true);
      start += ring.length;
    });
    points.forEach(([x, y], i) => {
      v.setFloat64(44 + 4 * rings.length + 16 * i, x, true);
      v.setFloat64(52 + 4 * rings.length + 16 * i, y, true);
    });
    return bytes;
  });
  const size = 100 + bodies.reduce((s, b) => s + 8 + b.length, 0);
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  v.setInt32(0, 9994, false);
  v.setInt32(24, size / 2, false);
  v.setInt32(28, 1000, true);
  v.setInt32(32, 5, true);
  let at = 100;
  bodies.forEach((body, i) => {
    v.setInt32(at, i + 1, false);
    v.setInt32(at + 4, body.length / 2, false);
    out.set(body, at + 8);
    at += 8 + body.length;
  });
  return out;
}

/** A dBase III table with one character field NAME of `width` bytes; each record's raw bytes are given. */
export function oneFieldDbf(records: Uint8Array[], width = 20, ldid = 0): Uint8Array {
  const headerLength = 32 + 32 + 1;
  const recordLength = 1 + width;
  const out = new Uint8Array(headerLength + records.length * recordLength + 1);
  const v = new DataView(out.buffer);
  out[0] = 0x03;
  v.setUint32(4, records.length, true);
  v.setUint16(8, headerLength, true);
  v.setUint16(10, recordLength, true);
  out[29] = ldid;
  out.set(new TextEncoder().encode('NAME'), 32);
  out[32 + 11] = 'C'.charCodeAt(0);
  out[32 + 16] = width;
  out[64] = 0x0d;
  records.forEach((raw, i) => {
    const at = headerLength + i * recordLength;
    out[at] = 0x20;
    out.fill(0x20, at + 1, at + recordLength);
    out.set(raw.subarray(0, width), at + 1);
  });
  out[out.length - 1] = 0x1a;
  return out;
}

/**
 * Runs `action`, expects an InputError with `code`, and checks that both messages are complete (every placeholder
 * filled) and name each of `mention`.
 * @returns the error, for further checks on its details.
 */
export async function expectInputError(action: () => unknown, code: string, mention: (string | number)[] = []): Promise<{ code: string; details: Record<string, unknown> }> {
  let error: unknown = null;
  try {
    await action();
  } catch (e) {
    error = e;
  }
  expect(error, `expected ${code}`).not.toBeNull();
  const e = error as { name: string; code: string; details: Record<string, unknown> };
  expect(e.name, String(error)).toBe('InputError');
  expect(e.code).toBe(code);
  expectMessages(e, mention);
  return e;
}

/** Both languages of a catalogued error or warning are filled in and name each of `mention`. */
export function expectMessages(e: { code: string; details: Record<string, unknown> }, mention: (string | number)[] = []): void {
  expect(isMessageCode(e.code), e.code).toBe(true);
  for (const lang of ['zh', 'en'] as const) {
    const text = e instanceof Error ? errorMessage(e, lang) : formatMessage(e.code as Parameters<typeof formatMessage>[0], e.details, lang);
    expect(text.length).toBeGreaterThan(10);
    expect(text, `${lang}: ${text}`).not.toMatch(/\{\w+\}/);
    for (const m of mention) expect(text, `${lang}: ${text}`).toContain(String(m));
  }
}
