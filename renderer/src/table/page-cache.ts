/**
 * Rows of a large attribute table fetched page by page as the user scrolls: only the pages in view are asked for,
 * each once, and a change of filter or sort starts a new generation so late answers of the old one are dropped.
 */
import type { Properties } from '#core';

export interface PageRow {
  id: number;
  properties: Properties;
}

export type FetchPage = (offset: number, limit: number) => Promise<{ total: number; rows: PageRow[] }>;

export class PageCache {
  private readonly pages = new Map<number, PageRow[]>();
  private readonly pending = new Set<number>();
  total: number | null = null;

  constructor(private readonly fetchPage: FetchPage, readonly pageSize: number, private readonly onUpdate: () => void) {}

  /** The row at `index`, or undefined while its page loads (the page is requested). */
  row(index: number): PageRow | undefined {
    const page = Math.floor(index / this.pageSize);
    const rows = this.pages.get(page);
    if (rows) return rows[index - page * this.pageSize];
    this.load(page);
    return undefined;
  }

  /** Requests the pages covering rows [first, last]. */
  ensure(first: number, last: number): void {
    for (let p = Math.floor(first / this.pageSize); p <= Math.floor(Math.max(first, last) / this.pageSize); p++) this.load(p);
  }

  private load(page: number): void {
    if (this.pages.has(page) || this.pending.has(page)) return;
    if (this.total !== null && page * this.pageSize >= this.total && page > 0) return;
    this.pending.add(page);
    this.fetchPage(page * this.pageSize, this.pageSize)
      .then((r) => {
        this.total = r.total;
        this.pages.set(page, r.rows);
      })
      .catch((e: unknown) => console.error('attribute page failed', e))
      .finally(() => {
        this.pending.delete(page);
        this.onUpdate();
      });
  }
}
