/**
 * Canonical JSON: object keys sorted by UTF-16 code units (as JSON.stringify compares them, RFC 8785 §3.2.3), no
 * whitespace, numbers in JavaScript's shortest round-trip form. Two equal values give the same bytes, so the host
 * can hash a parameter set reproducibly (core has no crypto; the host computes the sha256).
 */
import { InputError } from '../errors';

/**
 * Serialises a JSON value canonically. `undefined` object members are omitted, as JSON.stringify does.
 * @throws InputError INVALID_ARGUMENT for a non-finite number, a function, a bigint or a cyclic structure.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

function write(value: unknown, seen: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new InputError('INVALID_ARGUMENT', { name: 'value', reason: `non-finite number ${value}` });
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new InputError('INVALID_ARGUMENT', { name: 'value', reason: `${typeof value} is not JSON` });
  }
  const obj = value as object;
  if (seen.has(obj)) throw new InputError('INVALID_ARGUMENT', { name: 'value', reason: 'cyclic structure' });
  seen.add(obj);
  let out: string;
  if (Array.isArray(obj)) {
    out = `[${obj.map((v) => (v === undefined ? 'null' : write(v, seen))).join(',')}]`;
  } else {
    const record = obj as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    out = `{${keys.map((k) => `${JSON.stringify(k)}:${write(record[k], seen)}`).join(',')}}`;
  }
  seen.delete(obj);
  return out;
}
