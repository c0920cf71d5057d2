/**
 * Text encodings of shapefile attributes: naming them from a `.cpg` or a user's label, decoding with the platform's
 * `TextDecoder` (Node and Chromium both ship GBK/GB18030/Big5/…), and encoding GBK without hand-written tables.
 *
 * Every GBK-family label (GBK, CP936, 936, GB2312, …) decodes with the `gb18030` decoder: the WHATWG Encoding
 * standard defines the `gbk` label as that decoder, and it is a superset (GB2312 ⊂ GBK ⊂ GB18030). Node's ICU
 * `gbk` decoder differs from it on 101 rare codes (vertical punctuation, radicals mapped to the private use area),
 * so asking for `gb18030` explicitly gives the same text in Node and in the browser.
 */

/** An attribute encoding: the name we report, the `TextDecoder` label, and whether it is a one-byte code page. */
export interface TextEncoding {
  /** Canonical name shown to users and written to `.cpg` files: "GBK", "GB18030", "UTF-8", "Big5", "windows-1252"… */
  name: string;
  decoderLabel: string;
  /** One byte per character (windows-125x, ISO-8859-x…): such a declaration on Chinese bytes is a known mistake. */
  singleByte: boolean;
}

interface TextDecoderLike {
  decode(bytes: Uint8Array): string;
}
// core compiles without DOM or Node typings; TextDecoder/TextEncoder are globals of every runtime core targets.
type TextDecoderCtor = new (label: string, options?: { fatal?: boolean }) => TextDecoderLike;
type TextEncoderCtor = new () => { encode(text: string): Uint8Array };
const runtime = globalThis as unknown as { TextDecoder: TextDecoderCtor; TextEncoder: TextEncoderCtor };

const GBK: TextEncoding = { name: 'GBK', decoderLabel: 'gb18030', singleByte: false };
const GB18030: TextEncoding = { name: 'GB18030', decoderLabel: 'gb18030', singleByte: false };
const UTF8: TextEncoding = { name: 'UTF-8', decoderLabel: 'utf-8', singleByte: false };
const BIG5: TextEncoding = { name: 'Big5', decoderLabel: 'big5', singleByte: false };
const EUC_KR: TextEncoding = { name: 'EUC-KR', decoderLabel: 'euc-kr', singleByte: false };
const SHIFT_JIS: TextEncoding = { name: 'Shift_JIS', decoderLabel: 'shift_jis', singleByte: false };

function singleByte(name: string): TextEncoding {
  return { name, decoderLabel: name.toLowerCase(), singleByte: true };
}

/** Windows / IBM code page numbers, as `.cpg` files and LDIDs give them. */
const CODE_PAGES: Record<number, TextEncoding> = {
  936: GBK, 20936: GBK, 54936: GB18030, 65001: UTF8, 950: BIG5, 949: EUC_KR, 932: SHIFT_JIS,
  866: singleByte('IBM866'), 874: singleByte('windows-874'),
};
for (let cp = 1250; cp <= 1258; cp++) CODE_PAGES[cp] = singleByte(`windows-${cp}`);
for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16]) CODE_PAGES[28590 + n] = singleByte(`ISO-8859-${n}`);

const NAMES: Record<string, TextEncoding> = {
  GBK, 'X-GBK': GBK, GB2312: GBK, 'GB_2312-80': GBK, 'EUC-CN': GBK, CSGB2312: GBK, CHINESE: GBK,
  GB18030, 'UTF-8': UTF8, UTF8, BIG5, 'BIG-5': BIG5, 'BIG5-HKSCS': BIG5, 'CN-BIG5': BIG5,
  'EUC-KR': EUC_KR, 'KS_C_5601-1987': EUC_KR, UHC: EUC_KR, SHIFT_JIS, 'SHIFT-JIS': SHIFT_JIS, SJIS: SHIFT_JIS,
  LATIN1: singleByte('ISO-8859-1'),
};

const decoders = new Map<string, TextDecoderLike>();

/**
 * The encoding a `.cpg` text or a user's label names, or null when we do not know it (or the platform cannot
 * decode it). Case-insensitive; surrounding whitespace, quotes and a UTF-8 BOM are ignored; code pages may be
 * written `936`, `CP936`, `ANSI 936`, `windows-936`, `MS936`.
 * @example encodingFromLabel(' 936\r\n')?.name === 'GBK'
 */
export function encodingFromLabel(label: string): TextEncoding | null {
  const text = label.replace(/^\uFEFF/, '').replace(/^\u00EF\u00BB\u00BF/, '').trim().replace(/^["']|["']$/g, '').trim().toUpperCase();
  if (text === '') return null;
  const number = /^(?:ANSI[ _]?|CP|WINDOWS-|MS|IBM)?(\d+)$/.exec(text);
  let encoding: TextEncoding | undefined;
  if (number) encoding = CODE_PAGES[Number(number[1])];
  else {
    const iso = /^(?:ISO[-_]?)?8859[-_]?(\d+)$/.exec(text);
    encoding = iso ? CODE_PAGES[28590 + Number(iso[1])] : NAMES[text];
    if (!encoding && /^WINDOWS-125\d$/.test(text)) encoding = CODE_PAGES[Number(text.slice(8))];
  }
  return encoding && decoderFor(encoding) ? encoding : null;
}

/** The encoding of a Windows code page number, or null. */
export function encodingFromCodePage(codePage: number): TextEncoding | null {
  const encoding = CODE_PAGES[codePage];
  return encoding && decoderFor(encoding) ? encoding : null;
}

/** A shared, non-fatal decoder for an encoding (malformed bytes become U+FFFD); null if the platform lacks it. */
export function decoderFor(encoding: TextEncoding): TextDecoderLike | null {
  let decoder = decoders.get(encoding.decoderLabel);
  if (!decoder) {
    try {
      decoder = new runtime.TextDecoder(encoding.decoderLabel);
    } catch {
      return null;
    }
    decoders.set(encoding.decoderLabel, decoder);
  }
  return decoder;
}

let strictUtf8: TextDecoderLike | null = null;
let strictGb18030: TextDecoderLike | null = null;

/** Whether the bytes are well-formed UTF-8 (no overlongs, surrogates or truncated sequences). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  strictUtf8 ??= new runtime.TextDecoder('utf-8', { fatal: true });
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Whether the bytes are well-formed GB18030 (which includes GBK and GB2312). */
export function isValidGb18030(bytes: Uint8Array): boolean {
  strictGb18030 ??= new runtime.TextDecoder('gb18030', { fatal: true });
  try {
    strictGb18030.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

let utf8Encoder: { encode(text: string): Uint8Array } | null = null;
let gbkTable: Uint16Array | null = null;

/**
 * Encodes text as UTF-8 or GBK. Returns null when a character has no GBK code (e.g. 𠮷 U+20BB7, which only
 * GB18030's four-byte form can hold): callers report it, they never write a replacement '?'.
 */
export function encodeText(text: string, encoding: 'GBK' | 'UTF-8'): Uint8Array | null {
  if (encoding === 'UTF-8') {
    utf8Encoder ??= new runtime.TextEncoder();
    return utf8Encoder.encode(text);
  }
  const table = (gbkTable ??= buildGbkTable());
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) out[n++] = c;
    else {
      const code = table[c];
      if (code === 0) return null;
      if (code < 0x100) out[n++] = code;
      else {
        out[n++] = code >> 8;
        out[n++] = code & 0xff;
      }
    }
  }
  return out.subarray(0, n);
}

/** The first character of `text` that `encoding` cannot hold, or null. */
export function firstUnencodable(text: string, encoding: 'GBK' | 'UTF-8'): string | null {
  if (encoding === 'UTF-8') return null;
  for (const char of text) if (encodeText(char, 'GBK') === null) return char;
  return null;
}

/**
 * Unicode → GBK, built once from the platform's own decoder over the whole double-byte range (lead 0x81–0xFE,
 * trail 0x40–0xFE without 0x7F) rather than from a table in our source. The first code wins where two decode to
 * the same character, and € is the single byte 0x80 as in Windows code page 936 (and the WHATWG GBK encoder).
 */
function buildGbkTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  const codes: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) codes.push((lead << 8) | trail);
  }
  const bytes = new Uint8Array(codes.length * 2);
  codes.forEach((code, i) => {
    bytes[2 * i] = code >> 8;
    bytes[2 * i + 1] = code & 0xff;
  });
  const decoder = decoderFor(GBK)!;
  const text = decoder.decode(bytes);
  // Every double-byte code decodes to one BMP character; decode one by one should a platform disagree.
  const charAt = text.length === codes.length ? (i: number) => text.charCodeAt(i) : (i: number) => decoder.decode(bytes.subarray(2 * i, 2 * i + 2)).charCodeAt(0);
  codes.forEach((code, i) => {
    const c = charAt(i);
    if (c !== 0xfffd && table[c] === 0) table[c] = code;
  });
  table[0x20ac] = 0x80;
  return table;
}
