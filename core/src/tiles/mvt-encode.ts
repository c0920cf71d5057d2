/**
 * Mapbox Vector Tile 2.1 encoding (https://github.com/mapbox/vector-tile-spec/tree/master/2.1, vector_tile.proto):
 * layers with their keys/values tables, features with tags and command-encoded geometry, written with `pbf`.
 *
 * Geometry commands (§4.3): CommandInteger = id | count << 3 with MoveTo = 1, LineTo = 2, ClosePath = 7; parameters
 * are zigzag-encoded deltas from the cursor, (n << 1) ^ (n >> 31). Polygon rings must already be oriented (exterior
 * rings with positive area in tile coordinates, y down: clockwise on screen) and carry integer coordinates.
 */
import { PbfWriter } from 'pbf';
import type { Properties, PropertyValue } from '../types';

export const MVT_POINT = 1;
export const MVT_LINESTRING = 2;
export const MVT_POLYGON = 3;

/** A feature ready for encoding: integer tile coordinates, rings closed (first = last) for polygons. */
export interface MvtFeature {
  /** Unsigned integer id (the store's feature id), if any. */
  id?: number;
  type: typeof MVT_POINT | typeof MVT_LINESTRING | typeof MVT_POLYGON;
  /** Points: one part per point; lines: one part per line; polygons: every ring in order (exterior, its holes, next exterior…). */
  geometry: number[][][];
  properties: Properties;
}

export interface MvtLayer {
  name: string;
  /** Tile units across the tile (default 4096). */
  extent?: number;
  features: MvtFeature[];
}

/** Encodes layers as one MVT tile; empty layers are left out. */
export function encodeMvt(layers: MvtLayer[]): Uint8Array {
  const pbf = new PbfWriter();
  for (const layer of layers) if (layer.features.length > 0) pbf.writeMessage(3, writeLayer, layer);
  return pbf.finish();
}

function writeLayer(layer: MvtLayer, pbf: PbfWriter): void {
  pbf.writeVarintField(15, 2); // version
  pbf.writeStringField(1, layer.name);
  const keys = new Map<string, number>();
  const values = new Map<string, { index: number; value: PropertyValue }>();
  for (const feature of layer.features) {
    const tags: number[] = [];
    for (const [key, value] of Object.entries(feature.properties)) {
      if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) continue;
      let k = keys.get(key);
      if (k === undefined) keys.set(key, (k = keys.size));
      const valueKey = `${typeof value}:${String(value)}`;
      let v = values.get(valueKey);
      if (v === undefined) values.set(valueKey, (v = { index: values.size, value }));
      tags.push(k, v.index);
    }
    pbf.writeMessage(2, writeFeature, { feature, tags });
  }
  for (const key of keys.keys()) pbf.writeStringField(3, key);
  for (const { value } of values.values()) pbf.writeMessage(4, writeValue, value);
  pbf.writeVarintField(5, layer.extent ?? 4096);
}

function writeFeature({ feature, tags }: { feature: MvtFeature; tags: number[] }, pbf: PbfWriter): void {
  if (feature.id !== undefined && Number.isInteger(feature.id) && feature.id >= 0) pbf.writeVarintField(1, feature.id);
  if (tags.length > 0) pbf.writePackedVarint(2, tags);
  pbf.writeVarintField(3, feature.type);
  pbf.writePackedVarint(4, geometryCommands(feature));
}

/** Value message (§4.1): strings, doubles (or sint/uint for integers), booleans. */
function writeValue(value: PropertyValue, pbf: PbfWriter): void {
  if (typeof value === 'string') pbf.writeStringField(1, value);
  else if (typeof value === 'boolean') pbf.writeBooleanField(7, value);
  else if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) {
      if (value < 0) pbf.writeSVarintField(6, value);
      else pbf.writeVarintField(5, value);
    } else pbf.writeDoubleField(3, value);
  }
}

const command = (id: number, count: number): number => (id & 0x7) | (count << 3);
const zigzag = (n: number): number => (n << 1) ^ (n >> 31);

/** The geometry as command integers, the cursor carried from part to part as the spec requires. */
export function geometryCommands(feature: MvtFeature): number[] {
  const out: number[] = [];
  let cx = 0, cy = 0;
  const moveTo = (p: number[]): void => {
    out.push(zigzag(p[0] - cx), zigzag(p[1] - cy));
    cx = p[0];
    cy = p[1];
  };
  if (feature.type === MVT_POINT) {
    const points = feature.geometry.flat();
    out.push(command(1, points.length));
    points.forEach(moveTo);
    return out;
  }
  for (const part of feature.geometry) {
    const closed = feature.type === MVT_POLYGON;
    const n = closed ? part.length - 1 : part.length; // a ring's repeated first point becomes ClosePath
    out.push(command(1, 1));
    moveTo(part[0]);
    out.push(command(2, n - 1));
    for (let i = 1; i < n; i++) moveTo(part[i]);
    if (closed) out.push(command(7, 1));
  }
  return out;
}
