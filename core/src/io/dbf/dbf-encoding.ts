/**
 * Which encoding a DBF's text is in (docs/methods/sandiao-data.md §8), in this order:
 *   1. the user's choice;
 *   2. the `.cpg` text;
 *   3. the language driver ID, byte 29 of the header (0x4D/0x7A GBK, 0x4F Big5, 0x57 ISO-8859-1…);
 *   4. the bytes themselves: every non-ASCII text value well-formed UTF-8 ⇒ UTF-8, else GB18030. When some values
 *      are Chinese in well-formed UTF-8 and others are not UTF-8 at all, the table mixes two encodings (records
 *      appended by a different tool): GB18030 is used and ENCODING_MIXED says how many values will be garbled.
 * Many GBK files declare a one-byte Latin code page (LDID 0x57, a `.cpg` saying 1252) or UTF-8 by mistake. When
 * the declaration is one of those and the bytes are not ASCII, the bytes decide (source 'detected', with a warning
 * naming the declaration); a declared Latin code page is kept when the bytes are neither UTF-8 nor GB18030.
 */
import { InputError } from '../../errors';
import { encodingFromCodePage, encodingFromLabel, isValidGb18030, isValidUtf8, type TextEncoding } from '../text-codec';
import type { VectorLayerInfo } from '../vector-source';

export type LayerWarning = VectorLayerInfo['warnings'][number];
export type EncodingSource = 'user' | 'cpg' | 'ldid' | 'detected';

export interface EncodingChoice {
  encoding: TextEncoding;
  source: EncodingSource;
  warnings: LayerWarning[];
}

export interface EncodingInputs {
  /** The user's override (any label {@link encodingFromLabel} knows); wins over everything. */
  user?: string | null;
  /** The text of the `.cpg` file, when there is one. */
  cpg?: string | null;
  /** Byte 29 of the DBF header. */
  ldid: number;
  /** The .dbf name, for messages. */
  file: string;
  /** The raw bytes of every non-empty text value, for the byte check (only called when needed). */
  textValues: () => Iterable<Uint8Array>;
}

/** Language driver IDs → Windows code pages (the table GDAL uses; 0x57 is ISO-8859-1). */
const LDID_CODE_PAGES: Record<number, number> = {
  0x01: 437, 0x02: 850, 0x03: 1252, 0x04: 10000, 0x13: 932, 0x26: 866, 0x4d: 936, 0x4e: 949, 0x4f: 950, 0x50: 874,
  0x57: 28591, 0x58: 1252, 0x59: 1252, 0x65: 866, 0x78: 950, 0x79: 949, 0x7a: 936, 0x7b: 932, 0x7c: 874,
  0xc8: 1250, 0xc9: 1251, 0xca: 1254, 0xcb: 1253, 0xcc: 1257,
};

/**
 * Chooses the encoding of a DBF's text.
 * @throws InputError ENCODING_UNKNOWN when the user names an encoding we cannot decode.
 */
export function chooseEncoding(inputs: EncodingInputs): EncodingChoice {
  const { file } = inputs;
  if (inputs.user != null && inputs.user.trim() !== '') {
    const encoding = encodingFromLabel(inputs.user);
    if (!encoding) throw new InputError('ENCODING_UNKNOWN', { name: inputs.user });
    return { encoding, source: 'user', warnings: [] };
  }
  const warnings: LayerWarning[] = [];
  let declared: { encoding: TextEncoding; by: 'cpg' | 'ldid' } | null = null;
  if (inputs.cpg != null && inputs.cpg.trim().replace(/^\uFEFF/, '') !== '') {
    const encoding = encodingFromLabel(inputs.cpg);
    if (encoding) declared = { encoding, by: 'cpg' };
    else warnings.push({ code: 'ENCODING_CPG_UNKNOWN', details: { file, cpg: inputs.cpg.trim() } });
  }
  if (!declared && inputs.ldid !== 0) {
    const codePage = LDID_CODE_PAGES[inputs.ldid];
    const encoding = codePage === undefined ? null : encodingFromCodePage(codePage);
    if (encoding) declared = { encoding, by: 'ldid' };
    else warnings.push({ code: 'ENCODING_LDID_UNSUPPORTED', details: { file, ldid: hex(inputs.ldid) } });
  }
  const trustworthy = declared && !declared.encoding.singleByte && declared.encoding.name !== 'UTF-8';
  if (declared && trustworthy) return { encoding: declared.encoding, source: declared.by, warnings };

  const bytes = checkBytes(inputs.textValues());
  if (declared) {
    if (!bytes.nonAscii) return { encoding: declared.encoding, source: declared.by, warnings };
    const detected = bytes.utf8 ? encodingFromLabel('UTF-8')! : bytes.gb18030 ? encodingFromLabel('GB18030')! : null;
    if (!detected || detected.name === declared.encoding.name) return { encoding: declared.encoding, source: declared.by, warnings };
    warnings.push({
      code: 'ENCODING_DECLARED_WRONG',
      details: { file, declared: declared.encoding.name, declaredBy: declared.by === 'cpg' ? '.cpg' : `LDID ${hex(inputs.ldid)}`, used: detected.name },
    });
    return { encoding: detected, source: 'detected', warnings };
  }
  if (bytes.utf8) return { encoding: encodingFromLabel('UTF-8')!, source: 'detected', warnings };
  const gb18030 = encodingFromLabel('GB18030')!;
  // Neither decodes cleanly: GB18030 is still the likeliest for 三调 data; say that the text may be damaged.
  if (!bytes.gb18030) warnings.push({ code: 'ENCODING_UNCERTAIN', details: { file, used: gb18030.name } });
  else if (bytes.utf8CjkValues > 0) warnings.push({ code: 'ENCODING_MIXED', details: { file, used: gb18030.name, count: bytes.utf8CjkValues } });
  return { encoding: gb18030, source: 'detected', warnings };
}

interface ByteCheck {
  nonAscii: boolean;
  utf8: boolean;
  gb18030: boolean;
  /** Values that are well-formed UTF-8 with at least one 3-byte (CJK) sequence. */
  utf8CjkValues: number;
}

const BATCH_BYTES = 1 << 16;

/**
 * Checks the non-ASCII values in batches: values are joined with '\n', which no UTF-8 or GB18030 sequence can
 * contain, so a character cut at the end of one value cannot pair with the next one. Stops early once both
 * encodings are ruled out.
 */
function checkBytes(values: Iterable<Uint8Array>): ByteCheck {
  const result: ByteCheck = { nonAscii: false, utf8: true, gb18030: true, utf8CjkValues: 0 };
  const batch = new Uint8Array(BATCH_BYTES);
  let used = 0;
  const flush = () => {
    const chunk = batch.subarray(0, used);
    if (result.utf8 && !isValidUtf8(chunk)) result.utf8 = false;
    if (result.gb18030 && !isValidGb18030(chunk)) result.gb18030 = false;
    used = 0;
  };
  for (const value of values) {
    if (!hasNonAscii(value)) continue;
    result.nonAscii = true;
    if (isUtf8WithCjk(value)) result.utf8CjkValues++;
    if (value.length + 1 > BATCH_BYTES - used) flush();
    if (!result.utf8 && !result.gb18030) break;
    if (value.length + 1 > BATCH_BYTES) {
      if (result.utf8 && !isValidUtf8(value)) result.utf8 = false;
      if (result.gb18030 && !isValidGb18030(value)) result.gb18030 = false;
      continue;
    }
    batch.set(value, used);
    batch[used + value.length] = 0x0a;
    used += value.length + 1;
  }
  if (used > 0) flush();
  return result;
}

/**
 * Whether the value is well-formed UTF-8 holding at least one 3-byte sequence (where CJK characters live). Stops at
 * the first byte that cannot be UTF-8, which for GBK text is almost always the second byte.
 */
function isUtf8WithCjk(bytes: Uint8Array): boolean {
  let cjk = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return false;
    for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return false;
    if (length === 3) cjk = true;
    i += length - 1;
  }
  return cjk;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}
