/** Coordinate text files past the size limit are refused from their length, before any decoding. */
import { openCoordinatesTxt } from '#core';
import { describe, it } from 'vitest';
import { expectInputError } from './tiny-files';

describe('coordinate text file size', () => {
  it('a file one byte past 256 MiB is TXT_TOO_LARGE naming the file, its size and the limit', async () => {
    const limit = 256 * 1024 * 1024;
    // Zero pages: the allocation is not touched, the reader must refuse on the length alone.
    const bytes = new Uint8Array(limit + 1);
    await expectInputError(() => openCoordinatesTxt(bytes, { file: '红线.txt' }), 'TXT_TOO_LARGE', ['红线.txt', limit + 1, limit]);
  });
});
