import { describe, expect, it } from 'vitest';
import { PageCache, type PageRow } from './page-cache';

const TOTAL = 1050;
function source() {
  const calls: [number, number][] = [];
  const fetchPage = async (offset: number, limit: number) => {
    calls.push([offset, limit]);
    const rows: PageRow[] = [];
    for (let i = offset; i < Math.min(TOTAL, offset + limit); i++) rows.push({ id: i + 1, properties: { n: i } });
    return { total: TOTAL, rows };
  };
  return { calls, fetchPage };
}

describe('PageCache', () => {
  it('fetches only the pages in view, each once', async () => {
    const { calls, fetchPage } = source();
    let updates = 0;
    const cache = new PageCache(fetchPage, 100, () => updates++);
    expect(cache.row(250)).toBeUndefined();
    expect(cache.row(299)).toBeUndefined(); // same page: not asked twice
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual([[200, 100]]);
    expect(cache.row(250)).toEqual({ id: 251, properties: { n: 250 } });
    expect(cache.total).toBe(TOTAL);
    expect(updates).toBe(1);
  });

  it('requests the pages covering a range and none past the end', async () => {
    const { calls, fetchPage } = source();
    const cache = new PageCache(fetchPage, 500, () => {});
    cache.ensure(0, 10);
    await new Promise((r) => setTimeout(r, 0));
    cache.ensure(900, 2000); // pages 1…4 asked; 3 and 4 start past row 1050 and are skipped
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual([[0, 500], [500, 500], [1000, 500]]);
    expect(cache.row(1049)?.id).toBe(1050);
  });
});
