import type { Message } from './index';

/** Messages of the io domain (core/src/io/). */
export const ioMessages = {} satisfies Record<string, Message>;
