/**
 * Coordinate text files past the size limit are refused from their length, before any decoding; numbers too long
 * to be a double (they would read as Infinity) are not numbers.
 */
import { readFileSync } from 'node:fs';
import { openCoordinatesTxt } from '#core';
import { describe, expect, it } from 'vitest';
import { expectInputError, expectMessages } from './tiny-files';

const EXAMPLE = readFileSync(new URL('../../core/fixtures/coordinates-txt/in/example-7.txt', import.meta.url), 'utf8');
const encode = (text: string) => new TextEncoder().encode(text);

describe('coordinate text file size', () => {
  it('a file one byte past 256 MiB is TXT_TOO_LARGE naming the file, its size and the limit', async () => {
    const limit = 256 * 1024 * 1024;
    // Zero pages: the allocation is not touched, the reader must refuse on the length alone.
    const bytes = new Uint8Array(limit + 1);
    await expectInputError(() => openCoordinatesTxt(bytes, { file: '红线.txt' }), 'TXT_TOO_LARGE', ['红线.txt', limit + 1, limit]);
  });
});

describe('numbers past the range of a double', () => {
  it('a 400-digit coordinate is TXT_BAD_COORDINATE with its line and the start of the value, not an infinite vertex', async () => {
    // Line 15 of the example is "J2,1,3512000.000,39512100.000": X (northing) is the third field.
    const text = EXAMPLE.replace('J2,1,3512000.000,', `J2,1,${'9'.repeat(400)},`);
    const e = await expectInputError(() => openCoordinatesTxt(encode(text), { file: '红线.txt' }), 'TXT_BAD_COORDINATE', ['红线.txt', 15]);
    expect(e.details.value).toBe(`${'9'.repeat(40)}…`);
  });

  it('a 400-digit parcel area is read as empty with TXT_BAD_NUMBER, not as Infinity hectares', () => {
    const text = EXAMPLE.replace('10,0.9600,1,', `10,${'9'.repeat(400)},1,`);
    const layer = openCoordinatesTxt(encode(text), { file: '红线.txt' });
    expect([...layer.features()][0].properties.DKMJ).toBeNull();
    const issue = layer.issues.find((i) => i.code === 'TXT_BAD_NUMBER')!;
    expect(issue.details).toMatchObject({ line: 13, field: '地块面积' });
    expectMessages(issue, ['红线.txt', 13]);
  });
});

