import { z } from 'zod';
import { filePath, jobId, storeId } from './common-schemas';
import { LAYER_EXPORT_EXTENSIONS, MAP_EXPORT_EXTENSIONS, RUN_EXPORT_EXTENSIONS } from './reports';

const id = z.number().int().positive();
const lang = z.enum(['zh', 'en']);

/** An absolute target path (POSIX, drive letter or UNC) ending in one of `extensions` (any case). */
function targetPath(extensions: readonly string[]) {
  return filePath
    .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), 'must be an absolute path')
    .refine((p) => extensions.some((e) => p.toLowerCase().endsWith(e)), `must end in ${extensions.join(' ')}`);
}

const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90)])
  .refine(([w, s, e, n]) => w < e && s < n, 'west < east and south < north');

export const REPORTS_SCHEMAS = {
  'reports:run': z.object({ jobId, runId: id, path: targetPath(RUN_EXPORT_EXTENSIONS), lang }).strict(),
  'reports:layer': z.object({
    jobId,
    source: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('layer'), layerId: storeId }).strict(),
      z.object({ kind: z.literal('redlines'), ids: z.array(id).min(1).max(10_000).optional() }).strict(),
    ]),
    path: targetPath(LAYER_EXPORT_EXTENSIONS),
    encoding: z.enum(['GBK', 'UTF-8']).optional(),
  }).strict(),
  'reports:map': z.object({
    jobId,
    path: targetPath(MAP_EXPORT_EXTENSIONS),
    view: z.object({ extentLonLat: lonLat, widthPx: z.number().int().min(16).max(16_384), heightPx: z.number().int().min(16).max(16_384) }).strict(),
    dpi: z.number().min(36).max(1200).optional(),
    lang,
    title: z.string().min(1).max(200).optional(),
    runId: id.nullable().optional(),
    redLineId: id.nullable().optional(),
    layerId: storeId.nullable().optional(),
  }).strict(),
  'reports:batch': z.object({
    jobId,
    path: targetPath(['.xlsx']),
    lang,
    redLineIds: z.array(id).min(1).max(10_000).optional(),
    layerId: storeId.optional(),
    parameterSetId: id.nullable().optional(),
    bufferM: z.number().min(0).max(50_000),
    mode: z.enum(['auto', 'model', 'coefficient']),
  }).strict(),
};
