import type { MessageCode, MessageDetails } from '../messages/index';

export type IssueSeverity = 'error' | 'warning' | 'info';

/**
 * A problem found in a geometry, as data (never thrown): a catalogued message code (core/src/messages/geometry.ts),
 * a severity, where it is ([x, y] in the layer's CRS, or null when it has no single place) and the details the
 * zh/en message is filled from.
 */
export interface GeometryIssue {
  code: MessageCode;
  severity: IssueSeverity;
  location: [number, number] | null;
  details: MessageDetails;
}
