/**
 * docs/bad-input.md cannot drift: it must equal its rendering from the case list and the message catalogue, every
 * case's code must be catalogued and asserted in one of its test files, and every file the document names must exist.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isMessageCode } from '#core';
import { describe, expect, it } from 'vitest';
import { BAD_INPUT_TOPICS } from './bad-input-cases';
import { DOMAIN_MESSAGES, GUARANTEES, renderBadInputDoc } from './bad-input-doc';

const root = new URL('../../', import.meta.url);
const DOC = new URL('docs/bad-input.md', root);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const cases = BAD_INPUT_TOPICS.flatMap((t) => t.cases);

describe('docs/bad-input.md', () => {
  it('is the rendering of the catalogue (REGEN=1 rewrites it)', () => {
    const rendered = renderBadInputDoc();
    if (process.env.REGEN) writeFileSync(DOC, rendered);
    expect(readFileSync(DOC, 'utf8')).toBe(rendered);
  });

  it('covers the hostile inputs the product must survive', () => {
    const codes = new Set(cases.map((c) => c.code));
    for (const c of ['SHP_TOO_SHORT', 'SHP_TRUNCATED', 'DBF_TOO_SHORT', 'SHP_DBF_COUNT_MISMATCH', 'SHP_RECORD_WRONG_TYPE', 'SHP_NON_FINITE_COORDINATE',
      'CRS_COORDINATES_ABSURD', 'CRS_UNPARSEABLE', 'CRS_UNSUPPORTED', 'DBF_FIELD_OVERFLOW', 'ENCODING_MIXED', 'ZIP_SIZE_MISMATCH', 'ZIP_UNSAFE_PATH',
      'TIFF_COMPRESSION_UNSUPPORTED', 'TIFF_BAD_IFD_OFFSET', 'TIFF_IFD_LOOP', 'RASTER_TOO_LARGE', 'TXT_NO_PARCEL_SECTION', 'TXT_BAD_COORDINATE',
      'REDLINE_OUTSIDE_PARCELS', 'REDLINE_SELF_INTERSECTION', 'RASTER_OUTSIDE_ZONE']) expect(codes, c).toContain(c);
    expect(cases.some((c) => /10⁸/.test(c.input))).toBe(true);
    expect(cases.some((c) => /does not close/.test(c.input))).toBe(true);
  });

  it.each(cases.map((c) => [c.input, c] as const))('%s: the code is catalogued and asserted by its test files', (_, c) => {
    for (const path of c.tests) expect(existsSync(new URL(path, root)), path).toBe(true);
    expect(c.tests.some((p) => p.endsWith('.test.ts')), 'at least one test file').toBe(true);
    if (c.code === null) {
      expect(c.handling).toBeTruthy();
      return;
    }
    expect(isMessageCode(c.code), c.code).toBe(true);
    const word = new RegExp(`\\b${c.code}\\b`);
    expect(c.tests.some((p) => word.test(read(p))), `${c.code} in ${c.tests.join(', ')}`).toBe(true);
  });

  it('lists every code of the io, crs, raster, geometry and formats catalogues', () => {
    const doc = readFileSync(DOC, 'utf8');
    const missing = Object.values(DOMAIN_MESSAGES).flatMap((m) => Object.keys(m)).filter((code) => !doc.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });

  it('names only test files that exist for the guarantees beyond single files', () => {
    for (const g of GUARANTEES) for (const path of g.tests) expect(existsSync(new URL(path, root)), path).toBe(true);
  });
});
