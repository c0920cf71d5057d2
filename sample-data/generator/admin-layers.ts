/**
 * The village (CJDCQ 村级调查区) and township (XZQ 行政区) layers of a tile, with the areas of
 * docs/methods/sandiao-data.md §3 and §2.4: DCMJ = Σ TBMJ of the unit's parcels, JSMJ = the ellipsoidal area of
 * its own polygon. Both outlines are unions of the same cells as the parcels, so boundaries coincide exactly.
 */
import { crsToEsriWkt, ellipsoidalAreaM2, type CrsInfo, type Feature } from '#core';
import Decimal from 'decimal.js';
import type { WrittenParcel } from './dltb-layer';
import { round2 } from './dltb-record';
import { CJDCQ_FIELDS, XZQ_FIELDS, YSDM } from './dltb-schema';
import { gkGeometry, type Origin } from './gk-geometry';
import { outlineOf } from './rings';
import { ShapefileSink } from './shapefile-sink';
import type { Tile } from './tile';
import { COUNTY_CODE } from './villages';

/** Writes `dir/CJDCQ` and `dir/XZQ`. @returns the number of villages and townships written. */
export function writeAdminLayers(dir: string, tile: Tile, written: readonly WrittenParcel[], origin: Origin, crs: CrsInfo): { villages: number; townships: number } {
  const dcmj = new Map<string, Decimal>();
  for (const p of written) dcmj.set(p.village, (dcmj.get(p.village) ?? new Decimal(0)).plus(p.tbmj));

  const cellsOf = new Map<string, number[]>();
  const townCells = new Map<string, number[]>();
  const names = new Map<string, string>();
  tile.cellVillage.forEach((v, c) => {
    push(cellsOf, v.code, c);
    push(townCells, v.township.code, c);
    names.set(v.code, v.name);
    names.set(v.township.code, v.township.name);
  });

  const villages: Feature[] = [];
  const townDcmj = new Map<string, Decimal>();
  for (const code of [...cellsOf.keys()].sort()) {
    const geometry = gkGeometry(outlineOf(tile.cells, cellsOf.get(code)!), tile.cells.vx, tile.cells.vy, origin)!;
    const sum = dcmj.get(code) ?? new Decimal(0);
    const town = code.slice(0, 9);
    townDcmj.set(town, (townDcmj.get(town) ?? new Decimal(0)).plus(sum));
    villages.push({
      type: 'Feature',
      geometry,
      properties: {
        BSM: `${COUNTY_CODE}3${String(villages.length + 1).padStart(11, '0')}`, YSDM: YSDM.CJDCQ, ZLDWDM: code + '0000000', ZLDWMC: names.get(code)!,
        DCMJ: round2(sum), JSMJ: round2(ellipsoidalAreaM2(geometry, crs)), MSSM: '', HDMC: '', BZ: '',
      },
    });
  }
  const townships: Feature[] = [];
  for (const code of [...townCells.keys()].sort()) {
    const geometry = gkGeometry(outlineOf(tile.cells, townCells.get(code)!), tile.cells.vx, tile.cells.vy, origin)!;
    townships.push({
      type: 'Feature',
      geometry,
      properties: {
        BSM: `${COUNTY_CODE}1${String(townships.length + 1).padStart(11, '0')}`, YSDM: YSDM.XZQ, XZQDM: code, XZQMC: names.get(code)!,
        DCMJ: round2(townDcmj.get(code)!), JSMJ: round2(ellipsoidalAreaM2(geometry, crs)), MSSM: '', HDMC: '', BZ: '',
      },
    });
  }
  const prj = crsToEsriWkt(crs);
  for (const [name, fields, features] of [['CJDCQ', CJDCQ_FIELDS, villages], ['XZQ', XZQ_FIELDS, townships]] as const) {
    const sink = new ShapefileSink(`${dir}/${name}`, { geometryType: 'Polygon', fields, prj });
    sink.append(features);
    sink.close();
  }
  return { villages: villages.length, townships: townships.length };
}

function push(map: Map<string, number[]>, key: string, value: number) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
