/**
 * The one catalogue of user-facing messages (zh and en), split by domain so each file stays small.
 * Every InputError code and every validation issue code is a key here; a missing key fails to compile.
 */
import { commonMessages } from './common';
import { ioMessages } from './io';
import { crsMessages } from './crs';
import { rasterMessages } from './raster';
import { geometryMessages } from './geometry';
import { servicesMessages } from './services';
import { accountingMessages } from './accounting';
import { storeMessages } from './store';
import { formatsMessages } from './formats';
import { hostMessages } from './host';
import { appMessages } from './app';
import { exportsMessages } from './exports';

export type Lang = 'zh' | 'en';
export type MessageDetails = Record<string, unknown>;

/** A message in both languages; `{name}` placeholders are filled from the details. */
export interface Message {
  zh: string;
  en: string;
}

const catalog = {
  ...commonMessages,
  ...ioMessages,
  ...crsMessages,
  ...rasterMessages,
  ...geometryMessages,
  ...servicesMessages,
  ...accountingMessages,
  ...storeMessages,
  ...formatsMessages,
  ...hostMessages,
  ...appMessages,
  ...exportsMessages,
} as const satisfies Record<string, Message>;

export type MessageCode = keyof typeof catalog;

export function isMessageCode(code: string): code is MessageCode {
  return Object.prototype.hasOwnProperty.call(catalog, code);
}

/** Fills a catalogued message. Unknown placeholders stay visible so a missing detail is noticed, not hidden. */
export function formatMessage(code: MessageCode, details: MessageDetails, lang: Lang): string {
  const template = catalog[code][lang];
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in details ? formatDetail(details[key]) : whole));
}

function formatDetail(value: unknown): string {
  if (Array.isArray(value)) return value.map(formatDetail).join(', ');
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
