import { decoderFor, isValidGb18030, isValidUtf8 } from '../text-codec';

export interface DecodedText {
  text: string;
  /** "UTF-8", "GBK" (decoded with the GB18030 superset) or "UTF-16LE"/"UTF-16BE". */
  encoding: string;
  /** False when the bytes were valid in none of the candidate encodings (some characters are U+FFFD). */
  valid: boolean;
}

/**
 * Decodes a Chinese text file the way docs/methods/sandiao-data.md §7 rule 1 says: a UTF-8 BOM or bytes that pass a
 * strict UTF-8 check are UTF-8 (BOM stripped); otherwise GB18030, which reads GBK and GB2312 too. A UTF-16 BOM
 * (Windows Notepad's "Unicode") is honoured. Strict UTF-8 first is safe: GBK text with any Chinese character is
 * almost never valid UTF-8, while UTF-8 text read as GBK would silently become mojibake.
 */
export function decodeChineseText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith(bytes.subarray(2), 'UTF-16LE', 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith(bytes.subarray(2), 'UTF-16BE', 'utf-16be');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (bom || isValidUtf8(body)) return decodeWith(body, 'UTF-8', 'utf-8', bom ? isValidUtf8(body) : true);
  return decodeWith(body, 'GBK', 'gb18030', isValidGb18030(body));
}

function decodeWith(bytes: Uint8Array, name: string, label: string, valid = true): DecodedText {
  const decoder = decoderFor({ name, decoderLabel: label, singleByte: false });
  if (decoder) return { text: decoder.decode(bytes), encoding: name, valid };
  // Every runtime core targets has UTF-8; a platform without UTF-16 or GB18030 decoders falls back to it.
  return { text: decoderFor({ name: 'UTF-8', decoderLabel: 'utf-8', singleByte: false })!.decode(bytes), encoding: 'UTF-8', valid: false };
}
