import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BoxList, bulkLoadRtree } from './rtree-bulk-load';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Two R-trees over the same boxes: one bulk-loaded, one filled by INSERTs through the R-tree module. */
function trees(count: number, seed: number, x0: number, spanM: number) {
  const db = new Database(':memory:');
  db.exec('CREATE VIRTUAL TABLE bulk USING rtree(id, minx, maxx, miny, maxy); CREATE VIRTUAL TABLE plain USING rtree(id, minx, maxx, miny, maxy)');
  const random = mulberry32(seed);
  const list = new BoxList();
  const insert = db.prepare('INSERT INTO plain VALUES (?, ?, ?, ?, ?)');
  for (let i = 0; i < count; i++) {
    const x = x0 + random() * spanM, y = 3385000 - random() * spanM, w = random() * 200, h = random() * 200;
    list.push(i * 3 + 1, x, x + w, y, y + h); // sparse ids, as after deletions
    insert.run(i * 3 + 1, x, x + w, y, y + h);
  }
  db.transaction(() => bulkLoadRtree(db, 'bulk', list))();
  return { db, random };
}

describe('bulk-loaded R-tree', () => {
  it.each([
    [0, 40500000], [1, 40500000], [51, 40500000], [52, -1000], [2601, 40500000], [20000, 40500000], [20000, -5000],
  ])('%i boxes at x %i: rtreecheck ok, same boxes and same query answers as INSERTed ones', (count, x0) => {
    const { db, random } = trees(count, count + 7, x0, 50000);
    expect(db.prepare("SELECT rtreecheck('bulk')").pluck().get()).toBe('ok');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // float32 rounding outwards exactly as the R-tree module does it
    expect(db.prepare('SELECT * FROM bulk ORDER BY id').raw().all()).toEqual(db.prepare('SELECT * FROM plain ORDER BY id').raw().all());
    for (let q = 0; q < 50; q++) {
      const x = x0 + random() * 50000, y = 3385000 - random() * 50000, s = random() * 3000;
      const ids = (t: string): number[] => db.prepare(`SELECT id FROM ${t} WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ? ORDER BY id`).pluck().all(x, x + s, y, y + s) as number[];
      expect(ids('bulk')).toEqual(ids('plain'));
    }
  });

  it('keeps working through the R-tree module afterwards (inserts, deletes, updates)', () => {
    const { db } = trees(5000, 3, 40500000, 20000);
    db.prepare('INSERT INTO bulk VALUES (?, ?, ?, ?, ?)').run(999999, 40500000, 40500010, 3380000, 3380010);
    db.prepare('DELETE FROM bulk WHERE id % 2 = 0').run();
    db.prepare('UPDATE bulk SET minx = minx - 1 WHERE id % 5 = 0').run();
    expect(db.prepare("SELECT rtreecheck('bulk')").pluck().get()).toBe('ok');
    expect(db.prepare('SELECT COUNT(*) FROM bulk').pluck().get()).toBe(db.prepare('SELECT COUNT(*) FROM plain WHERE id % 2 = 1').pluck().get() as number + 1);
  });

  it('leaves shadow tables read-only again', () => {
    const { db } = trees(10, 1, 0, 100);
    expect(() => db.exec('DELETE FROM bulk_node')).toThrow(/may not be modified/);
  });
});
