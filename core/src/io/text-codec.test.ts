import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decoderFor, encodeText, encodingFromLabel, firstUnencodable, isValidGb18030, isValidUtf8 } from './text-codec';

describe('encoding labels', () => {
  const cases: [string, string | null][] = [
    ['GBK', 'GBK'], ['gbk', 'GBK'], ['936', 'GBK'], [' 936\r\n', 'GBK'], ['CP936', 'GBK'], ['cp936', 'GBK'], ['ANSI 936', 'GBK'],
    ['GB2312', 'GBK'], ['\uFEFFgb2312\n', 'GBK'], ['\u00EF\u00BB\u00BFGBK', 'GBK'], ['GB18030', 'GB18030'], ['54936', 'GB18030'],
    ['UTF-8', 'UTF-8'], ['utf8', 'UTF-8'], ['65001', 'UTF-8'], ['Big5', 'Big5'], ['950', 'Big5'], ['CP950', 'Big5'],
    ['1252', 'windows-1252'], ['windows-1252', 'windows-1252'], ['8859-1', 'ISO-8859-1'], ['ISO-8859-1', 'ISO-8859-1'],
    ['949', 'EUC-KR'], ['932', 'Shift_JIS'], ['1251', 'windows-1251'], ['', null], ['klingon', null], ['437', null],
  ];
  for (const [label, name] of cases) {
    it(`${JSON.stringify(label)} → ${name}`, () => expect(encodingFromLabel(label)?.name ?? null).toBe(name));
  }

  it('marks the one-byte code pages', () => {
    expect(encodingFromLabel('1252')!.singleByte).toBe(true);
    expect(encodingFromLabel('GBK')!.singleByte).toBe(false);
  });
});

describe('decoding', () => {
  it('decodes GBK and the four-byte GB18030 forms with one decoder', () => {
    // The bytes come from iconv-lite, an independent encoder: 中 is two bytes, 𠮷 (U+20BB7) four.
    const bytes = Uint8Array.from(iconv.encode('中𠮷', 'gb18030'));
    expect(decoderFor(encodingFromLabel('GBK')!)!.decode(bytes)).toBe('中𠮷');
  });

  it('tells well-formed UTF-8 and GB18030 apart', () => {
    const utf8 = new TextEncoder().encode('水田');
    const gbk = Uint8Array.from([0xcb, 0xae, 0xcc, 0xef]);
    expect([isValidUtf8(utf8), isValidUtf8(gbk)]).toEqual([true, false]);
    expect(isValidGb18030(gbk)).toBe(true);
    expect(isValidGb18030(Uint8Array.from([0x63, 0x61, 0x66, 0xe9]))).toBe(false); // "café" in windows-1252
  });
});

describe('GBK encoding without tables in our source', () => {
  it('agrees with iconv-lite on every CJK unified ideograph of GBK (U+4E00–U+9FA5)', () => {
    const chars: string[] = [];
    for (let c = 0x4e00; c <= 0x9fa5; c++) chars.push(String.fromCharCode(c));
    const text = chars.join('');
    expect(Array.from(encodeText(text, 'GBK')!)).toEqual(Array.from(iconv.encode(text, 'gbk')));
  });

  it('round-trips punctuation, full-width forms and ASCII; € is the single byte 0x80 as in code page 936', () => {
    const text = '地类图斑（DLTB）：水田、旱地；ＡＢＣ123 €';
    const bytes = encodeText(text, 'GBK')!;
    expect(decoderFor(encodingFromLabel('GBK')!)!.decode(bytes)).toBe(text);
    expect(bytes[bytes.length - 1]).toBe(0x80);
  });

  it('reports characters GBK cannot hold instead of writing "?"', () => {
    expect(encodeText('𠮷野家', 'GBK')).toBeNull();
    expect(firstUnencodable('吉野𠮷家', 'GBK')).toBe('𠮷');
    expect(firstUnencodable('吉野家', 'GBK')).toBeNull();
    expect(encodeText('𠮷', 'UTF-8')).toEqual(Uint8Array.from([0xf0, 0xa0, 0xae, 0xb7]));
  });
});
