import type { Message } from './index';

/** Messages of the services domain (core/src/services/). */
export const servicesMessages = {} satisfies Record<string, Message>;
