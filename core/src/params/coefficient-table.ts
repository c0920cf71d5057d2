/**
 * A table of value coefficients in 元/(m²·a) per land class and service — the `vep account --coefficients` CSV
 * (docs/design/cli.md). A level-1 row (`03`) applies to every code under it that the table does not list; a class
 * with neither, or an empty cell, gets 0, and the run lists it in its warnings.
 */
import { landClassLookupChain } from '../landclass/land-class';
import type { ServiceId } from '../services/service-ids';

export interface CoefficientTableRow {
  code: string;
  /** 元/(m²·a) per service; null for an empty cell (the service has no coefficient for this class: 0, and warned). */
  values: Record<ServiceId, number | null>;
}

export interface CoefficientTable {
  /** The file it came from, for messages. */
  name: string;
  rows: CoefficientTableRow[];
}

/** Finds the row of a DLBM through the class chain (`0301K` → `0301` → `03`). */
export class CoefficientTableIndex {
  private readonly byCode: Map<string, CoefficientTableRow>;

  constructor(readonly table: CoefficientTable) {
    this.byCode = new Map(table.rows.map((r) => [r.code, r]));
  }

  /** The row used for a DLBM, or undefined when neither the code nor its parents are listed. */
  rowFor(dlbm: string): CoefficientTableRow | undefined {
    for (const code of landClassLookupChain(dlbm)) {
      const row = this.byCode.get(code);
      if (row) return row;
    }
    return undefined;
  }
}
