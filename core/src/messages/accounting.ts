import type { Message } from './index';

/** Messages of the accounting domain (core/src/accounting/). */
export const accountingMessages = {} satisfies Record<string, Message>;
