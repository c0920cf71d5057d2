import type { Message } from './index';

/** Messages of the raster domain (core/src/raster/). */
export const rasterMessages = {} satisfies Record<string, Message>;
