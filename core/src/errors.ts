/**
 * The three kinds of failure, kept apart (see docs/ARCHITECTURE.md § Errors):
 *  - validation problems are data ({@link Issue}), never thrown;
 *  - bad input that stops an operation throws {@link InputError} with a catalogued `code`;
 *  - a cancelled operation throws {@link CancelledError};
 *  - a broken invariant in our own code throws {@link BugError} and is never shown as "your file is wrong".
 *
 * Errors cross worker, IPC and HTTP boundaries as plain {@link ErrorShape} objects; the class is rebuilt on
 * the far side by {@link fromErrorShape}. Test by `code`, never by `instanceof`.
 */
import { formatMessage, type Lang, type MessageCode, type MessageDetails } from './messages/index';

/** The serialized form of every error that crosses a process boundary. */
export interface ErrorShape {
  name: string;
  code: string;
  message: string;
  details?: MessageDetails;
}

/** Bad input: a file, parameter or geometry the user can fix. `message` is English; use {@link errorMessage} for zh. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly code: MessageCode,
    readonly details: MessageDetails = {},
  ) {
    super(formatMessage(code, details, 'en'));
  }
}

/** The user (or a newer request) cancelled the operation. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  readonly code = 'CANCELLED';
  readonly details: MessageDetails = {};
  constructor() {
    super(formatMessage('CANCELLED', {}, 'en'));
  }
}

/** A bug in VEP Studio itself. Do not throw this for invalid user input. */
export class BugError extends Error {
  override readonly name = 'BugError';
  readonly code = 'BUG';
  constructor(
    message: string,
    readonly details: MessageDetails = {},
  ) {
    super(message);
  }
}

export function isCancelled(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'CANCELLED';
}

/** Serializes any thrown value for a boundary. Unknown errors become `BUG` with their message kept for the log. */
export function toErrorShape(e: unknown): ErrorShape {
  if (e instanceof InputError || e instanceof CancelledError || e instanceof BugError) {
    return { name: e.name, code: e.code, message: e.message, details: e.details };
  }
  if (typeof e === 'object' && e !== null && typeof (e as ErrorShape).code === 'string' && typeof (e as ErrorShape).name === 'string') {
    const s = e as ErrorShape;
    return { name: s.name, code: s.code, message: String(s.message ?? ''), details: s.details ?? {} };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { name: 'BugError', code: 'BUG', message, details: {} };
}

/** Rebuilds a typed error from its serialized shape (the inverse of {@link toErrorShape}). */
export function fromErrorShape(s: ErrorShape): Error & { code: string; details: MessageDetails } {
  if (s.code === 'CANCELLED') return new CancelledError();
  if (s.name === 'InputError') return new InputError(s.code as MessageCode, s.details ?? {});
  return new BugError(s.message, s.details ?? {});
}

/** The user-facing text of an error in the user's language. Bugs say they are bugs. */
export function errorMessage(e: unknown, lang: Lang): string {
  const s = toErrorShape(e);
  if (s.code === 'BUG') return formatMessage('BUG', { message: s.message }, lang);
  return formatMessage(s.code as MessageCode, s.details ?? {}, lang);
}
