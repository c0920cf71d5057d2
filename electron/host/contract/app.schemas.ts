import { z } from 'zod';
import { jobId, none } from './common-schemas';

export const APP_SCHEMAS = {
  'app:info': none,
  'job:cancel': z.object({ jobId }).strict(),
};
