/**
 * The one place where a request from outside becomes a host call: channel checked against the contract, request
 * validated by its schema, the handler run, and any failure turned into a serializable ErrorShape. IPC and HTTP
 * both go through here, so the two transports cannot differ in what they accept.
 */
import { InputError, toErrorShape, type ErrorShape } from '#core';
import { CHANNELS, type Channel } from './api';
import { REQUEST_SCHEMAS } from './request-schemas';
import type { Host } from './host';

export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: ErrorShape };

export function isChannel(name: string): name is Channel {
  return (CHANNELS as readonly string[]).includes(name);
}

export async function dispatch(host: Host, channel: string, rawRequest: unknown): Promise<DispatchResult> {
  try {
    if (!isChannel(channel)) throw new InputError('INVALID_ARGUMENT', { name: 'channel', reason: `unknown channel ${JSON.stringify(channel).slice(0, 80)}` });
    const parsed = REQUEST_SCHEMAS[channel].safeParse(rawRequest);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new InputError('INVALID_ARGUMENT', { name: `${channel} ${first?.path.join('.') || 'request'}`, reason: first?.message ?? 'invalid' });
    }
    // The schema map is keyed like the handler map, so this pairing is sound; TS cannot correlate the two unions.
    const handler = host.handlers[channel] as (req: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (e) {
    const error = toErrorShape(e);
    if (error.code === 'BUG') console.error(`vep host: ${channel} failed:`, e);
    return { ok: false, error };
  }
}
