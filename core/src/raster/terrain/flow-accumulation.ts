/**
 * D8 flow accumulation: for every cell, the number of cells that drain through it, itself included (so a ridge
 * cell has 1). Cells are visited in topological order (Kahn's algorithm on the "drains into" graph, which has no
 * cycles because every step goes strictly downhill), so there is no recursion to overflow on long flow paths and
 * the work is linear in the number of cells.
 */
import type { Raster } from '../raster';
import { D8_NODATA, D8_NONE, D8_OFFSETS } from './flow-direction';

export const ACCUMULATION_NODATA = -1;

/**
 * @param direction a D8 direction raster from {@link flowDirectionD8}.
 * @returns a Float64 raster of cell counts ≥ 1, nodata −1 where the direction is nodata.
 */
export function flowAccumulationD8(direction: Raster): Raster {
  const { width: w, height: h } = direction;
  const dir = direction.data[0];
  const n = w * h;
  const target = new Int32Array(n).fill(-1);
  const inflow = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const d = dir[i];
    if (d === D8_NODATA || d === D8_NONE) continue;
    const c = (i % w) + D8_OFFSETS[d][0];
    const r = Math.floor(i / w) + D8_OFFSETS[d][1];
    if (c < 0 || r < 0 || c >= w || r >= h) continue;
    target[i] = r * w + c;
    inflow[r * w + c]++;
  }
  const accumulation = new Float64Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) {
    if (dir[i] === D8_NODATA) {
      accumulation[i] = ACCUMULATION_NODATA;
      continue;
    }
    accumulation[i] = 1;
    if (inflow[i] === 0) queue[tail++] = i;
  }
  while (head < tail) {
    const i = queue[head++];
    const t = target[i];
    if (t < 0) continue;
    accumulation[t] += accumulation[i];
    if (--inflow[t] === 0) queue[tail++] = t;
  }
  return { width: w, height: h, dataType: 'Float64', noData: ACCUMULATION_NODATA, geoTransform: direction.geoTransform, crs: direction.crs, data: [accumulation] };
}
