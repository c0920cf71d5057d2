import type { Message } from './index';

/** Messages of the crs domain (core/src/crs/). */
export const crsMessages = {} satisfies Record<string, Message>;
