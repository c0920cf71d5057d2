/**
 * Streams a shapefile to disk in chunks, so a county of a million parcels never sits in memory. Each chunk goes
 * through core's writer (writeShapefile: geometry, GBK attributes, LDID 0x4D) and is spliced onto the files:
 *
 *   .shp  chunk records renumbered, appended; header length and bounding box patched at the end
 *   .shx  chunk offsets shifted by the bytes already written, appended; header length patched
 *   .dbf  chunk records appended; record count patched, end-of-file marker written at the end
 *
 * Splicing is only sound when every chunk lays its fields out identically, so the field widths given must hold
 * every value (the writer widens a field to fit, and the sink refuses a chunk whose layout differs). No .cpg is
 * written: the language-driver byte alone says GBK, the common and hardest case for readers
 * (docs/methods/sandiao-data.md §8).
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { writeShapefile, type Feature, type FieldDef, type GeometryType } from '#core';

export interface ShapefileSinkOptions {
  geometryType: GeometryType;
  fields: readonly FieldDef[];
  /** ESRI WKT for the .prj. */
  prj: string;
}

export class ShapefileSink {
  private readonly shp: number;
  private readonly shx: number;
  private readonly dbf: number;
  private shpBytes = 0;
  private shxBytes = 0;
  private dbfBytes = 0;
  private records = 0;
  private readonly box = [Infinity, Infinity, -Infinity, -Infinity];
  private layout: string | null = null;

  /** @param basePath the path without extension: `dir/DLTB` writes dir/DLTB.shp, .shx, .dbf, .prj. */
  constructor(
    basePath: string,
    private readonly options: ShapefileSinkOptions,
  ) {
    writeFileSync(`${basePath}.prj`, options.prj);
    this.shp = openSync(`${basePath}.shp`, 'w');
    this.shx = openSync(`${basePath}.shx`, 'w');
    this.dbf = openSync(`${basePath}.dbf`, 'w');
  }

  /** The number of records written so far. */
  get count(): number {
    return this.records;
  }

  /** Writes a chunk of features after those already written. */
  append(features: readonly Feature[]): void {
    if (features.length === 0) return;
    const out = writeShapefile(features, { geometryType: this.options.geometryType, fields: this.options.fields, encoding: 'GBK' });
    const layout = JSON.stringify(out.fields);
    if (this.layout === null) this.layout = layout;
    else if (layout !== this.layout) throw new Error(`chunk field layout ${layout} differs from the first chunk's ${this.layout}: widen the field widths`);

    const shpView = new DataView(out.shp.buffer, out.shp.byteOffset, out.shp.byteLength);
    const shxView = new DataView(out.shx.buffer, out.shx.byteOffset, out.shx.byteLength);
    const dbfView = new DataView(out.dbf.buffer, out.dbf.byteOffset, out.dbf.byteLength);
    const first = this.records === 0;
    const shift = first ? 0 : this.shpBytes - 100;
    for (let at = 100, n = 0; at < out.shp.byteLength; n++) {
      shpView.setInt32(at, this.records + n + 1, false);
      at += 8 + 2 * shpView.getInt32(at + 4, false);
    }
    for (let at = 100; at < out.shx.byteLength; at += 8) shxView.setInt32(at, shxView.getInt32(at, false) + shift / 2, false);
    for (let k = 0; k < 4; k++) {
      const v = shpView.getFloat64(36 + 8 * k, true);
      this.box[k] = k < 2 ? Math.min(this.box[k], v) : Math.max(this.box[k], v);
    }
    const dbfHeader = dbfView.getUint16(8, true);
    this.shpBytes += this.put(this.shp, first ? out.shp : out.shp.subarray(100), this.shpBytes);
    this.shxBytes += this.put(this.shx, first ? out.shx : out.shx.subarray(100), this.shxBytes);
    this.dbfBytes += this.put(this.dbf, out.dbf.subarray(first ? 0 : dbfHeader, out.dbf.byteLength - 1), this.dbfBytes);
    this.records += features.length;
  }

  /** Patches the headers and closes the files. @returns the number of records. */
  close(): number {
    if (this.records === 0) {
      const empty = writeShapefile([], { geometryType: this.options.geometryType, fields: this.options.fields, encoding: 'GBK' });
      this.put(this.shp, empty.shp, 0);
      this.put(this.shx, empty.shx, 0);
      this.put(this.dbf, empty.dbf, 0);
      for (const fd of [this.shp, this.shx, this.dbf]) closeSync(fd);
      return 0;
    }
    const header = new DataView(new ArrayBuffer(8));
    header.setInt32(0, this.shpBytes / 2, false);
    writeSync(this.shp, new Uint8Array(header.buffer, 0, 4), 0, 4, 24);
    const box = new DataView(new ArrayBuffer(32));
    this.box.forEach((v, k) => box.setFloat64(8 * k, v, true));
    writeSync(this.shp, new Uint8Array(box.buffer), 0, 32, 36);
    writeSync(this.shx, new Uint8Array(box.buffer), 0, 32, 36);
    header.setInt32(0, this.shxBytes / 2, false);
    writeSync(this.shx, new Uint8Array(header.buffer, 0, 4), 0, 4, 24);
    header.setUint32(4, this.records, true);
    writeSync(this.dbf, new Uint8Array(header.buffer, 4, 4), 0, 4, 4);
    writeSync(this.dbf, Uint8Array.of(0x1a), 0, 1, this.dbfBytes);
    for (const fd of [this.shp, this.shx, this.dbf]) closeSync(fd);
    return this.records;
  }

  private put(fd: number, bytes: Uint8Array, position: number): number {
    writeSync(fd, bytes, 0, bytes.byteLength, position);
    return bytes.byteLength;
  }
}
