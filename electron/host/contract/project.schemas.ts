import { z } from 'zod';
import { none, storeId } from './common-schemas';

/** Keys of UI state saved in the project: short, plain names chosen by the app. */
const stateKey = z.string().regex(/^[A-Za-z][A-Za-z0-9._-]{0,63}$/);
const fieldName = z.string().min(1).max(128);
const value = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);
const lonLatBox = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90)]);

const filter = z.discriminatedUnion('op', [
  z.object({ field: fieldName, op: z.literal('eq'), value }).strict(),
  z.object({ field: fieldName, op: z.literal('in'), values: z.array(value).max(1000) }).strict(),
  z.object({ field: fieldName, op: z.literal('contains'), text: z.string().max(200) }).strict(),
]);

export const PROJECT_SCHEMAS = {
  'project:status': none,
  'project:getState': z.object({ key: stateKey }).strict(),
  'project:setState': z.object({ key: stateKey, value: z.unknown() }).strict(),
  'layers:list': none,
  'layers:query': z.object({
    layerId: storeId,
    filters: z.array(filter).max(20).optional(),
    sort: z.object({ field: fieldName, direction: z.enum(['asc', 'desc']) }).strict().optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(0).max(10_000).optional(),
  }).strict(),
  'layers:feature': z.object({ layerId: storeId, id: z.number().int() }).strict(),
  'layers:classes': z.object({ layerId: storeId, field: fieldName, labelField: fieldName.optional() }).strict(),
  'layers:snap': z.object({ layerId: storeId, bboxLonLat: lonLatBox, maxFeatures: z.number().int().min(1).max(2000).optional() }).strict(),
  'layers:delete': z.object({ layerId: storeId }).strict(),
};
