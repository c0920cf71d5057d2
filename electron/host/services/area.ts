/**
 * Per-feature areas of a polygon layer — `vep area` (docs/design/cli.md § vep area): the 三调 ellipsoidal area on the
 * layer's own ellipsoid (sandiao-data.md §6.1, holes subtracted), the planar area in the projected CRS (null for a
 * geographic layer), and the TBMJ field beside them so users can audit their data. Streams: one row at a time.
 */
import path from 'node:path';
import { AREA_DP, ellipsoidalAreaFunction, InputError, planarAreaM2, roundNumber, type CrsInfo, type Geometry, type PropertyValue, type TaskContext } from '#core';
import { openVector, type OpenVectorOptions } from './open-vector';

export interface AreaRow {
  index: number;
  id: PropertyValue;
  planarArea: number | null;
  ellipsoidalArea: number;
  tbmj: number | null;
}

export interface AreaTotals {
  planarArea: number | null;
  ellipsoidalArea: number;
}

export interface AreaRun {
  crs: CrsInfo;
  featureCount: number;
  rows: Iterable<AreaRow>;
  /** Valid once `rows` has been iterated to the end: sums of the unrounded areas, then rounded. */
  totals(): AreaTotals;
  close(): void;
}

/**
 * Opens `file` and returns its area rows lazily. Features without a polygon get no row (their index is skipped).
 * @param idField attribute to report as `id` (default: BSM when the layer has it, else the record index).
 * @throws InputError LAYER_NO_CRS, LAYER_NOT_POLYGONAL, and the readers' errors.
 */
export function layerAreas(file: string, options: OpenVectorOptions & { idField?: string } = {}, ctx: TaskContext = {}): AreaRun {
  const layer = openVector(file, options, ctx);
  try {
    const { info } = layer;
    const name = path.basename(file);
    if (!info.crs) throw new InputError('LAYER_NO_CRS', { file: name });
    if (info.geometryType !== 'Polygon' && info.geometryType !== 'MultiPolygon') throw new InputError('LAYER_NOT_POLYGONAL', { file: name, type: info.geometryType ?? 'none' });
    const crs = info.crs;
    const fieldNames = info.fields.map((f) => f.name);
    const idField = options.idField ?? fieldNames.find((f) => f.toUpperCase() === 'BSM');
    if (options.idField !== undefined && !fieldNames.includes(options.idField)) {
      throw new InputError('INVALID_ARGUMENT', { name: '--id-field', reason: `${name} has no field ${options.idField} (fields: ${fieldNames.join(', ')})` });
    }
    const tbmjField = fieldNames.find((f) => f.toUpperCase() === 'TBMJ' || f === '图斑面积');
    const ellipsoidal = ellipsoidalAreaFunction(crs);
    let planarSum = 0;
    let ellipsoidalSum = 0;
    const geographic = crs.kind === 'geographic';
    function* rows(): Iterable<AreaRow> {
      let index = 0;
      for (const f of layer.features()) {
        const i = index++;
        if (ctx.signal?.aborted) return;
        const g = f.geometry as Geometry | null;
        if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
        const e = ellipsoidal(g);
        const p = geographic ? null : planarAreaM2(g);
        ellipsoidalSum += e;
        planarSum += p ?? 0;
        const tbmj = tbmjField === undefined ? null : f.properties[tbmjField];
        yield {
          index: i,
          id: idField === undefined ? i : (f.properties[idField] ?? null),
          planarArea: p === null ? null : roundNumber(p, AREA_DP),
          ellipsoidalArea: roundNumber(e, AREA_DP),
          tbmj: typeof tbmj === 'number' ? tbmj : typeof tbmj === 'string' && tbmj.trim() !== '' && Number.isFinite(Number(tbmj)) ? Number(tbmj) : null,
        };
      }
    }
    return {
      crs,
      featureCount: info.featureCount,
      rows: rows(),
      totals: () => ({ planarArea: geographic ? null : roundNumber(planarSum, AREA_DP), ellipsoidalArea: roundNumber(ellipsoidalSum, AREA_DP) }),
      close: () => layer.close(),
    };
  } catch (e) {
    layer.close();
    throw e;
  }
}
