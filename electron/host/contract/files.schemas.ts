import { z } from 'zod';
import { filePath, jobId } from './common-schemas';

const encoding = z.string().regex(/^[A-Za-z0-9_.:-]{1,32}$/).nullable().optional();
const crsText = z.string().min(1).max(8000).nullable().optional();
const layerName = z.string().min(1).max(256).nullable().optional();

export const FILES_SCHEMAS = {
  'fs:list': z.object({ path: filePath.optional() }).strict(),
  'import:inspect': z.object({ path: filePath, encoding, crs: crsText, layer: layerName }).strict(),
  'import:run': z.object({ jobId, path: filePath, title: z.string().min(1).max(200).optional(), crs: crsText, encoding, layer: layerName }).strict(),
};
