/**
 * The DLTB layer as it is written: tile after tile, each tile's parcels numbered within their village (TBBH, north
 * to south, then west to east, as surveyors number them), measured (TBMJ, the 三调 ellipsoidal area of §6.1) and
 * streamed to the shapefile as one chunk.
 */
import { crsToEsriWkt, ellipsoidalAreaM2, type CrsInfo, type Feature } from '#core';
import { dltbRecord } from './dltb-record';
import { DLTB_FIELDS } from './dltb-schema';
import { gkGeometry, type Origin } from './gk-geometry';
import { hashUnit } from './prng';
import { ShapefileSink } from './shapefile-sink';
import type { Tile, TileParcel } from './tile';
import { COUNTY_CODE } from './villages';

/** What the layer remembers of a written parcel (for the village layer's DCMJ and for checks). */
export interface WrittenParcel {
  village: string;
  tbmj: number;
}

export class DltbLayer {
  private readonly sink: ShapefileSink;
  private readonly tbbh = new Map<string, number>();
  private seq = 0;

  /** @param basePath output path without extension, e.g. `out/DLTB`. */
  constructor(
    basePath: string,
    private readonly crs: CrsInfo,
    private readonly origin: Origin,
    private readonly seed: number,
  ) {
    this.sink = new ShapefileSink(basePath, { geometryType: 'Polygon', fields: DLTB_FIELDS, prj: crsToEsriWkt(crs) });
  }

  /** Writes a tile's parcels; returns their village and TBMJ in the order written. */
  addTile(tile: Tile): WrittenParcel[] {
    const features: Feature[] = [];
    const written: WrittenParcel[] = [];
    for (const p of ordered(tile)) {
      const geometry = gkGeometry(p.polygons, tile.cells.vx, tile.cells.vy, this.origin);
      if (!geometry) continue;
      const seq = ++this.seq;
      const tbbh = (this.tbbh.get(p.village.code) ?? 0) + 1;
      this.tbbh.set(p.village.code, tbbh);
      const properties = dltbRecord(p, {
        bsm: `${COUNTY_CODE}2${String(seq).padStart(11, '0')}`,
        tbbh,
        areaM2: ellipsoidalAreaM2(geometry, this.crs),
        unit: (purpose) => hashUnit(this.seed, seq, purpose, 17),
      });
      features.push({ type: 'Feature', geometry, properties });
      written.push({ village: p.village.code, tbmj: properties.TBMJ as number });
    }
    this.sink.append(features);
    return written;
  }

  /** Finishes the files. @returns the number of parcels written. */
  close(): number {
    return this.sink.close();
  }
}

/** A tile's parcels in survey numbering order: by village, then in 200 m bands from north to south, west to east. */
function ordered(tile: Tile): TileParcel[] {
  const key = tile.parcels.map((p) => {
    const ring = p.polygons[0][0];
    let x = 0;
    let y = 0;
    for (const v of ring) {
      x += tile.cells.vx[v];
      y += tile.cells.vy[v];
    }
    return { p, band: -Math.floor(y / ring.length / 200), x: x / ring.length };
  });
  key.sort((a, b) => (a.p.village.code < b.p.village.code ? -1 : a.p.village.code > b.p.village.code ? 1 : a.band - b.band || a.x - b.x));
  return key.map((k) => k.p);
}
