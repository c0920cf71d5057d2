import type { Message } from './index';

/** Messages of the store domain (core/src/store/). */
export const storeMessages = {} satisfies Record<string, Message>;
