/**
 * Gathers the notes of a run into warnings: one per code and details, listing the pieces it concerns (the first
 * 20 ids, their count and area), in the order first met — the pieces are sorted first, so the order is stable.
 */
import { formatMessage, type MessageCode, type MessageDetails } from '../messages/index';
import { canonicalJson } from '../params/canonical-json';
import type { AccountWarning } from './account-types';
import { area, dec, Dec, type Dec as DecT } from './money';

const MAX_IDS = 20;

interface Entry {
  code: MessageCode;
  severity: 'warning' | 'info';
  details: MessageDetails;
  ids: (string | number)[];
  count: number;
  areaM2: DecT;
}

export class WarningCollector {
  private readonly entries = new Map<string, Entry>();

  /** Adds a note, about a piece when `piece` is given. */
  add(code: MessageCode, details: MessageDetails, piece?: { id: string | number; areaM2: number }, severity: 'warning' | 'info' = 'warning'): void {
    const key = `${code}|${canonicalJson(details)}`;
    let e = this.entries.get(key);
    if (e === undefined) {
      e = { code, severity, details, ids: [], count: 0, areaM2: new Dec(0) };
      this.entries.set(key, e);
    }
    if (piece === undefined) return;
    e.count++;
    e.areaM2 = e.areaM2.plus(dec(piece.areaM2));
    if (e.ids.length < MAX_IDS && !e.ids.includes(piece.id)) e.ids.push(piece.id);
  }

  list(): AccountWarning[] {
    return [...this.entries.values()].map((e) => ({
      code: e.code,
      severity: e.severity,
      message: { zh: formatMessage(e.code, e.details, 'zh'), en: formatMessage(e.code, e.details, 'en') },
      details: e.details,
      pieces: e.ids,
      pieceCount: e.count,
      area: area(e.areaM2),
    }));
  }
}
