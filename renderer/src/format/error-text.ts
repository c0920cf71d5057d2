/** The user's text for an error from the host or core: the catalogued zh/en message of its code. */
import { formatMessage, isMessageCode, type Lang } from '#core';

export function errorText(e: unknown, lang: Lang): string {
  const shape = e as { code?: unknown; details?: unknown; message?: unknown };
  if (typeof shape?.code === 'string' && isMessageCode(shape.code)) {
    return formatMessage(shape.code, (shape.details ?? {}) as Record<string, unknown>, lang);
  }
  return typeof shape?.message === 'string' ? shape.message : String(e);
}

/** The current UI language as core's Lang. */
export function langOf(language: string): Lang {
  return language.startsWith('en') ? 'en' : 'zh';
}
