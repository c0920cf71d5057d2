/**
 * The byte mutator: turns a valid file into a damaged one the way disks, copies and other tools damage files —
 * bit flips, stray or lost bytes, truncation, header integers set to boundary values, pieces of other files spliced
 * in, and (for text formats) tokens of the format's own vocabulary in the wrong place.
 */
import type { Rng } from '../prng';

/** An integer field of a seed file at a known offset (from the format's header layout). */
export interface IntField {
  offset: number;
  bytes: 1 | 2 | 4 | 8;
  littleEndian: boolean;
}

export interface MutationContext {
  /** Header integers worth setting to boundary values. */
  fields: readonly IntField[];
  /** Other files' bytes to splice from. */
  donors: readonly Uint8Array[];
  /** Tokens of the format (text formats), inserted or overwritten. */
  dictionary: readonly string[];
}

/** Boundary values for integer fields: zero, one, all ones, sign limits, 10⁸ records, and the file's own size ± 1. */
function boundaryValues(size: number): number[] {
  return [0, 1, 2, 0xff, 0x7f, 0x80, 0xffff, 0x7fff, 0x8000, 0x7fffffff, 0x80000000, 0xffffffff, 100_000_000, size - 1, size, size + 1, size * 2];
}

const MAX_MUTATIONS = 4;

/** Applies one to four random mutations to a copy of `bytes`. */
export function mutate(bytes: Uint8Array, rng: Rng, context: MutationContext): Uint8Array {
  let out: Uint8Array = bytes.slice();
  const count = 1 + rng.int(MAX_MUTATIONS);
  for (let i = 0; i < count; i++) out = mutateOnce(out, rng, context);
  return out;
}

function mutateOnce(b: Uint8Array, rng: Rng, context: MutationContext): Uint8Array {
  const op = rng.int(context.dictionary.length > 0 ? 10 : 8);
  if (b.length === 0) return op % 2 === 0 ? b : Uint8Array.of(rng.int(256));
  switch (op) {
    case 0: { // bit flip
      const at = rng.int(b.length);
      b[at] ^= 1 << rng.int(8);
      return b;
    }
    case 1: { // random byte
      b[rng.int(b.length)] = rng.int(256);
      return b;
    }
    case 2: // insert random bytes
      return splice(b, rng.int(b.length + 1), 0, randomBytes(rng, 1 + rng.int(8)));
    case 3: // delete a run
      return splice(b, rng.int(b.length), 1 + rng.int(16), new Uint8Array(0));
    case 4: // truncate
      return b.subarray(0, rng.int(b.length));
    case 5: // header integer to a boundary value (or a random byte offset when the format has no known fields)
      return setInteger(b, rng, context.fields);
    case 6: { // splice in a piece of another file
      const donor = context.donors.length > 0 ? rng.pick(context.donors) : b;
      if (donor.length === 0) return b;
      const from = rng.int(donor.length);
      const piece = donor.slice(from, from + 1 + rng.int(64));
      return rng.int(2) === 0 ? splice(b, rng.int(b.length + 1), 0, piece) : splice(b, rng.int(b.length), piece.length, piece);
    }
    case 7: { // repeat a run (duplicated records, nested structures)
      const from = rng.int(b.length);
      const piece = b.slice(from, from + 1 + rng.int(64));
      return splice(b, from, 0, piece);
    }
    default: { // a token of the format's vocabulary, inserted or overwriting
      const token = new TextEncoder().encode(rng.pick(context.dictionary));
      const at = rng.int(b.length + 1);
      return splice(b, at, op === 8 ? 0 : token.length, token);
    }
  }
}

function setInteger(b: Uint8Array, rng: Rng, fields: readonly IntField[]): Uint8Array {
  const field: IntField = fields.length > 0 && rng.int(4) !== 0
    ? rng.pick(fields)
    : { offset: rng.int(b.length), bytes: rng.pick([1, 2, 4] as const), littleEndian: rng.int(2) === 0 };
  if (field.offset + field.bytes > b.length) return b;
  const value = rng.pick(boundaryValues(b.length));
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (field.bytes === 1) view.setUint8(field.offset, value & 0xff);
  else if (field.bytes === 2) view.setUint16(field.offset, value & 0xffff, field.littleEndian);
  else if (field.bytes === 4) view.setUint32(field.offset, value >>> 0, field.littleEndian);
  else view.setBigUint64(field.offset, BigInt(Math.max(0, value)), field.littleEndian);
  return b;
}

function splice(b: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  const end = Math.min(b.length, at + remove);
  const out = new Uint8Array(b.length - (end - at) + insert.length);
  out.set(b.subarray(0, at), 0);
  out.set(insert, at);
  out.set(b.subarray(end), at + insert.length);
  return out;
}

function randomBytes(rng: Rng, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.int(256);
  return out;
}
