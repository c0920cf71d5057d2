import type { Message } from './index';

/** Messages that belong to no single domain. */
export const commonMessages = {
  BUG: {
    zh: '程序内部错误（请报告此问题）：{message}',
    en: 'Internal error (please report this): {message}',
  },
  CANCELLED: {
    zh: '操作已取消',
    en: 'The operation was cancelled',
  },
  INVALID_ARGUMENT: {
    zh: '参数 {name} 无效：{reason}',
    en: 'Invalid argument {name}: {reason}',
  },
  LIMIT_EXCEEDED: {
    zh: '{what} 超出上限 {limit}（实际 {value}）',
    en: '{what} exceeds the limit of {limit} (found {value})',
  },
} satisfies Record<string, Message>;
