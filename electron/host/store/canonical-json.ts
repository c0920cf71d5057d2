/**
 * JSON with object keys sorted at every level, so equal content gives equal text and equal sha256 — the hash a
 * result's provenance cites for its parameter set.
 */
import { createHash } from 'node:crypto';

/** Serializes `value` with sorted object keys (no whitespace). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v as Record<string, unknown>).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/** Lower-case hex sha256 of a string's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
