import type { Message } from './index';

/** Messages of the geometry domain (core/src/geometry/). */
export const geometryMessages = {} satisfies Record<string, Message>;
