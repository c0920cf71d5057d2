import { z } from 'zod';
import { filePath, none, storeId } from './common-schemas';

/** Bounded so a request cannot ask for an unbounded allocation: 200 000 vertices in all. */
const MAX_VERTICES = 200_000;
const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ring = z.array(position).min(4).max(MAX_VERTICES);
const polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1).max(10_000) }).strict();
const multiPolygon = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1).max(10_000)).min(1).max(10_000) }).strict();
const geometry = z.discriminatedUnion('type', [polygon, multiPolygon]).refine((g) => countVertices(g) <= MAX_VERTICES, `at most ${MAX_VERTICES} vertices`);

function countVertices(g: { type: string; coordinates: unknown }): number {
  const rings = g.type === 'Polygon' ? (g.coordinates as unknown[][]) : (g.coordinates as unknown[][][]).flat();
  return rings.reduce((n, r) => n + r.length, 0);
}

export const REDLINES_SCHEMAS = {
  'redlines:list': none,
  'redlines:save': z.object({
    id: z.number().int().positive().optional(),
    name: z.string().min(1).max(200),
    geometry,
    source: z.string().max(4096).nullable().optional(),
    notes: z.string().max(10_000).nullable().optional(),
  }).strict(),
  'redlines:delete': z.object({ id: z.number().int().positive() }).strict(),
  'redlines:validate': z.object({ geometry }).strict(),
  'redlines:ring': z.object({ geometry, bufferM: z.number().min(0).max(50_000) }).strict(),
  'redlines:fromFile': z.object({ path: filePath, crs: z.string().max(8000).nullable().optional(), encoding: z.string().max(32).nullable().optional() }).strict(),
  'redlines:fromParcels': z.object({ layerId: storeId, ids: z.array(z.number().int()).min(1).max(5000) }).strict(),
};
