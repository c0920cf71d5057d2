import { describe, expect, it } from 'vitest';
import { LruCache } from './lru-cache';

describe('LruCache', () => {
  const bytes = (n: number): Uint8Array => new Uint8Array(n);

  it('evicts the least recently used entries once over the byte bound', () => {
    const cache = new LruCache<Uint8Array>(100, (v) => v.length);
    cache.set('a', bytes(40));
    cache.set('b', bytes(40));
    cache.get('a'); // a is now more recent than b
    cache.set('c', bytes(40)); // 120 > 100: b goes
    expect([cache.get('a')?.length, cache.get('b'), cache.get('c')?.length]).toEqual([40, undefined, 40]);
    expect(cache.totalBytes).toBe(80);
  });

  it('replaces a key without double counting, refuses values larger than the bound, drops by prefix', () => {
    const cache = new LruCache<Uint8Array>(100, (v) => v.length);
    cache.set('t/1', bytes(30));
    cache.set('t/1', bytes(50));
    expect(cache.totalBytes).toBe(50);
    cache.set('huge', bytes(101));
    expect(cache.get('huge')).toBeUndefined();
    cache.set('u/1', bytes(10));
    cache.deletePrefix('t/');
    expect([cache.size, cache.totalBytes]).toEqual([1, 10]);
  });
});
