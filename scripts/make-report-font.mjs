#!/usr/bin/env node
// Makes the Chinese fonts the PDF report and map exports embed: Noto Sans CJK SC (SIL OFL 1.1) cut to the characters
// a 三调 report can hold — 5.1 MB + 1.6 MB instead of 2 × 20 MB —, of which pdfkit embeds in each PDF only the glyphs
// that document uses.
//
//   Regular: printable ASCII, Latin-1, every character GBK encodes (a GBK-encoded DLTB attribute can hold nothing
//            else: 21 886 characters incl. all 20 902 CJK Unified Ideographs), and the symbols the report prints
//            (m², CO₂, ℃, ≤ …)
//   Bold:    the same with GB2312 in place of GBK (headings and labels; the report falls back to Regular per character)
//   from:    Debian's fonts-noto-cjk (NotoSansCJK-Regular.ttc / -Bold.ttc, face "Noto Sans CJK SC"), the fonts QGIS and
//            LibreOffice use on Debian; `apt-get install fonts-noto-cjk`, then `node scripts/make-report-font.mjs`
//   to:      assets/fonts/NotoSansSC-Regular.otf, NotoSansSC-Bold.otf (the licence is assets/fonts/OFL.txt)
//
// Hinting is dropped and only the `kern` layout feature kept: harfbuzz's subsetter fails on this CID-keyed CFF font
// with ~10⁴ glyphs otherwise, and a PDF is rasterised at print resolution where CFF hints do nothing visible.
// The output is committed; this script is how a reviewer regenerates it (subset-font is a dev dependency).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = process.env.NOTO_CJK_DIR ?? '/usr/share/fonts/opentype/noto';
const outDir = path.join(root, 'assets', 'fonts');
const FACE_NAME = 'Noto Sans CJK SC';

/**
 * The characters kept: ASCII, Latin-1, the report's symbols and the double-byte characters of GBK (lead bytes
 * 0x81–0xFE) or of GB2312 alone (both bytes 0xA1–0xF7/0xFE: 7445 characters, 6763 of them hanzi).
 */
function repertoire(set) {
  const chars = new Set();
  for (let c = 0x20; c < 0x7f; c++) chars.add(String.fromCodePoint(c));
  for (let c = 0xa0; c <= 0xff; c++) chars.add(String.fromCodePoint(c));
  const gbk = new TextDecoder('gbk', { fatal: true });
  const [leadMin, leadMax, trailMin] = set === 'GBK' ? [0x81, 0xfe, 0x40] : [0xa1, 0xf7, 0xa1];
  for (let lead = leadMin; lead <= leadMax; lead++) {
    for (let trail = trailMin; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const s = gbk.decode(new Uint8Array([lead, trail]));
        if (s.length > 0 && s !== '\ufffd') chars.add(s);
      } catch {
        // not a GBK code point
      }
    }
  }
  const extraRanges = [
    [0x2010, 0x205e], // general punctuation (– — ‘ ’ “ ” … ‰ ′ ″)
    [0x2070, 0x209c], // superscripts and subscripts (CO₂, m³)
    [0x2100, 0x214f], // letterlike symbols (℃ №)
    [0x2190, 0x21ff], // arrows (north arrow label ↑)
    [0x2200, 0x22ff], // mathematical operators (≤ ≥ × Σ ∪)
    [0x2460, 0x24ff], // enclosed alphanumerics (① ②)
    [0x25a0, 0x25ff], // geometric shapes (■ □ ▲)
    [0x3000, 0x303f], // CJK symbols and punctuation
    [0xff01, 0xff5e], // fullwidth forms
  ];
  for (const [a, b] of extraRanges) for (let c = a; c <= b; c++) chars.add(String.fromCodePoint(c));
  for (const s of ['²', '³', '·', '×', '÷', '±', '°']) chars.add(s);
  return [...chars].join('');
}

/** One face of a TrueType/OpenType collection as a standalone sfnt (tables copied, offsets rewritten). */
function extractFace(ttc, wantedName) {
  const view = new DataView(ttc.buffer, ttc.byteOffset, ttc.byteLength);
  if (view.getUint32(0) !== 0x74746366) throw new Error('not a TTC file');
  const numFonts = view.getUint32(8);
  for (let i = 0; i < numFonts; i++) {
    const dir = view.getUint32(12 + 4 * i);
    const tables = [];
    const numTables = view.getUint16(dir + 4);
    for (let t = 0; t < numTables; t++) {
      const rec = dir + 12 + 16 * t;
      tables.push({ tag: view.getUint32(rec), checksum: view.getUint32(rec + 4), offset: view.getUint32(rec + 8), length: view.getUint32(rec + 12) });
    }
    const name = tables.find((t) => t.tag === 0x6e616d65); // 'name'
    if (!name || familyName(view, name.offset) !== wantedName) continue;
    const headerLength = 12 + 16 * numTables;
    let size = headerLength;
    for (const t of tables) size += (t.length + 3) & ~3;
    const out = new Uint8Array(size);
    const o = new DataView(out.buffer);
    out.set(ttc.subarray(dir, dir + 12), 0);
    let at = headerLength;
    tables.forEach((t, k) => {
      o.setUint32(12 + 16 * k, t.tag);
      o.setUint32(12 + 16 * k + 4, t.checksum);
      o.setUint32(12 + 16 * k + 8, at);
      o.setUint32(12 + 16 * k + 12, t.length);
      out.set(ttc.subarray(t.offset, t.offset + t.length), at);
      at += (t.length + 3) & ~3;
    });
    return out;
  }
  throw new Error(`no face named ${wantedName}`);
}

/** The family name (name id 1, Windows Unicode) of a 'name' table. */
function familyName(view, offset) {
  const count = view.getUint16(offset + 2);
  const strings = offset + view.getUint16(offset + 4);
  for (let r = 0; r < count; r++) {
    const rec = offset + 6 + 12 * r;
    const [platform, , , nameId, length, off] = [0, 2, 4, 6, 8, 10].map((d) => view.getUint16(rec + d));
    if (platform !== 3 || nameId !== 1) continue;
    let s = '';
    for (let k = 0; k < length; k += 2) s += String.fromCharCode(view.getUint16(strings + off + k));
    return s;
  }
  return null;
}

mkdirSync(outDir, { recursive: true });
// Body text can be any attribute value, so Regular keeps GBK; Bold sets only headings and labels, so GB2312 (the
// report falls back to Regular for a character Bold lacks, e.g. a rare character in a red line's name).
for (const [weight, set] of [['Regular', 'GBK'], ['Bold', 'GB2312']]) {
  const text = repertoire(set);
  const ttc = new Uint8Array(readFileSync(path.join(sourceDir, `NotoSansCJK-${weight}.ttc`)));
  const face = extractFace(ttc, FACE_NAME);
  const subset = await subsetFont(Buffer.from(face), text, { targetFormat: 'sfnt', keepFeatures: ['kern'], noHinting: true });
  const file = path.join(outDir, `NotoSansSC-${weight}.otf`);
  writeFileSync(file, subset);
  console.log(`${path.relative(root, file)}: ${set}, ${[...text].length} characters, ${(subset.length / 1e6).toFixed(2)} MB`);
}
