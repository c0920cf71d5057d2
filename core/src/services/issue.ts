/**
 * Validation problems and run notes are data, never exceptions (docs/design/style.md § Error types): a path into the
 * input, a catalogued message code (core/src/messages/), a severity and the details the message is filled from.
 */
import { formatMessage, type Lang, type MessageCode, type MessageDetails } from '../messages/index';

export type Severity = 'error' | 'warning' | 'info';

export interface Issue {
  /** Where: a dotted path into the request or parameter set ('prices.carbonPrice.unit'), or '' for the whole run. */
  path: string;
  /** The message code in the zh/en catalogue. */
  code: MessageCode;
  severity: Severity;
  details: MessageDetails;
}

export function issue(path: string, code: MessageCode, severity: Severity, details: MessageDetails = {}): Issue {
  return { path, code, severity, details };
}

/** The text of an issue in one language. */
export function issueMessage(i: Issue, lang: Lang): string {
  return formatMessage(i.code, i.details, lang);
}
