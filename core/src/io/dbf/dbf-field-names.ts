/**
 * DBF field names as GDAL's shapefile writer makes them (OGRShapeLayer::CreateField, checked against GDAL 3.6):
 * ':' becomes '_', the name is cut to 10 bytes in the file's encoding and trailing spaces dropped; a name already
 * taken (compared case-insensitively, ASCII) becomes its first 8 bytes + `_1` … `_9`, then + `10` … `99`.
 *   LONGFIELDNAME1 → LONGFIELDN,  LONGFIELDNAME2 → LONGFIEL_1,  longfieldname3 → longfiel_2
 * Unlike GDAL we never cut a multi-byte character in half: 中文字段名称 in GBK keeps 中文字段名 (10 bytes).
 */
import { InputError } from '../../errors';
import { encodeText } from '../text-codec';

export const MAX_NAME_BYTES = 10;

/**
 * Makes DBF field names from the caller's names.
 * @param names the names wanted, in field order.
 * @param encoding the file's encoding (names are measured in its bytes).
 * @returns the names to write, in the same order.
 * @throws InputError DBF_WRITE_NAME_UNENCODABLE (a character the encoding lacks), DBF_WRITE_NAMES_CLASH (more
 *   than 99 names alike once cut).
 */
export function dbfFieldNames(names: readonly string[], encoding: 'GBK' | 'UTF-8'): string[] {
  const taken = new Set<string>();
  return names.map((wanted, i) => {
    const name = cutToBytes(wanted.replace(/:/g, '_'), MAX_NAME_BYTES, encoding).replace(/ +$/, '') || `FIELD${i + 1}`;
    let chosen = name;
    if (taken.has(upperAscii(chosen))) {
      const radix = cutToBytes(name, 8, encoding);
      chosen = '';
      for (let n = 1; n < 100 && !chosen; n++) {
        const candidate = n < 10 ? `${radix}_${n}` : `${radix}${n}`;
        if (!taken.has(upperAscii(candidate))) chosen = candidate;
      }
      if (!chosen) throw new InputError('DBF_WRITE_NAMES_CLASH', { name: wanted });
    }
    taken.add(upperAscii(chosen));
    return chosen;
  });
}

/** The longest prefix of `text` whose encoding fits in `maxBytes`, cut between characters. */
export function cutToBytes(text: string, maxBytes: number, encoding: 'GBK' | 'UTF-8'): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const encoded = encodeText(char, encoding);
    if (!encoded) throw new InputError('DBF_WRITE_NAME_UNENCODABLE', { name: text, char, encoding });
    if (bytes + encoded.length > maxBytes) break;
    bytes += encoded.length;
    end += char.length;
  }
  return text.slice(0, end);
}

function upperAscii(text: string): string {
  return text.replace(/[a-z]+/g, (s) => s.toUpperCase());
}
