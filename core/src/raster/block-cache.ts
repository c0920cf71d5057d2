/**
 * A least-recently-used cache of decoded raster blocks with a byte budget, so neighbouring parcels reuse the
 * tiles they share while memory stays bounded whatever the raster's size.
 */
import type { RasterArray } from './raster';

export class BlockCache {
  private readonly entries = new Map<number, RasterArray>();
  private bytes = 0;

  /** @param budgetBytes the most decoded bytes kept (one block is always kept, even when larger). */
  constructor(private readonly budgetBytes: number) {}

  get(key: number): RasterArray | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Map iteration order is insertion order: re-inserting marks the entry most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: number, block: RasterArray): void {
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.byteLength;
      this.entries.delete(key);
    }
    this.entries.set(key, block);
    this.bytes += block.byteLength;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.budgetBytes || this.entries.size === 1) break;
      this.entries.delete(k);
      this.bytes -= v.byteLength;
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}
