/**
 * Fills an empty SQLite R-tree in one pass: the boxes are packed bottom-up with Sort-Tile-Recursive (STR) and the
 * nodes written straight into the R-tree's shadow tables (`<name>_node`, `_parent`, `_rowid`), as GDAL does for
 * GeoPackages it writes. Inserting 300 000 boxes one by one through the R-tree module costs seconds of node splits;
 * this costs a sort and 300 000 small rows. The format is SQLite's (ext/rtree/rtree.c):
 *
 *   node blob (1 228 bytes for 2-D: 4 + 51 cells × 24 bytes, rtree.c RTREE_MAXCELLS):
 *     [depth u16 (root only)] [cell count u16] then per cell: [rowid or child node i64] [minx maxx miny maxy f32],
 *     all big-endian; coordinates rounded outwards to float32 as rtree.c's rtreeValueDown/rtreeValueUp do.
 *   node 1 is the root; `_parent` maps every other node to its parent; `_rowid` maps every entry to its leaf.
 *
 * `SELECT rtreecheck(name)` (and PRAGMA integrity_check) verify the result; the store's tests run both.
 */
import type Database from 'better-sqlite3';
import { quoteId } from './sql-names';

const MAX_CELLS = 51;
const CELL_BYTES = 24;
const NODE_BYTES = 4 + MAX_CELLS * CELL_BYTES;

/** A growable list of (id, minX, maxX, minY, maxY) entries in float64. */
export class BoxList {
  ids = new Float64Array(1024);
  boxes = new Float64Array(4096);
  count = 0;

  push(id: number, minX: number, maxX: number, minY: number, maxY: number): void {
    if (this.count === this.ids.length) {
      const ids = new Float64Array(this.ids.length * 2);
      ids.set(this.ids);
      this.ids = ids;
      const boxes = new Float64Array(this.boxes.length * 2);
      boxes.set(this.boxes);
      this.boxes = boxes;
    }
    const k = this.count++;
    this.ids[k] = id;
    this.boxes.set([minX, maxX, minY, maxY], 4 * k);
  }
}

interface Level {
  /** Child id per entry (rowid for leaves, node number above). */
  ids: Float64Array;
  /** float32-rounded boxes, 4 per entry. */
  boxes: Float64Array;
  count: number;
}

/**
 * Writes `entries` into the empty R-tree `rtree` (created with `USING rtree(id, minx, maxx, miny, maxy)`).
 * Run inside the caller's write transaction.
 */
export function bulkLoadRtree(db: Database.Database, rtree: string, entries: BoxList): void {
  if (entries.count === 0) return;
  let level: Level = { ids: entries.ids.subarray(0, entries.count), boxes: roundOutwards(entries.boxes.subarray(0, 4 * entries.count)), count: entries.count };
  // Build levels bottom-up; each node is [its entries' indices in `level`].
  const levels: { level: Level; nodes: Int32Array[] }[] = [];
  for (;;) {
    const nodes = packLevel(level);
    levels.push({ level, nodes });
    if (nodes.length === 1) break;
    level = parentLevel(level, nodes);
  }
  // Number the nodes: the root is 1, then level by level from the top.
  let next = 2;
  const numbers = levels.map((l, depth) => Float64Array.from(l.nodes, () => (depth === levels.length - 1 ? 1 : 0)));
  for (let d = levels.length - 2; d >= 0; d--) for (let i = 0; i < numbers[d].length; i++) numbers[d][i] = next++;
  // A level above the leaves refers to its children by node number: rewrite those ids.
  for (let d = 1; d < levels.length; d++) levels[d].level.ids = Float64Array.from(numbers[d - 1]);

  const q = (suffix: string): string => quoteId(`${rtree}_${suffix}`);
  db.unsafeMode(true); // the shadow tables are read-only to SQL in SQLite's defensive mode
  try {
    db.exec(`DELETE FROM ${q('node')}; DELETE FROM ${q('parent')}; DELETE FROM ${q('rowid')};`);
    const insertNode = db.prepare(`INSERT INTO ${q('node')} (nodeno, data) VALUES (?, ?)`);
    const insertParent = db.prepare(`INSERT INTO ${q('parent')} (nodeno, parentnode) VALUES (?, ?)`);
    const insertRowid = db.prepare(`INSERT INTO ${q('rowid')} (rowid, nodeno) VALUES (?, ?)`);
    const depth = levels.length - 1;
    levels.forEach(({ level: l, nodes }, d) => {
      nodes.forEach((members, i) => {
        const nodeno = numbers[d][i];
        insertNode.run(nodeno, nodeBlob(l, members, nodeno === 1 ? depth : 0));
        for (const m of members) {
          if (d === 0) insertRowid.run(l.ids[m], nodeno);
          else insertParent.run(l.ids[m], nodeno);
        }
      });
    });
  } finally {
    db.unsafeMode(false);
  }
}

/** STR: sort by x centre, cut into √(node count) vertical slices, sort each by y centre, cut into nodes. */
function packLevel(l: Level): Int32Array[] {
  const order = Int32Array.from({ length: l.count }, (_, i) => i);
  const cx = (i: number): number => l.boxes[4 * i] + l.boxes[4 * i + 1];
  const cy = (i: number): number => l.boxes[4 * i + 2] + l.boxes[4 * i + 3];
  order.sort((a, b) => cx(a) - cx(b));
  const nodeCount = Math.ceil(l.count / MAX_CELLS);
  const slices = Math.ceil(Math.sqrt(nodeCount));
  const perSlice = slices * MAX_CELLS;
  const nodes: Int32Array[] = [];
  for (let s = 0; s < l.count; s += perSlice) {
    const slice = order.subarray(s, Math.min(l.count, s + perSlice)).sort((a, b) => cy(a) - cy(b));
    for (let k = 0; k < slice.length; k += MAX_CELLS) nodes.push(slice.slice(k, k + MAX_CELLS));
  }
  return nodes;
}

/** One entry per node, its box the union of its members' (ids are filled in once nodes are numbered). */
function parentLevel(l: Level, nodes: Int32Array[]): Level {
  const boxes = new Float64Array(4 * nodes.length);
  nodes.forEach((members, i) => {
    let [a, b, c, d] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const m of members) {
      a = Math.min(a, l.boxes[4 * m]);
      b = Math.max(b, l.boxes[4 * m + 1]);
      c = Math.min(c, l.boxes[4 * m + 2]);
      d = Math.max(d, l.boxes[4 * m + 3]);
    }
    boxes.set([a, b, c, d], 4 * i);
  });
  return { ids: new Float64Array(nodes.length), boxes, count: nodes.length };
}

function nodeBlob(l: Level, members: Int32Array, depth: number): Uint8Array {
  const out = new Uint8Array(NODE_BYTES);
  const v = new DataView(out.buffer);
  v.setUint16(0, depth);
  v.setUint16(2, members.length);
  members.forEach((m, k) => {
    const o = 4 + k * CELL_BYTES;
    v.setBigInt64(o, BigInt(l.ids[m]));
    for (let j = 0; j < 4; j++) v.setFloat32(o + 8 + 4 * j, l.boxes[4 * m + j]);
  });
  return out;
}

// rtree.c: RNDTOWARDS = 1 − 2⁻²³, RNDAWAY = 1 + 2⁻²³.
const RND_TOWARDS = 1 - 1 / 8388608;
const RND_AWAY = 1 + 1 / 8388608;

/** Rounds [minx, maxx, miny, maxy] boxes to float32 so the box only grows, exactly as rtree.c rtreeValueDown/Up do. */
function roundOutwards(boxes: Float64Array): Float64Array {
  const out = new Float64Array(boxes.length);
  for (let i = 0; i < boxes.length; i++) {
    const d = boxes[i];
    let f = Math.fround(d);
    if (i % 2 === 0 && f > d) f = Math.fround(d * (d < 0 ? RND_AWAY : RND_TOWARDS));
    if (i % 2 === 1 && f < d) f = Math.fround(d * (d < 0 ? RND_TOWARDS : RND_AWAY));
    out[i] = f;
  }
  return out;
}
